// Reviewing applications: the list with progress and filters, "next unscored",
// scoring against the rubric, recusal, and what each viewer may see (blind
// mode, sensitive answers, others' scores only after you scored).
import { z } from "zod";
import type { CohortAccess } from "~/auth/permissions.server";
import { countSlots, emptySlots, sharedHours, utcToLocal } from "~/availability/slots";
import { loadQuestions, loadRubric } from "~/applications/form.server";
import { displayAnswer } from "~/applications/questions";
import { storedTimeCommitment, type TimeCommitment } from "~/applications/time-commitment";
import { recordAudit } from "~/cohorts/audit.server";
import { assertPhase, phaseOf, PhaseError, type Phase } from "~/cohorts/phase";
import { db, isUniqueViolation, transaction } from "~/utils/db.server";
import type { FieldErrors, FormValues } from "~/utils/forms";
import { paginate } from "~/utils/pagination";
import { renderMarkdown } from "~/utils/markdown.server";
import { aggregate, reviewerScore, type Aggregate } from "~/applications/scores";
import {
  aggregateOfCounted,
  aggregatesOf,
  applicationIndex,
  preferencesOf,
} from "~/applications/with-reviews.server";
import { redactIdentity } from "./blind";
import { scoreCommentField, scoreField } from "./fields";

export const REVIEW_PHASES: Phase[] = ["applications_open", "review"];

/** The cohort's projects, for the review list's filter. */
async function reviewProjects(cohortId: string) {
  const rows = await db.cohortProject.findMany({
    where: { cohortId },
    select: { project: { select: { id: true, slug: true, name: true } } },
  });
  return rows.map((r) => r.project);
}

/** What a reviewer calls an application when blind mode hides the name. */
export function blindLabel(applicationId: string): string {
  return `Application ${applicationId.slice(-6).toUpperCase()}`;
}

export const reviewFilters = z.object({
  status: z.enum(["submitted", "withdrawn", "all"]).catch("submitted"),
  mine: z.enum(["all", "unscored", "scored", "recused"]).catch("all"),
  project: z.string().catch(""),
  minHours: z.coerce.number().min(0).max(168).catch(0),
  minShared: z.coerce.number().min(0).max(168).catch(0),
  sort: z.enum(["submitted", "my_score", "hours", "shared", "status", "project"]).catch("submitted"),
});
export type ReviewFilters = z.infer<typeof reviewFilters>;

export function readReviewFilters(url: URL): ReviewFilters {
  return reviewFilters.parse(Object.fromEntries(url.searchParams));
}

type MyState = "unscored" | "scored" | "recused";

export type ReviewRow = {
  id: string;
  label: string;
  login: string | null;
  status: string;
  submittedAt: Date | null;
  myState: MyState;
  myScore: number | null;
  /** only once you scored it */
  aggregate: Aggregate | null;
  preferences: string[];
  anyProject: boolean;
  /** hours in their availability grid */
  hours: number;
  /** hours a week they wrote they can give */
  writtenHours: number | null;
  /** whether their hours, grid and commitments leave the cohort's weekly hours */
  time: TimeVerdict;
  sharedWithMe: number | null;
};

/** The time-commitment check as reviewers see it: fits, short (flagged), or not answered. */
export type TimeVerdict = { flagged: boolean; label: string; message: string };

function timeVerdict(check: TimeCommitment): TimeVerdict {
  switch (check.state) {
    case "fits":
      return { flagged: false, label: "Fits", message: check.message };
    case "short":
      return { flagged: true, label: "Short of the cohort’s hours", message: check.message };
    case "invalid":
      return { flagged: true, label: "Hours to check", message: check.message };
    case "unanswered":
      return {
        flagged: false,
        label: "Not answered",
        message: "They did not say how many hours they can give.",
      };
  }
}

/** Rows of the review list shown per page. */
export const REVIEW_PAGE_SIZE = 50;

