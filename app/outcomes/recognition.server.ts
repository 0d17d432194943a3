// Recognition at the end of a cohort: completion rules (with organizers'
// exceptions, audited), certificates at unguessable addresses that anyone can
// verify and the participant can withdraw, testimonials approved by an organizer,
// and the opt-in showcase of merged pull requests.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "~/cohorts/audit.server";
import { cohortEndsAt, cohortLastDay, phaseOf, PhaseError, PHASE_COLUMNS } from "~/cohorts/phase";
import { db } from "~/utils/db.server";

export const DEFAULT_AFTER_SETTINGS = {
  minReflectionWeeks: 4,
  minLinkedPulls: 1,
  maintainerViewPublic: true,
  maxOpenPullsPerProject: 3,
};
export type AfterSettings = typeof DEFAULT_AFTER_SETTINGS & { completionAppliedAt: Date | null };

export const afterSettingsForm = z.object({
  minReflectionWeeks: z.coerce
    .number({ invalid_type_error: "Enter a number of weeks." })
    .int("Enter a whole number of weeks.")
    .min(0, "Enter 0 or more weeks.")
    .max(52, "Enter at most 52 weeks."),
  minLinkedPulls: z.coerce
    .number({ invalid_type_error: "Enter a number of pull requests." })
    .int("Enter a whole number.")
    .min(0, "Enter 0 or more.")
    .max(50, "Enter at most 50."),
  maxOpenPullsPerProject: z.coerce
    .number({ invalid_type_error: "Enter a number of pull requests." })
    .int("Enter a whole number.")
    .min(1, "Allow at least 1 open pull request.")
    .max(50, "Enter at most 50."),
  maintainerView: z.enum(["public", "token"], {
    errorMap: () => ({ message: "Choose public or behind a link with a token." }),
  }),
});

export const exceptionForm = z.object({
  personId: z.string().min(1, "Choose a participant."),
  completed: z.enum(["yes", "no"], { errorMap: () => ({ message: "Say whether they completed." }) }),
  reason: z
    .string()
    .trim()
    .min(5, "Give the reason for the exception (a sentence others can read later).")
    .max(1000, "Keep the reason under 1,000 characters."),
});

export const testimonialForm = z.object({
  body: z
    .string()
    .trim()
    .min(20, "Write at least a couple of sentences (20 characters or more).")
    .max(3000, "Keep it under 3,000 characters."),
});

export const certificatePath = (token: string) => `/certificates/${token}`;
const newToken = () => randomBytes(18).toString("base64url");

export async function getAfterSettings(cohortId: string): Promise<AfterSettings> {
  const row = await db.cohortAfterSettings.findUnique({ where: { cohortId } });
  if (!row) return { ...DEFAULT_AFTER_SETTINGS, completionAppliedAt: null };
  return {
    minReflectionWeeks: row.minReflectionWeeks,
    minLinkedPulls: row.minLinkedPulls,
    maintainerViewPublic: row.maintainerViewPublic,
    maxOpenPullsPerProject: row.maxOpenPullsPerProject,
    completionAppliedAt: row.completionAppliedAt,
  };
}

export async function saveAfterSettings(
  cohortId: string,
  actorId: string,
  input: z.infer<typeof afterSettingsForm>,
): Promise<void> {
  const before = await getAfterSettings(cohortId);
  const data = {
    minReflectionWeeks: input.minReflectionWeeks,
    minLinkedPulls: input.minLinkedPulls,
    maxOpenPullsPerProject: input.maxOpenPullsPerProject,
    maintainerViewPublic: input.maintainerView === "public",
  };
  await db.$transaction(async (tx) => {
    await tx.cohortAfterSettings.upsert({ where: { cohortId }, create: { cohortId, ...data }, update: data });
    await recordAudit(
      {
        actorId,
        cohortId,
        action: "after_settings.update",
        subjectType: "cohort",
        subjectId: cohortId,
        fromValue: JSON.stringify({ ...before, completionAppliedAt: undefined }),
        toValue: JSON.stringify(data),
      },
      tx,
    );
  });
}

async function loadCohort(cohortId: string) {
  return db.cohort.findUniqueOrThrow({
    where: { id: cohortId },
    select: {
      id: true,
      slug: true,
      name: true,
      ...PHASE_COLUMNS,
    },
  });
}

export type CompletionRow = {
  personId: string;
  name: string;
  login: string;
  reflectionWeeks: number;
  linkedPulls: number;
  meetsRules: boolean;
  completion: { completed: boolean; exceptionReason: string | null; ruleSummary: string } | null;
};

