// Writing, reading and replying to weekly reflections.
import { type CohortAccess, cohortBySlug, forbidden, notFound } from "~/auth/permissions.server";
import type { SessionPerson } from "~/auth/session.server";
import { noticeLink } from "~/notifications/links.server";
import { queueNotice } from "~/notifications/outbox.server";
import { noticeText } from "~/notifications/templates";
import { db, transaction, type Tx } from "~/utils/db.server";
import { renderMarkdown } from "~/utils/markdown.server";
import type { ReflectionFormData } from "./forms";
import {
  activePrompts,
  isLate,
  parseAnswers,
  parsePrompts,
  reflectionDueAt,
  reflectionWindow,
  type ReflectionPrompt,
} from "./rules";
import { canReply, reflectionAccess, type ReflectionAccess } from "./visibility";

export const reflectionPath = (slug: string, week: number, login?: string) =>
  login ? `/cohorts/${slug}/reflections/${week}/${login}` : `/cohorts/${slug}/reflections/${week}`;

/** Marks the participant active now (the basis of "no activity for N days"). */
export async function touchParticipant(
  cohortId: string,
  personId: string,
  now: Date,
  tx: Tx = db,
): Promise<void> {
  await tx.cohortMembership.updateMany({
    where: { cohortId, personId, role: "participant" },
    data: { lastActiveAt: now },
  });
}

async function loadCohort(slug: string) {
  const cohort = await cohortBySlug(slug);
  if (!cohort) throw notFound("There is no cohort at this address.");
  return cohort;
}

export function parseWeek(raw: string | undefined): number {
  const week = Number(raw);
  if (!raw || !/^\d{1,2}$/.test(raw) || !Number.isInteger(week) || week < 1)
    throw notFound("There is no such week.");
  return week;
}

// ───────────────────────────── the participant writes ─────────────────────────

export type ReflectionEditor = Awaited<ReturnType<typeof getReflectionEditor>>;

/** The participant's own reflection for `week`, ready for the form. */
export async function getReflectionEditor(access: CohortAccess, week: number, now = new Date()) {
  const cohort = await loadCohort(access.cohort.slug);
  if (week > cohort.weeks) throw notFound(`This cohort has ${cohort.weeks} weeks.`);
  const prompts = activePrompts(parsePrompts(cohort.reflectionPrompts));
  const reflection = await db.reflection.findUnique({
    where: { cohortId_personId_week: { cohortId: cohort.id, personId: access.person.id, week } },
    select: {
      id: true,
      answers: true,
      confidence: true,
      needsHelp: true,
      status: true,
      submittedAt: true,
      late: true,
      sharedWithTeam: true,
      updatedAt: true,
      _count: { select: { comments: true } },
    },
  });
  const answers = parseAnswers(reflection?.answers);
  const window = reflectionWindow(cohort, week, now);
  return {
    cohort: { slug: cohort.slug, name: cohort.name, weeks: cohort.weeks },
    week,
    prompts,
    window: window.open
      ? { open: true as const, dueAt: window.dueAt, editableUntil: window.editableUntil }
      : { open: false as const, reason: window.reason },
    dueAt: reflectionDueAt(cohort, week),
    values: {
      ...Object.fromEntries(prompts.map((prompt, i) => [`answer-${i}`, answers[prompt.id] ?? ""])),
      confidence: reflection?.confidence ? String(reflection.confidence) : "",
      needsHelp: reflection?.needsHelp ? "on" : "",
      sharedWithTeam: reflection?.sharedWithTeam ? "on" : "",
    } as Record<string, string>,
    reflection: reflection
      ? {
          status: reflection.status,
          submittedAt: reflection.submittedAt,
          late: reflection.late,
          updatedAt: reflection.updatedAt,
          comments: reflection._count.comments,
        }
      : null,
    threadPath: reflectionPath(cohort.slug, week, access.person.login),
  };
}

/** The server-rendered preview of each answer (the "Preview" button works without JavaScript). */
export function previewAnswers(
  prompts: ReflectionPrompt[],
  data: Record<string, unknown>,
): { prompt: string; html: string }[] {
  return prompts.map((prompt, i) => ({
    prompt: prompt.text,
    html: renderMarkdown(String(data[`answer-${i}`] ?? "")),
  }));
}

export type SaveResult =
  { ok: true; status: "draft" | "submitted"; late: boolean } | { ok: false; error: string };

/**
 * Saves a draft or submits. A submitted reflection stays submitted when edited
 * (until the end of the following week); "late" is decided at first submission.
 */