export async function getReviewList(
  access: CohortAccess,
  filters: ReviewFilters,
  page = 1,
  now = new Date(),
) {
  const cohort = access.cohort;
  const viewerId = access.person.id;
  // Hours and preferences of every application only when a filter or the sort needs them.
  const needsAllHours =
    filters.minHours > 0 || filters.minShared > 0 || filters.sort === "hours" || filters.sort === "shared";
  const needsAllPreferences = filters.project !== "" || filters.sort === "project";
  const [applications, allPreferences] = await Promise.all([
    applicationIndex(cohort.id, { withdrawn: true, viewerId, scores: false }),
    needsAllPreferences ? preferencesOf({ cohortId: cohort.id }) : null,
  ]);
  const slotsOf = await availabilitySlots(cohort.id, needsAllHours ? null : [viewerId]);
  const mySlots = slotsOf.get(viewerId) ?? null;
  const hoursOf = (slots: string | undefined) => (slots ? countSlots(slots) / 2 : 0);
  const sharedOf = (slots: string | undefined) =>
    mySlots ? sharedHours([mySlots, slots ?? emptySlots()]) : null;

  type Candidate = {
    a: (typeof applications)[number];
    myState: MyState;
    hours: number;
    shared: number | null;
  };
  let candidates: Candidate[] = applications.map((a) => {
    const myState: MyState = a.mine?.recused ? "recused" : a.mine?.submitted ? "scored" : "unscored";
    const slots = needsAllHours ? slotsOf.get(a.personId) : undefined;
    return {
      a,
      myState,
      hours: needsAllHours ? hoursOf(slots) : 0,
      shared: needsAllHours ? sharedOf(slots) : null,
    };
  });
  const firstChoice = (id: string) => allPreferences?.get(id)?.[0]?.name ?? "";
  candidates = candidates.filter(({ a, myState, hours, shared }) => {
    if (filters.status !== "all" && a.status !== filters.status) return false;
    if (filters.mine !== "all" && myState !== filters.mine) return false;
    if (
      filters.project &&
      !a.anyProject &&
      !(allPreferences?.get(a.id) ?? []).some((p) => p.slug === filters.project)
    )
      return false;
    if (filters.minHours && hours < filters.minHours) return false;
    if (filters.minShared && (shared ?? 0) < filters.minShared) return false;
    return true;
  });
  const myScore = (c: Candidate) => (c.myState === "scored" ? (c.a.mine?.score ?? null) : null);
  const by = (f: (c: Candidate) => number) => (x: Candidate, y: Candidate) => f(y) - f(x);
  if (filters.sort === "my_score") candidates.sort(by((c) => myScore(c) ?? -1));
  if (filters.sort === "hours") candidates.sort(by((c) => c.hours));
  if (filters.sort === "shared") candidates.sort(by((c) => c.shared ?? -1));
  if (filters.sort === "status")
    candidates.sort((x, y) => x.a.status.localeCompare(y.a.status) || x.myState.localeCompare(y.myState));
  if (filters.sort === "project") {
    const order = (c: Candidate) => (firstChoice(c.a.id) ? 0 : c.a.anyProject ? 1 : 2);
    candidates.sort((x, y) => order(x) - order(y) || firstChoice(x.a.id).localeCompare(firstChoice(y.a.id)));
  }

  // What the rows on screen show, for those rows alone.
  const shown = paginate(candidates, page, REVIEW_PAGE_SIZE);
  const [aggregates, preferencesShown, slotsShown, commitments] = await Promise.all([
    aggregatesOf(shown.rows.filter((c) => c.myState === "scored").map((c) => c.a.id)),
    allPreferences ?? preferencesOf({ applicationIds: shown.rows.map((c) => c.a.id) }),
    needsAllHours
      ? slotsOf
      : availabilitySlots(
          cohort.id,
          shown.rows.map((c) => c.a.personId),
        ),
    db.applicationCommitment.findMany({
      where: { applicationId: { in: shown.rows.map((c) => c.a.id) } },
      select: { applicationId: true, hoursPerWeek: true, commitmentHours: true },
    }),
  ]);
  const commitmentOf = new Map(commitments.map((c) => [c.applicationId, c]));
  const rows: ReviewRow[] = shown.rows.map(({ a, myState }) => {
    const slots = slotsShown.get(a.personId);
    const preferences = preferencesShown.get(a.id) ?? [];
    const commitment = commitmentOf.get(a.id) ?? null;
    return {
      id: a.id,
      label: cohort.blindReview ? blindLabel(a.id) : a.name,
      login: cohort.blindReview ? null : a.login,
      status: a.status,
      submittedAt: a.submittedAt,
      myState,
      myScore: myState === "scored" ? (a.mine?.score ?? null) : null,
      aggregate: myState === "scored" ? (aggregates.get(a.id) ?? aggregateOfCounted([])) : null,
      preferences: preferences.map((p) => p.name),
      anyProject: a.anyProject,
      hours: hoursOf(slots),
      writtenHours: commitment?.hoursPerWeek ?? null,
      time: timeVerdict(storedTimeCommitment(cohort.weeklyHours, commitment, hoursOf(slots))),
      sharedWithMe: sharedOf(slots),
    };
  });

  const open = applications.filter((a) => a.status === "submitted");
  const recused = open.filter((a) => a.mine?.recused).length;
  const scored = open.filter((a) => a.mine && !a.mine.recused && a.mine.submitted).length;
  return {
    cohort: {
      slug: cohort.slug,
      name: cohort.name,
      blindReview: cohort.blindReview,
      weeklyHours: cohort.weeklyHours,
      phase: phaseOf(cohort, now),
    },
    projects: await reviewProjects(cohort.id),
    rows,
    page: shown.page,
    progress: { scored, total: open.length - recused, recused },
    hasOwnAvailability: mySlots !== null,
  };
}