/** Every participant against the rules, with what was decided so far. Four queries. */
export async function completionOverview(
  cohortId: string,
): Promise<{ settings: AfterSettings; rows: CompletionRow[] }> {
  const settings = await getAfterSettings(cohortId);
  const [members, reflections, links, completions] = await Promise.all([
    db.cohortMembership.findMany({
      where: { cohortId, role: "participant", personId: { not: null } },
      select: { person: { select: { id: true, name: true, login: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db.reflection.groupBy({
      by: ["personId"],
      where: { cohortId, status: "submitted" },
      _count: { _all: true },
    }),
    db.linkedPullRequest.groupBy({ by: ["personId"], where: { cohortId }, _count: { _all: true } }),
    db.completion.findMany({
      where: { cohortId },
      select: { personId: true, completed: true, exceptionReason: true, ruleSummary: true },
    }),
  ]);
  const reflectionCount = new Map(reflections.map((r) => [r.personId, r._count._all]));
  const linkCount = new Map(links.map((l) => [l.personId, l._count._all]));
  const decided = new Map(completions.map((c) => [c.personId, c]));
  const rows = members.flatMap((m) => {
    if (!m.person) return [];
    const reflectionWeeks = reflectionCount.get(m.person.id) ?? 0;
    const linkedPulls = linkCount.get(m.person.id) ?? 0;
    const c = decided.get(m.person.id);
    return [
      {
        personId: m.person.id,
        name: m.person.name,
        login: m.person.login,
        reflectionWeeks,
        linkedPulls,
        meetsRules: reflectionWeeks >= settings.minReflectionWeeks && linkedPulls >= settings.minLinkedPulls,
        completion: c
          ? { completed: c.completed, exceptionReason: c.exceptionReason, ruleSummary: c.ruleSummary }
          : null,
      },
    ];
  });
  return { settings, rows };
}

/**
 * Applies the rules to every participant once the cohort has finished. Exceptions
 * an organizer marked are kept; everyone else gets the rules' answer. Idempotent.
 */
export async function applyCompletionRules(
  cohortId: string,
  actorId: string,
  now = new Date(),
): Promise<{ completed: number; notCompleted: number }> {
  const cohort = await loadCohort(cohortId);
  if (phaseOf(cohort, now) !== "finished")
    throw new PhaseError("Completion rules are applied once the cohort has finished.");
  const { settings, rows } = await completionOverview(cohortId);
  let completed = 0;
  await db.$transaction(async (tx) => {
    for (const row of rows) {
      const ruleSummary = `Reflections in ${row.reflectionWeeks} week${row.reflectionWeeks === 1 ? "" : "s"} (rule: ${settings.minReflectionWeeks}), ${row.linkedPulls} linked pull request${row.linkedPulls === 1 ? "" : "s"} (rule: ${settings.minLinkedPulls}).`;
      const isException = row.completion?.exceptionReason != null;
      const done = isException ? row.completion!.completed : row.meetsRules;
      if (done) completed++;
      await tx.completion.upsert({
        where: { cohortId_personId: { cohortId, personId: row.personId } },
        create: {
          cohortId,
          personId: row.personId,
          completed: done,
          ruleSummary,
          certificateToken: newToken(),
          decidedAt: now,
        },
        update: isException ? { ruleSummary } : { completed: done, ruleSummary, decidedAt: now },
      });
      await tx.cohortMembership.updateMany({
        where: { cohortId, personId: row.personId, role: "participant" },
        data: { completedAt: done ? cohortEndsAt(cohort) : null },
      });
    }
    await tx.cohortAfterSettings.upsert({
      where: { cohortId },
      create: { cohortId, ...DEFAULT_AFTER_SETTINGS, completionAppliedAt: now },
      update: { completionAppliedAt: now },
    });
    await recordAudit(
      {
        actorId,
        cohortId,
        action: "completion.apply",
        subjectType: "cohort",
        subjectId: cohortId,
        toValue: `${completed} of ${rows.length} completed`,
      },
      tx,
    );
  });
  return { completed, notCompleted: rows.length - completed };
}

/** An organizer's exception to the rules, with the reason, in the audit log. */
export async function markCompletionException(
  cohortId: string,
  actorId: string,
  input: z.infer<typeof exceptionForm>,
  now = new Date(),
): Promise<"ok" | "not_participant"> {
  const member = await db.cohortMembership.findFirst({
    where: { cohortId, personId: input.personId, role: "participant" },
    select: { id: true },
  });
  if (!member) return "not_participant";
  const cohort = await loadCohort(cohortId);
  const completed = input.completed === "yes";
  await db.$transaction(async (tx) => {
    const before = await tx.completion.findUnique({
      where: { cohortId_personId: { cohortId, personId: input.personId } },
    });
    await tx.completion.upsert({
      where: { cohortId_personId: { cohortId, personId: input.personId } },
      create: {
        cohortId,
        personId: input.personId,
        completed,
        exceptionReason: input.reason,
        certificateToken: newToken(),
        decidedAt: now,
      },
      update: { completed, exceptionReason: input.reason, decidedAt: now },
    });
    await tx.cohortMembership.updateMany({
      where: { cohortId, personId: input.personId, role: "participant" },
      data: { completedAt: completed ? cohortEndsAt(cohort) : null },
    });
    await recordAudit(
      {
        actorId,
        cohortId,
        action: "completion.exception",
        subjectType: "person",
        subjectId: input.personId,
        fromValue: before ? (before.completed ? "completed" : "not completed") : "undecided",
        toValue: completed ? "completed" : "not completed",
        detail: input.reason,
      },
      tx,
    );
  });
  return "ok";
}

export type Certificate = {
  name: string;
  login: string;
  cohortName: string;
  cohortSlug: string;
  startsOn: Date;
  endsAt: Date;
  projects: string[];
  navigators: string[];
  mergedPulls: { title: string; url: string; repository: string; mergedAt: Date | null }[];
  exception: boolean;
};

/** The public certificate, or why there is none ("withdrawn" keeps its address honest). */
export async function getCertificate(token: string): Promise<Certificate | "withdrawn" | "not_found"> {
  const c = await db.completion.findUnique({
    where: { certificateToken: token },
    select: {
      completed: true,
      certificateWithdrawnAt: true,
      exceptionReason: true,
      personId: true,
      person: { select: { name: true, login: true } },
      cohort: { select: { id: true, name: true, slug: true, startsOn: true, weeks: true } },
    },
  });
  if (!c || !c.completed) return "not_found";
  if (c.certificateWithdrawnAt) return "withdrawn";
  const [membership, pulls] = await Promise.all([
    db.cohortMembership.findFirst({
      where: { cohortId: c.cohort.id, personId: c.personId, role: "participant" },
      select: {
        team: {
          select: {
            project: { select: { name: true } },
            members: {
              where: { role: { in: ["navigator", "captain"] } },
              select: { person: { select: { name: true } } },
            },
          },
        },
      },
    }),
    db.linkedPullRequest.findMany({
      where: { cohortId: c.cohort.id, personId: c.personId, pullRequest: { state: "merged" } },
      select: {
        pullRequest: {
          select: { title: true, url: true, owner: true, repo: true, number: true, mergedAt: true },
        },
      },
      orderBy: { linkedAt: "asc" },
    }),
  ]);
  return {
    name: c.person.name,
    login: c.person.login,
    cohortName: c.cohort.name,
    cohortSlug: c.cohort.slug,
    startsOn: c.cohort.startsOn,
    endsAt: cohortLastDay(c.cohort),
    projects: membership?.team?.project ? [membership.team.project.name] : [],
    navigators: membership?.team?.members.flatMap((m) => (m.person ? [m.person.name] : [])) ?? [],
    mergedPulls: pulls.map((l) => ({
      title: l.pullRequest.title,
      url: l.pullRequest.url,
      repository: `${l.pullRequest.owner}/${l.pullRequest.repo}#${l.pullRequest.number}`,
      mergedAt: l.pullRequest.mergedAt,
    })),
    exception: c.exceptionReason !== null,
  };
}

export type MyAfterCohort = {
  finished: boolean;
  completion: {
    completed: boolean;
    certificatePath: string | null;
    withdrawn: boolean;
    showcaseOptIn: boolean;
  } | null;
  testimonial: { body: string; status: string } | null;
};

export async function myAfterCohort(
  cohortId: string,
  personId: string,
  now = new Date(),
): Promise<MyAfterCohort> {
  const cohort = await loadCohort(cohortId);
  const [completion, testimonial] = await Promise.all([
    db.completion.findUnique({ where: { cohortId_personId: { cohortId, personId } } }),
    db.testimonial.findUnique({
      where: { cohortId_personId: { cohortId, personId } },
      select: { body: true, status: true },
    }),
  ]);
  return {
    finished: phaseOf(cohort, now) === "finished",
    completion: completion
      ? {
          completed: completion.completed,
          certificatePath:
            completion.completed && !completion.certificateWithdrawnAt
              ? certificatePath(completion.certificateToken)
              : null,
          withdrawn: completion.certificateWithdrawnAt !== null,
          showcaseOptIn: completion.showcaseOptIn,
        }
      : null,
    testimonial,
  };
}

/** Withdraw the certificate (its address stops working) or share it again at a new address. */
export async function setCertificateShared(
  cohortId: string,
  personId: string,
  shared: boolean,
  now = new Date(),
): Promise<"ok" | "no_certificate"> {
  const c = await db.completion.findUnique({ where: { cohortId_personId: { cohortId, personId } } });
  if (!c || !c.completed) return "no_certificate";
  await db.completion.update({
    where: { id: c.id },
    data: shared
      ? {
          certificateWithdrawnAt: null,
          certificateToken: c.certificateWithdrawnAt ? newToken() : c.certificateToken,
        }
      : { certificateWithdrawnAt: now },
  });
  return "ok";
}

export async function setShowcaseOptIn(
  cohortId: string,
  personId: string,
  optIn: boolean,
): Promise<"ok" | "not_decided"> {
  const updated = await db.completion.updateMany({
    where: { cohortId, personId },
    data: { showcaseOptIn: optIn },
  });
  return updated.count ? "ok" : "not_decided";
}

/** A participant writes (or rewrites) a testimonial after the cohort; it waits for an organizer again. */
export async function writeTestimonial(
  cohortId: string,
  personId: string,
  body: string,
  now = new Date(),
): Promise<void> {
  const cohort = await loadCohort(cohortId);
  if (phaseOf(cohort, now) !== "finished")
    throw new PhaseError("Testimonials are written after the cohort has finished.");
  await db.testimonial.upsert({
    where: { cohortId_personId: { cohortId, personId } },
    create: { cohortId, personId, body },
    update: { body, status: "pending", decidedAt: null, decidedById: null },
  });
}

export async function decideTestimonial(
  cohortId: string,
  actorId: string,
  testimonialId: string,
  decision: "approved" | "rejected",
  now = new Date(),
): Promise<"ok" | "not_found"> {
  const t = await db.testimonial.findFirst({ where: { id: testimonialId, cohortId } });
  if (!t) return "not_found";
  await db.$transaction(async (tx) => {
    await tx.testimonial.update({
      where: { id: t.id },
      data: { status: decision, decidedById: actorId, decidedAt: now },
    });
    await recordAudit(
      {
        actorId,
        cohortId,
        action: "testimonial.decide",
        subjectType: "testimonial",
        subjectId: t.id,
        fromValue: t.status,
        toValue: decision,
      },
      tx,
    );
  });
  return "ok";
}

export async function testimonialsForReview(cohortId: string) {
  return db.testimonial.findMany({
    where: { cohortId },
    select: {
      id: true,
      body: true,
      status: true,
      createdAt: true,
      person: { select: { name: true, login: true } },
    },
    orderBy: [{ status: "asc" }, { createdAt: "asc" }],
  });
}

export async function approvedTestimonials(cohortId: string) {
  return db.testimonial.findMany({
    where: { cohortId, status: "approved" },
    select: { id: true, body: true, person: { select: { name: true } } },
    orderBy: { decidedAt: "asc" },
  });
}

/** Merged pull requests of participants who opted in to the public showcase. */
export async function showcase(cohortId: string) {
  const optedIn = await db.completion.findMany({
    where: { cohortId, showcaseOptIn: true },
    select: { personId: true },
  });
  const links = await db.linkedPullRequest.findMany({
    where: { cohortId, personId: { in: optedIn.map((o) => o.personId) }, pullRequest: { state: "merged" } },
    select: {
      person: { select: { name: true, login: true } },
      pullRequest: {
        select: { title: true, url: true, owner: true, repo: true, number: true, mergedAt: true },
      },
    },
    orderBy: { linkedAt: "asc" },
  });
  return links.map((l) => ({
    name: l.person.name,
    login: l.person.login,
    title: l.pullRequest.title,
    url: l.pullRequest.url,
    repository: `${l.pullRequest.owner}/${l.pullRequest.repo}#${l.pullRequest.number}`,
    mergedAt: l.pullRequest.mergedAt,
  }));
}
