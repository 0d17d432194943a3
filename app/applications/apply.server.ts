// The applicant's side: one application per person per cohort, saved as a draft,
// submitted, edited until the window closes, or withdrawn.
import { cohortBySlug } from "~/auth/permissions.server";
import type { SessionPerson } from "~/auth/session.server";
import { countSlots, localToUtc, utcToLocal, emptySlots } from "~/availability/slots";
import { recordAudit } from "~/cohorts/audit.server";
import { assertPhase, phaseOf, PhaseError, type Phase, PHASE_COLUMNS } from "~/cohorts/phase";
import { db, isUniqueViolation, transaction } from "~/utils/db.server";
import type { FieldErrors, FormValues } from "~/utils/forms";
import { renderMarkdown } from "~/utils/markdown.server";
import { isValidTimeZone } from "~/utils/time";
import { loadQuestions } from "./form.server";
import { displayAnswer, readApplicationForm, type Question } from "./questions";
import { storedTimeCommitment } from "./time-commitment";
import { offerPath } from "./offers.server";

/** What the form shows of each of the cohort's projects. */
const projectSelect = {
  project: { select: { id: true, slug: true, name: true, aiPolicyText: true, aiPolicyUrl: true } },
} as const;

async function findCohort(slug: string) {
  const cohort = await cohortBySlug(slug);
  if (!cohort) return null;
  const projects = await db.cohortProject.findMany({
    where: { cohortId: cohort.id },
    select: projectSelect,
  });
  return { ...cohort, projects };
}

export function allTimeZones(extra: string[] = []): string[] {
  const zones = new Set<string>(
    typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [],
  );
  zones.add("UTC");
  for (const z of extra) if (isValidTimeZone(z)) zones.add(z);
  return [...zones].sort();
}

export type ApplyPage = Awaited<ReturnType<typeof getApplyPage>>;