/** Availability slots of the cohort by person: of `personIds`, or of everyone when null. */
async function availabilitySlots(cohortId: string, personIds: string[] | null) {
  const rows = await db.availability.findMany({
    where: { cohortId, ...(personIds ? { personId: { in: personIds } } : {}) },
    select: { personId: true, slots: true },
  });
  return new Map(rows.map((r) => [r.personId, r.slots]));
}

/**
 * A random submitted application the viewer has neither scored nor recused
 * from (random, so applications early in the list are not favoured).
 */
export async function pickNextUnscored(access: CohortAccess, random = Math.random): Promise<string | null> {
  const candidates = await db.application.findMany({
    where: {
      cohortId: access.cohort.id,
      status: "submitted",
      personId: { not: access.person.id },
      reviews: {
        none: { reviewerId: access.person.id, OR: [{ recused: true }, { submittedAt: { not: null } }] },
      },
    },
    select: { id: true },
  });
  if (candidates.length === 0) return null;
  return candidates[Math.floor(random() * candidates.length)].id;
}

export async function getReviewDetail(access: CohortAccess, applicationId: string, now = new Date()) {
  const cohort = access.cohort;
  const application = await db.application.findFirst({
    where: { id: applicationId, cohortId: cohort.id, status: { in: ["submitted", "withdrawn"] } },
    include: {
      person: { select: { id: true, name: true, login: true, email: true, avatarUrl: true } },
      answers: true,
      preferences: { orderBy: { rank: "asc" }, include: { project: { select: { name: true } } } },
      reviews: { include: { reviewer: { select: { name: true } }, scores: true } },
      commitment: true,
    },
  });
  if (!application) return null;
  if (application.personId === access.person.id) return "own" as const;
  const [questions, rubric, availability] = await Promise.all([
    loadQuestions(cohort.id),
    loadRubric(cohort.id),
    db.availability.findUnique({
      where: { cohortId_personId: { cohortId: cohort.id, personId: application.personId } },
    }),
  ]);
  const isOrganizer = access.isOrganizer;
  const answerOf = new Map(application.answers.map((a) => [a.questionId, a.value]));
  const answers = questions.map((q) => {
    const hidden = q.sensitive && !isOrganizer;
    const shown = hidden ? "" : displayAnswer(q, answerOf.get(q.id) ?? "");
    const text = cohort.blindReview ? redactIdentity(shown, application.person) : shown;
    return {
      id: q.id,
      label: q.label,
      sensitive: q.sensitive,
      hidden,
      html: hidden || !text ? "" : q.type === "long_text" ? renderMarkdown(text) : "",
      text: hidden || q.type === "long_text" ? "" : text,
    };
  });
  const mine = application.reviews.find((r) => r.reviewerId === access.person.id) ?? null;
  const myState: MyState = mine?.recused ? "recused" : mine?.submittedAt ? "scored" : "unscored";
  const seeOthers = myState === "scored";
  const others = application.reviews.filter((r) => r.reviewerId !== access.person.id);
  const forAggregate = application.reviews.map((r) => ({
    recused: r.recused,
    submittedAt: r.submittedAt,
    scores: r.scores.map((s) => s.score),
  }));
  const phase = phaseOf(cohort, now);
  const identity = cohort.blindReview
    ? null
    : {
        name: application.person.name,
        login: application.person.login,
        email: application.person.email,
        avatarUrl: application.person.avatarUrl,
      };
  const viewerZone = access.person.timeZone;
  const gridHours = availability ? countSlots(availability.slots) / 2 : 0;
  const commitment = application.commitment;
  const commitmentsText = commitment?.commitments ?? "";
  return {
    cohort: {
      slug: cohort.slug,
      name: cohort.name,
      blindReview: cohort.blindReview,
      weeklyHours: cohort.weeklyHours,
      phase,
    },
    application: {
      id: application.id,
      label: identity ? identity.name : blindLabel(application.id),
      identity,
      status: application.status,
      submittedAt: application.submittedAt,
      anyProject: application.anyProject,
      preferences: application.preferences.map((p) => p.project.name),
      answers,
      hours: gridHours,
      writtenHours: commitment?.hoursPerWeek ?? null,
      commitments: cohort.blindReview ? redactIdentity(commitmentsText, application.person) : commitmentsText,
      commitmentHours: commitment?.commitmentHours ?? null,
      time: timeVerdict(storedTimeCommitment(cohort.weeklyHours, commitment, gridHours)),
      localSlots: availability ? utcToLocal(availability.slots, viewerZone, cohort.startsOn) : emptySlots(),
    },
    viewerZone,
    isOrganizer,
    rubric,
    canScore: REVIEW_PHASES.includes(phase) && application.status === "submitted" && myState !== "recused",
    phaseMessage: REVIEW_PHASES.includes(phase) ? null : "Scoring is closed for this cohort.",
    mine: mine
      ? {
          state: myState,
          comment: mine.comment,
          recusalReason: mine.recusalReason,
          scores: Object.fromEntries(
            mine.scores.map((s) => [s.criterionId, { score: s.score, comment: s.comment }]),
          ),
        }
      : null,
    others: seeOthers
      ? others.map((r) => ({
          reviewer: r.reviewer.name,
          recused: r.recused,
          submitted: Boolean(r.submittedAt),
          score: r.recused || !r.submittedAt ? null : reviewerScore(r.scores.map((s) => s.score)),
          commentHtml: r.comment && !r.recused ? renderMarkdown(r.comment) : "",
          scores: Object.fromEntries(
            r.scores.map((s) => [s.criterionId, { score: s.score, comment: s.comment }]),
          ),
        }))
      : null,
    aggregate: seeOthers ? aggregate(forAggregate) : null,
    othersCount: others.filter((r) => r.submittedAt && !r.recused).length,
  };
}