export async function saveReflection(
  access: CohortAccess,
  week: number,
  data: ReflectionFormData,
  now = new Date(),
): Promise<SaveResult> {
  const cohort = await loadCohort(access.cohort.slug);
  const window = reflectionWindow(cohort, week, now);
  if (!window.open) return { ok: false, error: window.reason };
  const prompts = activePrompts(parsePrompts(cohort.reflectionPrompts));
  const record = data as unknown as Record<string, unknown>;
  const answers = Object.fromEntries(
    prompts.map((prompt, i) => [prompt.id, String(record[`answer-${i}`] ?? "")]),
  );
  const personId = access.person.id;
  const key = { cohortId_personId_week: { cohortId: cohort.id, personId, week } };

  const result = await transaction(async (tx) => {
    const existing = await tx.reflection.findUnique({
      where: key,
      select: { id: true, status: true, submittedAt: true, late: true, needsHelp: true, answers: true },
    });
    const submitting = data.intent === "submit" || existing?.status === "submitted";
    const submittedAt = existing?.submittedAt ?? (submitting ? now : null);
    const late =
      existing?.status === "submitted" ? existing.late : submitting ? isLate(cohort, week, now) : false;
    const fields = {
      // Answers to prompts the organizers have since removed are kept, not dropped.
      answers: JSON.stringify({ ...parseAnswers(existing?.answers), ...answers }),
      confidence: data.confidence,
      needsHelp: data.needsHelp,
      sharedWithTeam: data.sharedWithTeam,
      status: submitting ? "submitted" : "draft",
      submittedAt,
      late,
      // the same clock as submittedAt and replies: the dashboards compare them
      updatedAt: now,
    };
    let reflection: { id: string };
    if (existing) {
      reflection = await tx.reflection.update({
        where: { id: existing.id },
        data: fields,
        select: { id: true },
      });
    } else {
      // Two tabs submitting at once: the loser's unique-key error ends its attempt and
      // `transaction` runs it again, which then finds and updates this row.
      reflection = await tx.reflection.create({
        data: { cohortId: cohort.id, personId, week, ...fields },
        select: { id: true },
      });
    }
    await touchParticipant(cohort.id, personId, now, tx);
    // Ticking "I need help" on a submitted reflection (again, after unticking it) is a new request.
    const raisedHelp =
      submitting && data.needsHelp && !(existing?.status === "submitted" && existing.needsHelp);
    return { id: reflection.id, status: fields.status as "draft" | "submitted", late, raisedHelp };
  });

  if (result.raisedHelp) await notifyGuidesOfHelp(cohort, access.person, week, result.id, now);
  return { ok: true, status: result.status, late: result.late };
}

async function teamGuides(cohortId: string, personId: string) {
  const membership = await db.cohortMembership.findFirst({
    where: { cohortId, personId, role: "participant" },
    select: { teamId: true },
  });
  if (!membership?.teamId) return [];
  return db.cohortMembership.findMany({
    where: {
      cohortId,
      teamId: membership.teamId,
      role: { in: ["navigator", "captain"] },
      personId: { not: null },
    },
    select: { personId: true, role: true },
  });
}

async function notifyGuidesOfHelp(
  cohort: { id: string; slug: string; name: string },
  participant: SessionPerson,
  week: number,
  reflectionId: string,
  now: Date,
) {
  const link = noticeLink(reflectionPath(cohort.slug, week, participant.login));
  for (const guide of await teamGuides(cohort.id, participant.id)) {
    await queueNotice({
      ...noticeText("reflection_help", { participant: participant.name, cohort: cohort.name, week, link }),
      cohortId: cohort.id,
      personId: guide.personId,
      // once per request and guide: editing with the box still ticked does not ask again
      dedupeKey: `reflection-help:${reflectionId}:${guide.personId}:${now.toISOString()}`,
    });
  }
}

// ───────────────────────────── reading and the reply thread ────────────────────

async function loadThreadContext(viewer: SessionPerson, slug: string, week: number, login: string) {
  const cohort = await loadCohort(slug);
  if (week > cohort.weeks) throw notFound(`This cohort has ${cohort.weeks} weeks.`);
  const [owner, viewerMemberships] = await Promise.all([
    db.person.findUnique({
      where: { login },
      select: {
        id: true,
        login: true,
        name: true,
        timeZone: true,
        memberships: {
          where: { cohortId: cohort.id, role: "participant" },
          select: { teamId: true, team: { select: { name: true, slug: true } } },
        },
      },
    }),
    db.cohortMembership.findMany({
      where: { cohortId: cohort.id, personId: viewer.id },
      select: { role: true, teamId: true },
    }),
  ]);
  const ownerMembership = owner?.memberships[0];
  const viewerCtx = {
    personId: viewer.id,
    isOrganizer: viewer.isAdmin || viewerMemberships.some((m) => m.role === "organizer"),
    memberships: viewerMemberships,
  };
  return { cohort, owner, ownerMembership, viewerCtx };
}

function deny(): never {
  throw forbidden(
    "This reflection is for the participant, their team's navigator and captain, and the organizers.",
  );
}