/** Everything the apply page shows to `person`; null when the cohort is not visible. */
export async function getApplyPage(person: SessionPerson, slug: string, now = new Date()) {
  const cohort = await findCohort(slug);
  if (!cohort || !cohort.publishedAt) return null;
  const phase = phaseOf(cohort, now);
  const [questions, application, availability, staffRoles, notices] = await Promise.all([
    loadQuestions(cohort.id),
    db.application.findUnique({
      where: { cohortId_personId: { cohortId: cohort.id, personId: person.id } },
      include: {
        answers: { select: { questionId: true, value: true } },
        preferences: { select: { projectId: true, rank: true } },
        commitment: true,
        offers: {
          orderBy: { sentAt: "desc" },
          take: 1,
          select: { token: true, status: true, expiresAt: true },
        },
      },
    }),
    db.availability.findUnique({
      where: { cohortId_personId: { cohortId: cohort.id, personId: person.id } },
    }),
    db.cohortMembership.findMany({
      where: { cohortId: cohort.id, personId: person.id, role: { in: ["organizer", "reviewer"] } },
      select: { role: true },
    }),
    // What we wrote to them about this cohort, readable here even without e-mail.
    db.notice.findMany({
      where: { cohortId: cohort.id, personId: person.id },
      orderBy: { createdAt: "desc" },
      take: 10,
      select: { id: true, subject: true, bodyText: true, createdAt: true },
    }),
  ]);
  const timeZone = availability?.timeZone ?? person.timeZone;
  const projects = cohort.projects.map(({ project }) => ({
    id: project.id,
    slug: project.slug,
    name: project.name,
    aiPolicyHtml: project.aiPolicyText ? renderMarkdown(project.aiPolicyText) : "",
    aiPolicyUrl: project.aiPolicyUrl,
  }));
  const values: FormValues = {};
  if (application) {
    for (const a of application.answers) values[`q_${a.questionId}`] = a.value;
    for (const p of application.preferences) values[`pref_${p.projectId}`] = String(p.rank);
    if (application.anyProject) values.anyProject = "on";
    if (application.codeOfConductAcknowledgedAt) values.codeOfConduct = "on";
    if (application.aiPolicyAcknowledgedAt) values.aiPolicy = "on";
    const c = application.commitment;
    if (c?.hoursPerWeek != null) values.hoursPerWeek = String(c.hoursPerWeek);
    if (c?.commitments) values.commitments = c.commitments;
    if (c?.commitmentHours != null) values.commitmentHours = String(c.commitmentHours);
  }
  // multiple-choice answers are stored as JSON lists; the form wants a list
  for (const q of questions) {
    const key = `q_${q.id}`;
    if (q.type === "multiple_choice" && typeof values[key] === "string") {
      try {
        values[key] = JSON.parse(values[key] as string) as string[];
      } catch {
        values[key] = [];
      }
    }
  }
  const offer = application?.offers[0] ?? null;
  return {
    cohort: {
      slug: cohort.slug,
      name: cohort.name,
      phase,
      applicationsOpenAt: cohort.applicationsOpenAt,
      applicationsCloseAt: cohort.applicationsCloseAt,
      codeOfConductUrl: cohort.codeOfConductUrl,
      weeklyHours: cohort.weeklyHours,
    },
    // Site admins decide on every cohort (they act as its organizers), so they cannot apply either.
    canEdit: phase === "applications_open" && staffRoles.length === 0 && !person.isAdmin,
    staffRole: staffRoles[0]?.role ?? (person.isAdmin ? "organizer" : null),
    questions,
    projects,
    application: application
      ? {
          status: application.status,
          submittedAt: application.submittedAt,
          withdrawnAt: application.withdrawnAt,
          updatedAt: application.updatedAt,
          publishedDecision: application.publishedDecision,
          waitlistRank: application.waitlistRank,
          offer: offer && application.publishedDecision === "accepted" ? offer : null,
        }
      : null,
    values,
    notices,
    timeZone,
    localSlots: availability ? utcToLocal(availability.slots, timeZone, cohort.startsOn) : emptySlots(),
    detectTimeZone: !availability,
    timeZones: allTimeZones([timeZone]),
  };
}

export type SaveResult =
  { ok: true; message: string; submitted: boolean } | { ok: false; errors: FieldErrors; values: FormValues };

/**
 * Saves the applicant's form. `submit` applies the submit rules; saving an
 * application that was already submitted keeps it submitted, so it must stay complete.
 */