export type ScoreResult =
  { ok: true; message: string } | { ok: false; errors: FieldErrors; values: FormValues };

async function reviewableApplication(access: CohortAccess, applicationId: string, now: Date) {
  const cohort = access.cohort;
  assertPhase(cohort, REVIEW_PHASES, "score applications", now);
  const application = await db.application.findFirst({
    where: { id: applicationId, cohortId: cohort.id },
    select: { id: true, personId: true, status: true },
  });
  if (!application || application.personId === access.person.id) return null;
  return application;
}

/** Saves the viewer's scores for every criterion (1–5) with optional comments. */
export async function saveScores(
  access: CohortAccess,
  applicationId: string,
  values: FormValues,
  now = new Date(),
): Promise<ScoreResult> {
  let application;
  try {
    application = await reviewableApplication(access, applicationId, now);
  } catch (error) {
    if (error instanceof PhaseError) return { ok: false, errors: { form: error.message }, values };
    throw error;
  }
  if (!application) return { ok: false, errors: { form: "You cannot score this application." }, values };
  if (application.status !== "submitted")
    return { ok: false, errors: { form: "This application was withdrawn; it cannot be scored." }, values };
  const rubric = await loadRubric(access.cohort.id);
  if (rubric.length === 0)
    return { ok: false, errors: { form: "The organizers have not written a rubric yet." }, values };
  const errors: FieldErrors = {};
  const scores: { criterionId: string; score: number; comment: string }[] = [];
  const one = (key: string) => {
    const v = values[key];
    return ((Array.isArray(v) ? v[0] : v) ?? "").trim();
  };
  for (const c of rubric) {
    const raw = one(scoreField(c.id));
    const score = Number(raw);
    if (!raw) errors[scoreField(c.id)] = `Give “${c.name}” a score from 1 to 5.`;
    else if (!Number.isInteger(score) || score < 1 || score > 5)
      errors[scoreField(c.id)] = "Scores go from 1 to 5.";
    const comment = one(scoreCommentField(c.id));
    if (comment.length > 2000) errors[scoreCommentField(c.id)] = "Keep this comment under 2,000 characters.";
    scores.push({ criterionId: c.id, score, comment });
  }
  const comment = one("comment");
  if (comment.length > 5000) errors.comment = "Keep the comment under 5,000 characters.";
  if (Object.keys(errors).length) return { ok: false, errors, values };

  const write = () =>
    transaction(async (tx) => {
      const review = await tx.review.upsert({
        where: { applicationId_reviewerId: { applicationId, reviewerId: access.person.id } },
        create: { applicationId, reviewerId: access.person.id, comment, submittedAt: now },
        update: { comment, submittedAt: now, recused: false, recusalReason: null },
      });
      await tx.reviewScore.deleteMany({ where: { reviewId: review.id } });
      await tx.reviewScore.createMany({ data: scores.map((s) => ({ reviewId: review.id, ...s })) });
    });
  try {
    await write();
  } catch (error) {
    // The same reviewer saving twice at once: the second becomes an update.
    if (!isUniqueViolation(error)) throw error;
    await write();
  }
  // That a review was scored, not the scores: the log is read by organizers who may also review.
  await recordAudit({
    actorId: access.person.id,
    cohortId: access.cohort.id,
    action: "review.scored",
    subjectType: "Application",
    subjectId: applicationId,
    detail: `${scores.length} criteria`,
  });
  return { ok: true, message: "Your scores are saved." };
}