/** One participant's reflection with its replies, for whoever may read it. */
export async function getReflectionThread(
  viewer: SessionPerson,
  slug: string,
  week: number,
  login: string,
  now = new Date(),
) {
  const { cohort, owner, ownerMembership, viewerCtx } = await loadThreadContext(viewer, slug, week, login);
  // Unknown people and non-participants get the same answer as a refusal, so the
  // page does not reveal who takes part to someone who may not know.
  if (!owner || !ownerMembership) {
    if (
      !viewerCtx.isOrganizer &&
      !viewerCtx.memberships.some((m) => m.role === "navigator" || m.role === "captain")
    )
      deny();
    throw notFound("That person is not a participant of this cohort.");
  }
  const reflection = await db.reflection.findUnique({
    where: { cohortId_personId_week: { cohortId: cohort.id, personId: owner.id, week } },
    select: {
      id: true,
      answers: true,
      confidence: true,
      needsHelp: true,
      status: true,
      submittedAt: true,
      late: true,
      sharedWithTeam: true,
      updatedAt: true,
      comments: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          body: true,
          createdAt: true,
          author: { select: { id: true, name: true, login: true, avatarUrl: true } },
        },
      },
    },
  });
  const access = reflectionAccess(
    viewerCtx,
    { personId: owner.id, teamId: ownerMembership.teamId },
    reflection,
  );
  if (!access) deny();
  const prompts = parsePrompts(cohort.reflectionPrompts);
  // A draft is private to its author until it is submitted.
  const readable =
    reflection && (reflection.status === "submitted" || access === "author") ? reflection : null;
  const answers = parseAnswers(readable?.answers);
  // Active prompts always show; a retired prompt shows when it was answered; a key
  // no prompt knows (written before prompts had ids) shows under its own words.
  const shown = [
    ...prompts.filter((p) => !p.retired || (answers[p.id] ?? "").trim()),
    ...Object.keys(answers)
      .filter((key) => !prompts.some((p) => p.id === key))
      .map((key) => ({ id: key, text: key })),
  ];
  return {
    cohort: { slug: cohort.slug, name: cohort.name, weeks: cohort.weeks },
    week,
    access,
    canReply: canReply(access) && Boolean(readable),
    canEdit: access === "author" && reflectionWindow(cohort, week, now).open,
    dueAt: reflectionDueAt(cohort, week),
    owner: { name: owner.name, login: owner.login, team: ownerMembership.team },
    reflection: readable
      ? {
          status: readable.status,
          submittedAt: readable.submittedAt,
          late: readable.late,
          confidence: readable.confidence,
          needsHelp: readable.needsHelp,
          sharedWithTeam: readable.sharedWithTeam,
          updatedAt: readable.updatedAt,
          answers: shown.map((prompt) => ({
            prompt: prompt.text,
            html: renderMarkdown(answers[prompt.id] ?? ""),
            empty: !(answers[prompt.id] ?? "").trim(),
          })),
        }
      : null,
    /** drafts exist but are not shown to others */
    draftExists: Boolean(reflection && !readable),
    comments: (readable ? reflection!.comments : []).map((c) => ({
      id: c.id,
      html: renderMarkdown(c.body),
      createdAt: c.createdAt,
      author: {
        name: c.author.name,
        login: c.author.login,
        avatarUrl: c.author.avatarUrl,
        isParticipant: c.author.id === owner.id,
      },
    })),
  };
}

/** Throws 403 unless the viewer may reply under this reflection (checked before reading the form). */
export async function replyContext(viewer: SessionPerson, slug: string, week: number, login: string) {
  const { cohort, owner, ownerMembership, viewerCtx } = await loadThreadContext(viewer, slug, week, login);
  if (!owner || !ownerMembership) deny();
  const reflection = await db.reflection.findUnique({
    where: { cohortId_personId_week: { cohortId: cohort.id, personId: owner.id, week } },
    select: { id: true, status: true, sharedWithTeam: true },
  });
  const access: ReflectionAccess = reflectionAccess(
    viewerCtx,
    { personId: owner.id, teamId: ownerMembership.teamId },
    reflection,
  );
  if (!access || !canReply(access)) deny();
  return { cohort, owner, reflection, access };
}

export type ReplyResult = { ok: true } | { ok: false; error: string };

/**
 * A reply under a reflection. A navigator's, captain's or organizer's reply
 * notifies the participant; the participant's reply notifies their navigator and captain.
 */
export async function addReflectionComment(
  viewer: SessionPerson,
  slug: string,
  week: number,
  login: string,
  body: string,
  now = new Date(),
): Promise<ReplyResult> {
  const { cohort, owner, reflection, access } = await replyContext(viewer, slug, week, login);
  if (!reflection || reflection.status !== "submitted")
    return { ok: false, error: "Replies open once the reflection is submitted." };

  await transaction(async (tx) => {
    await tx.reflectionComment.create({
      data: { reflectionId: reflection.id, authorId: viewer.id, body, createdAt: now },
    });
    if (access === "author") await touchParticipant(cohort.id, owner.id, now, tx);
  });
  const link = noticeLink(reflectionPath(cohort.slug, week, owner.login));
  if (access === "author") {
    for (const guide of await teamGuides(cohort.id, owner.id)) {
      await queueNotice({
        ...noticeText("reflection_reply", {
          author: owner.name,
          cohort: cohort.name,
          week,
          link,
          direction: "own",
        }),
        cohortId: cohort.id,
        personId: guide.personId,
      });
    }
  } else {
    await queueNotice({
      ...noticeText("reflection_reply", {
        author: viewer.name,
        cohort: cohort.name,
        week,
        link,
        direction: "to_you",
      }),
      cohortId: cohort.id,
      personId: owner.id,
    });
  }
  return { ok: true };
}