export async function saveApplication(
  person: SessionPerson,
  slug: string,
  intent: "save" | "submit",
  values: FormValues,
  now = new Date(),
): Promise<SaveResult> {
  const cohort = await findCohort(slug);
  if (!cohort || !cohort.publishedAt)
    return { ok: false, errors: { form: "There is no cohort at this address." }, values };
  try {
    assertPhase(cohort, ["applications_open"], "apply or change an application", now);
  } catch (error) {
    if (error instanceof PhaseError) return { ok: false, errors: { form: error.message }, values };
    throw error;
  }
  const staff = await db.cohortMembership.count({
    where: { cohortId: cohort.id, personId: person.id, role: { in: ["organizer", "reviewer"] } },
  });
  if (staff > 0 || person.isAdmin) {
    return {
      ok: false,
      errors: {
        form:
          person.isAdmin && staff === 0
            ? "As a site admin you decide on this cohort's applications, so you cannot apply to it."
            : "You organize or review this cohort, so you cannot apply to it.",
      },
      values,
    };
  }
  const questions: Question[] = await loadQuestions(cohort.id);
  const projectIds = cohort.projects.map((p) => p.project.id);
  const existing = await db.application.findUnique({
    where: { cohortId_personId: { cohortId: cohort.id, personId: person.id } },
    select: { id: true, status: true },
  });
  const complete = intent === "submit" || existing?.status === "submitted";
  const { draft, errors } = readApplicationForm(questions, projectIds, values, complete, cohort.weeklyHours);
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };

  const nextStatus = complete ? "submitted" : "draft";
  const utcSlots = localToUtc(draft.localSlots, draft.timeZone, cohort.startsOn);
  const fields = {
    status: nextStatus,
    anyProject: draft.anyProject,
    codeOfConductAcknowledgedAt: draft.codeOfConduct ? now : null,
    aiPolicyAcknowledgedAt: draft.aiPolicy ? now : null,
    withdrawnAt: null,
  };
  const write = async () =>
    transaction(async (tx) => {
      const current = await tx.application.findUnique({
        where: { cohortId_personId: { cohortId: cohort.id, personId: person.id } },
        select: { id: true, submittedAt: true },
      });
      const application = current
        ? await tx.application.update({
            where: { id: current.id },
            data: {
              ...fields,
              submittedAt: nextStatus === "submitted" ? (current.submittedAt ?? now) : null,
            },
          })
        : await tx.application.create({
            data: {
              ...fields,
              cohortId: cohort.id,
              personId: person.id,
              submittedAt: nextStatus === "submitted" ? now : null,
            },
          });
      await tx.applicationAnswer.deleteMany({ where: { applicationId: application.id } });
      const answers = [...draft.answers].filter(([, value]) => value !== "" && value !== "[]");
      if (answers.length)
        await tx.applicationAnswer.createMany({
          data: answers.map(([questionId, value]) => ({ applicationId: application.id, questionId, value })),
        });
      await tx.projectPreference.deleteMany({ where: { applicationId: application.id } });
      if (draft.preferences.size) {
        await tx.projectPreference.createMany({
          data: [...draft.preferences].map(([projectId, rank]) => ({
            applicationId: application.id,
            projectId,
            rank,
          })),
        });
      }
      await tx.availability.upsert({
        where: { cohortId_personId: { cohortId: cohort.id, personId: person.id } },
        create: { cohortId: cohort.id, personId: person.id, slots: utcSlots, timeZone: draft.timeZone },
        update: { slots: utcSlots, timeZone: draft.timeZone },
      });
      await tx.applicationCommitment.upsert({
        where: { applicationId: application.id },
        create: { applicationId: application.id, ...draft.commitment },
        update: draft.commitment,
      });
      return application;
    });
  try {
    await write();
  } catch (error) {
    // Two tabs creating the first draft at once: the database keeps one; write again as an update.
    if (!isUniqueViolation(error)) throw error;
    await write();
  }
  const wasSubmitted = existing?.status === "submitted";
  const message =
    nextStatus === "draft"
      ? "Draft saved. You can come back and finish it before the deadline."
      : wasSubmitted
        ? "Your changes are saved; your application stays submitted."
        : "Application submitted. You can still edit it until applications close.";
  return { ok: true, message, submitted: nextStatus === "submitted" };
}

/**
 * Withdraws the person's application (before any decision was published to
 * them). Once applications have closed it cannot be undone, so `confirmed` (a
 * ticked box) is then required.
 */
export async function withdrawApplication(
  person: SessionPerson,
  slug: string,
  confirmed: boolean,
  now = new Date(),
): Promise<{ ok: true; message: string } | { ok: false; error: string }> {
  const cohort = await findCohort(slug);
  if (!cohort) return { ok: false, error: "There is no cohort at this address." };
  const phase: Phase = phaseOf(cohort, now);
  if (phase !== "applications_open" && phase !== "review") {
    return {
      ok: false,
      error:
        "Applications can no longer be withdrawn; if you received an offer, decline it from the offer page.",
    };
  }
  const application = await db.application.findUnique({
    where: { cohortId_personId: { cohortId: cohort.id, personId: person.id } },
  });
  if (!application || application.status === "withdrawn")
    return { ok: false, error: "You have no application to withdraw." };
  if (application.publishedDecision)
    return {
      ok: false,
      error: "A decision has already been sent to you; answer the offer instead of withdrawing.",
    };
  if (phase === "review" && !confirmed) {
    return {
      ok: false,
      error:
        "Applications have closed, so a withdrawn application cannot be submitted again. Tick the box to confirm that you want to withdraw.",
    };
  }
  await db.application.update({
    where: { id: application.id },
    data: { status: "withdrawn", withdrawnAt: now, version: { increment: 1 } },
  });
  await recordAudit({
    actorId: person.id,
    cohortId: cohort.id,
    action: "application.withdraw",
    subjectType: "Application",
    subjectId: application.id,
    fromValue: application.status,
    toValue: "withdrawn",
  });
  return {
    ok: true,
    message:
      phase === "review"
        ? "Your application is withdrawn. Thank you for letting us know."
        : "Your application is withdrawn. You can submit it again while applications are open.",
  };
}