/** Declares (or withdraws) a conflict of interest: a recused review never counts. */
export async function setRecusal(
  access: CohortAccess,
  applicationId: string,
  recused: boolean,
  reason: string,
  now = new Date(),
): Promise<{ ok: true; message: string } | { ok: false; error: string }> {
  let application;
  try {
    application = await reviewableApplication(access, applicationId, now);
  } catch (error) {
    if (error instanceof PhaseError) return { ok: false, error: error.message };
    throw error;
  }
  if (!application) return { ok: false, error: "You cannot review this application." };
  const trimmed = reason.trim().slice(0, 500);
  const write = () =>
    db.review.upsert({
      where: { applicationId_reviewerId: { applicationId, reviewerId: access.person.id } },
      create: {
        applicationId,
        reviewerId: access.person.id,
        recused,
        recusalReason: recused ? trimmed || null : null,
      },
      update: { recused, recusalReason: recused ? trimmed || null : null },
    });
  try {
    await write();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await write();
  }
  await recordAudit({
    actorId: access.person.id,
    cohortId: access.cohort.id,
    action: recused ? "review.recuse" : "review.unrecuse",
    subjectType: "Application",
    subjectId: applicationId,
    detail: recused ? trimmed || null : null,
  });
  return {
    ok: true,
    message: recused
      ? "You recused yourself; this application has left your queue and any score of yours does not count."
      : "Recusal withdrawn; you can score this application.",
  };
}