export type ApplicationStatusLine = {
  cohort: { slug: string; name: string };
  /** draft, submitted, withdrawn, or the published outcome */
  state:
    | "draft"
    | "submitted"
    | "withdrawn"
    | "offer_pending"
    | "confirmed"
    | "declined"
    | "expired"
    | "waitlisted"
    | "not_accepted";
  submittedAt: Date | null;
  /** applications close (drafts, submitted) or the offer's deadline */
  deadline: Date | null;
  canEdit: boolean;
  waitlistPosition: number | null;
  link: { label: string; href: string };
};

/**
 * The person's applications to cohorts that have not finished, for their home
 * page: where each stands and the one thing to do next. Only published decisions
 * are shown; an organizer's draft decision stays private until publishing.
 */
export async function applicationStatusesFor(
  personId: string,
  now = new Date(),
): Promise<ApplicationStatusLine[]> {
  const applications = await db.application.findMany({
    where: { personId },
    orderBy: { createdAt: "desc" },
    select: {
      status: true,
      submittedAt: true,
      publishedDecision: true,
      waitlistRank: true,
      cohort: {
        select: {
          id: true,
          slug: true,
          name: true,
          ...PHASE_COLUMNS,
        },
      },
      offers: {
        orderBy: { sentAt: "desc" },
        take: 1,
        select: { token: true, status: true, expiresAt: true },
      },
    },
  });
  const lines: ApplicationStatusLine[] = [];
  for (const a of applications) {
    const phase = phaseOf(a.cohort, now);
    if (phase === "finished") continue;
    const apply = `/cohorts/${a.cohort.slug}/apply`;
    const open = phase === "applications_open";
    const base = {
      cohort: { slug: a.cohort.slug, name: a.cohort.name },
      submittedAt: a.submittedAt,
      canEdit: open,
      waitlistPosition: null,
      deadline: null,
    };
    const offer = a.offers[0] ?? null;
    if (a.status === "draft") {
      lines.push({
        ...base,
        state: "draft",
        deadline: a.cohort.applicationsCloseAt,
        link: open ? { label: "Finish and submit", href: apply } : { label: "View", href: apply },
      });
    } else if (a.status === "withdrawn") {
      lines.push({
        ...base,
        state: "withdrawn",
        link: { label: open ? "Submit again" : "View", href: apply },
      });
    } else if (a.publishedDecision === "accepted" && offer) {
      const state =
        offer.status === "pending" && offer.expiresAt > now
          ? "offer_pending"
          : offer.status === "pending"
            ? "expired"
            : (offer.status as "confirmed" | "declined" | "expired");
      // Once they confirmed and the cohort runs, the cohort card says it all.
      if (state === "confirmed" && phase === "running") continue;
      lines.push({
        ...base,
        state,
        canEdit: false,
        deadline: state === "offer_pending" ? offer.expiresAt : null,
        link:
          state === "offer_pending"
            ? { label: "Confirm or decline", href: offerPath(offer.token) }
            : { label: "Cohort page", href: `/cohorts/${a.cohort.slug}` },
      });
    } else if (a.publishedDecision === "waitlisted") {
      const ahead = await db.application.count({
        where: {
          cohortId: a.cohort.id,
          status: "submitted",
          decision: "waitlisted",
          publishedDecision: "waitlisted",
          waitlistRank: { lt: a.waitlistRank ?? 0 },
        },
      });
      lines.push({
        ...base,
        state: "waitlisted",
        canEdit: false,
        waitlistPosition: a.waitlistRank === null ? null : ahead + 1,
        link: { label: "Your application", href: apply },
      });
    } else if (a.publishedDecision === "rejected") {
      lines.push({
        ...base,
        state: "not_accepted",
        canEdit: false,
        link: { label: "Your application", href: apply },
      });
    } else {
      lines.push({
        ...base,
        state: "submitted",
        deadline: open ? a.cohort.applicationsCloseAt : null,
        link: { label: open ? "View or edit" : "View", href: apply },
      });
    }
  }
  return lines;
}

export type ApplicationSummary = NonNullable<Awaited<ReturnType<typeof getApplicationSummary>>>;

/**
 * What the person sent (answers, projects, time, availability on their clock) and
 * what happens next, for the page they land on after submitting. Null when they
 * have no submitted application to this cohort.
 */
export async function getApplicationSummary(person: SessionPerson, slug: string, now = new Date()) {
  const cohort = await findCohort(slug);
  if (!cohort || !cohort.publishedAt) return null;
  const application = await db.application.findUnique({
    where: { cohortId_personId: { cohortId: cohort.id, personId: person.id } },
    include: {
      answers: { select: { questionId: true, value: true } },
      preferences: { orderBy: { rank: "asc" }, select: { project: { select: { name: true } } } },
      commitment: true,
      person: { select: { email: true } },
    },
  });
  if (!application || application.status !== "submitted") return null;
  const [questions, availability, publicPage] = await Promise.all([
    loadQuestions(cohort.id),
    db.availability.findUnique({
      where: { cohortId_personId: { cohortId: cohort.id, personId: person.id } },
    }),
    db.cohortPublicPage.findUnique({ where: { cohortId: cohort.id }, select: { decisionsBy: true } }),
  ]);
  const answerOf = new Map(application.answers.map((a) => [a.questionId, a.value]));
  const timeZone = availability?.timeZone ?? person.timeZone;
  const hours = availability ? countSlots(availability.slots) / 2 : 0;
  const phase = phaseOf(cohort, now);
  return {
    cohort: {
      slug: cohort.slug,
      name: cohort.name,
      phase,
      applicationsCloseAt: cohort.applicationsCloseAt,
      startsOn: cohort.startsOn,
      decisionsBy: publicPage?.decisionsBy ?? null,
      weeklyHours: cohort.weeklyHours,
    },
    submittedAt: application.submittedAt,
    canEdit: phase === "applications_open",
    canWithdraw: phase === "applications_open" || (phase === "review" && !application.publishedDecision),
    email: application.person.email,
    answers: questions.map((q) => {
      const text = displayAnswer(q, answerOf.get(q.id) ?? "");
      return {
        id: q.id,
        label: q.label,
        sensitive: q.sensitive,
        html: q.type === "long_text" && text ? renderMarkdown(text) : "",
        text: q.type === "long_text" ? "" : text,
      };
    }),
    anyProject: application.anyProject,
    preferences: application.preferences.map((p) => p.project.name),
    commitment: {
      hoursPerWeek: application.commitment?.hoursPerWeek ?? null,
      commitments: application.commitment?.commitments ?? "",
      commitmentHours: application.commitment?.commitmentHours ?? null,
      check: storedTimeCommitment(cohort.weeklyHours, application.commitment ?? null, hours),
    },
    hours,
    timeZone,
    localSlots: availability ? utcToLocal(availability.slots, timeZone, cohort.startsOn) : emptySlots(),
  };
}
