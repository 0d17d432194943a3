// Evaluations both ways: rounds per cohort, who owes which evaluation, writing
// (draft, submit, late), who may read what, and the organizers' flags.
import { forbidden, holdsTeamRole, notFound, type CohortAccess } from "~/auth/permissions.server";
import { recordAudit } from "~/cohorts/audit.server";
import { noticeLink } from "~/notifications/links.server";
import { queueNotice } from "~/notifications/outbox.server";
import { noticeText } from "~/notifications/templates";
import { evaluationFlags, type AttentionItem } from "~/dashboards/attention";
import { db, isUniqueViolation } from "~/utils/db.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { registerJob } from "~/utils/scheduler.server";
import { formatDateTime } from "~/utils/time";
import {
  checkAnswers,
  DEFAULT_NAVIGATOR_QUESTIONS,
  DEFAULT_PARTICIPANT_QUESTIONS,
  defaultRounds,
  evaluationFlag,
  isRoundVisible,
  navigatorAggregate,
  parseAnswers,
  parseQuestions,
  questionsToLines,
  roundClosesAt,
  roundDueAt,
  roundOpensAt,
  roundWindow,
  TALK_LABEL,
  type Direction,
  type EvaluationQuestion,
  type RoundCalendar,
} from "./rules";
import type { RoundsInput } from "./forms";

export const evaluationsPath = (slug: string) => `/cohorts/${slug}/evaluations`;
export const writePath = (slug: string, roundId: string, aboutLogin?: string) =>
  `/cohorts/${slug}/evaluations/${roundId}${aboutLogin ? `?about=${encodeURIComponent(aboutLogin)}` : ""}`;
export const responsePath = (slug: string, id: string) => `/cohorts/${slug}/evaluations/responses/${id}`;

type CohortRow = RoundCalendar & { id: string; slug: string; name: string };
const cohortSelect = { id: true, slug: true, name: true, startsOn: true, weeks: true } as const;

type RoundRow = {
  id: string;
  cohortId: string;
  title: string;
  afterWeek: number;
  participantQuestions: string;
  navigatorQuestions: string;
};

/** The cohort's rounds, creating the default midpoint and final rounds the first time. */
export async function roundsOf(cohort: CohortRow): Promise<RoundRow[]> {
  const rounds = await db.evaluationRound.findMany({
    where: { cohortId: cohort.id },
    orderBy: { afterWeek: "asc" },
  });
  if (rounds.length > 0) return rounds;
  for (const r of defaultRounds(cohort)) {
    try {
      await db.evaluationRound.upsert({
        where: { cohortId_afterWeek: { cohortId: cohort.id, afterWeek: r.afterWeek } },
        update: {},
        create: {
          cohortId: cohort.id,
          title: r.title,
          afterWeek: r.afterWeek,
          participantQuestions: JSON.stringify(DEFAULT_PARTICIPANT_QUESTIONS),
          navigatorQuestions: JSON.stringify(DEFAULT_NAVIGATOR_QUESTIONS),
        },
      });
    } catch (error) {
      // another request created it at the same moment (not inside a transaction)
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return db.evaluationRound.findMany({ where: { cohortId: cohort.id }, orderBy: { afterWeek: "asc" } });
}

export const questionsFor = (round: RoundRow, direction: Direction): EvaluationQuestion[] =>
  direction === "participant"
    ? parseQuestions(round.participantQuestions, DEFAULT_PARTICIPANT_QUESTIONS)
    : parseQuestions(round.navigatorQuestions, DEFAULT_NAVIGATOR_QUESTIONS);

// ───────────────────────────── who owes what ──────────────────────────────────

type Person = { id: string; login: string; name: string };
/** One evaluation someone owes: a participant about their navigator, a navigator about one participant. */
export type Owed = {
  authorId: string;
  direction: Direction;
  subjectId: string;
  subject: Person | null;
  teamId: string;
  author: Person;
};

/** Every evaluation owed in a cohort per round (the same people owe each round). Two queries. */
async function owedIn(cohortId: string): Promise<Owed[]> {
  const members = await db.cohortMembership.findMany({
    where: {
      cohortId,
      role: { in: ["participant", "navigator"] },
      personId: { not: null },
      teamId: { not: null },
    },
    select: { role: true, teamId: true, person: { select: { id: true, login: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  const owed: Owed[] = [];
  const byTeam = new Map<string, { navigators: Person[]; participants: Person[] }>();
  for (const m of members) {
    const team = byTeam.get(m.teamId!) ?? { navigators: [], participants: [] };
    (m.role === "navigator" ? team.navigators : team.participants).push(m.person!);
    byTeam.set(m.teamId!, team);
  }
  for (const [teamId, team] of byTeam) {
    const navigator = team.navigators[0] ?? null;
    for (const p of team.participants) {
      owed.push({
        authorId: p.id,
        author: p,
        direction: "participant",
        subjectId: navigator?.id ?? `team:${teamId}`,
        subject: navigator,
        teamId,
      });
      for (const n of team.navigators)
        owed.push({ authorId: n.id, author: n, direction: "navigator", subjectId: p.id, subject: p, teamId });
    }
  }
  return owed;
}

const keyOf = (roundId: string, authorId: string, subjectId: string) => `${roundId}:${authorId}:${subjectId}`;

export type DueEvaluation = {
  cohort: { slug: string; name: string };
  roundId: string;
  title: string;
  dueAt: Date;
  late: boolean;
  status: "todo" | "draft";
  about: string;
  href: string;
};

/** The evaluations a person still owes (open rounds, not yet submitted), for their home and week page. */
/** Completion of each round across the cohort (the organizer overview). */
export async function cohortEvaluationCompletion(access: CohortAccess, now = new Date()) {
  if (!access.isOrganizer) throw forbidden("The evaluation overview is for the cohort's organizers.");
  const cohort: CohortRow = access.cohort;
  const rounds = await roundsOf(cohort);
  const [owed, responses] = await Promise.all([
    owedIn(cohort.id),
    db.evaluationResponse.findMany({
      where: { roundId: { in: rounds.map((r) => r.id) } },
      select: { roundId: true, authorId: true, subjectId: true, status: true, late: true },
    }),
  ]);
  return rounds.map((round) => ({
    title: round.title,
    open: now.getTime() >= roundOpensAt(cohort, round.afterWeek).getTime(),
    dueAt: roundDueAt(cohort, round.afterWeek),
    participants: completion(
      owed.filter((o) => o.direction === "participant"),
      responses.filter((r) => r.roundId === round.id),
    ),
    navigators: completion(
      owed.filter((o) => o.direction === "navigator"),
      responses.filter((r) => r.roundId === round.id),
    ),
  }));
}

/** Due evaluations of the person in every cohort (home), or in the one cohort `only` gives access to. */
export async function dueEvaluationsFor(
  personId: string,
  only: CohortAccess | null = null,
  now = new Date(),
): Promise<DueEvaluation[]> {
  const cohorts: CohortRow[] = only
    ? only.teamRoles.some((t) => t.role === "participant" || t.role === "navigator")
      ? [only.cohort]
      : []
    : [
        ...new Map(
          (
            await db.cohortMembership.findMany({
              where: { personId, role: { in: ["participant", "navigator"] }, teamId: { not: null } },
              select: { cohort: { select: cohortSelect } },
            })
          ).map((m) => [m.cohort.id, m.cohort]),
        ).values(),
      ];
  const due: DueEvaluation[] = [];
  for (const cohort of cohorts) {
    const rounds = (await roundsOf(cohort)).filter((r) => isRoundVisible(cohort, r.afterWeek, now));
    if (rounds.length === 0) continue;
    const mine = (await owedIn(cohort.id)).filter((o) => o.authorId === personId);
    const responses = await db.evaluationResponse.findMany({
      where: { roundId: { in: rounds.map((r) => r.id) }, authorId: personId },
      select: { roundId: true, subjectId: true, status: true },
    });
    const state = new Map(responses.map((r) => [keyOf(r.roundId, personId, r.subjectId), r.status]));
    for (const round of rounds) {
      for (const o of mine) {
        const status = state.get(keyOf(round.id, personId, o.subjectId));
        if (status === "submitted") continue;
        const dueAt = roundDueAt(cohort, round.afterWeek);
        due.push({
          cohort: { slug: cohort.slug, name: cohort.name },
          roundId: round.id,
          title: round.title,
          dueAt,
          late: now.getTime() > dueAt.getTime(),
          status: status === "draft" ? "draft" : "todo",
          about:
            o.direction === "participant" ? "your team, your navigator and your learning" : o.subject!.name,
          href: writePath(cohort.slug, round.id, o.direction === "navigator" ? o.subject!.login : undefined),
        });
      }
    }
  }
  return due;
}

// ───────────────────────────── the evaluations page ───────────────────────────

export type RoundCompletion = { submitted: number; late: number; drafts: number; owed: number };

function completion(
  owed: Owed[],
  responses: { authorId: string; subjectId: string; status: string; late: boolean }[],
): RoundCompletion {
  const byKey = new Map(responses.map((r) => [`${r.authorId}:${r.subjectId}`, r]));
  const tally: RoundCompletion = { submitted: 0, late: 0, drafts: 0, owed: owed.length };
  for (const o of owed) {
    const r = byKey.get(`${o.authorId}:${o.subjectId}`);
    if (r?.status === "submitted") {
      tally.submitted++;
      if (r.late) tally.late++;
    } else if (r) tally.drafts++;
  }
  return tally;
}

/**
 * The evaluations page for whoever opens it: organizers get the rounds, completion
 * and every submitted evaluation; navigators their team's completion and the
 * aggregate of what participants said about them (at least three respondents);
 * everyone their own evaluations. A fixed number of queries.
 */
export async function getEvaluationsPage(access: CohortAccess, now = new Date()) {
  const cohort: CohortRow = access.cohort;
  const rounds = await roundsOf(cohort);
  const [owed, responses] = await Promise.all([
    owedIn(cohort.id),
    db.evaluationResponse.findMany({
      where: { roundId: { in: rounds.map((r) => r.id) } },
      select: {
        id: true,
        roundId: true,
        authorId: true,
        subjectId: true,
        direction: true,
        status: true,
        late: true,
        submittedAt: true,
        wantsToTalk: true,
        lowestScore: true,
        sharedAt: true,
        answers: true,
        teamId: true,
      },
    }),
  ]);
  const me = access.person.id;
  const isNavigator = access.roles.includes("navigator");
  const roundViews = rounds.map((round) => {
    const mine = responses.filter((r) => r.roundId === round.id);
    const window = roundWindow(cohort, round.afterWeek, now);
    const base = {
      id: round.id,
      title: round.title,
      afterWeek: round.afterWeek,
      opensAt: roundOpensAt(cohort, round.afterWeek),
      dueAt: roundDueAt(cohort, round.afterWeek),
      closesAt: roundClosesAt(cohort, round.afterWeek),
      open: window.open,
      state: window.open
        ? ("open" as const)
        : now.getTime() < roundOpensAt(cohort, round.afterWeek).getTime()
          ? ("upcoming" as const)
          : ("closed" as const),
    };
    const own = owed
      .filter((o) => o.authorId === me)
      .map((o) => {
        const r = mine.find((x) => x.authorId === me && x.subjectId === o.subjectId);
        return {
          about:
            o.direction === "participant"
              ? o.subject
                ? `Your team and ${o.subject.name}`
                : "Your team"
              : o.subject!.name,
          status: r?.status ?? "todo",
          late: r?.late ?? false,
          href: writePath(cohort.slug, round.id, o.direction === "navigator" ? o.subject!.login : undefined),
          readHref: r?.status === "submitted" ? responsePath(cohort.slug, r.id) : null,
        };
      });
    // Shared with the participant: a navigator's evaluation of them.
    const sharedWithMe = mine
      .filter(
        (r) => r.direction === "navigator" && r.subjectId === me && r.status === "submitted" && r.sharedAt,
      )
      .map((r) => ({ href: responsePath(cohort.slug, r.id) }));
    const navigatorView = isNavigator
      ? {
          team: completion(
            // the teams they navigate, not one they take part in as a participant
            owed.filter(
              (o) => o.direction === "participant" && holdsTeamRole(access, o.teamId, ["navigator"]),
            ),
            mine,
          ),
          aboutMe: navigatorAggregate(
            questionsFor(round, "participant"),
            mine.filter(
              (r) => r.direction === "participant" && r.subjectId === me && r.status === "submitted",
            ),
          ),
        }
      : null;
    const organizerView = access.isOrganizer
      ? {
          participants: completion(
            owed.filter((o) => o.direction === "participant"),
            mine,
          ),
          navigators: completion(
            owed.filter((o) => o.direction === "navigator"),
            mine,
          ),
          participantLines: questionsToLines(questionsFor(round, "participant")),
          navigatorLines: questionsToLines(questionsFor(round, "navigator")),
          submitted: mine
            .filter((r) => r.status === "submitted")
            .map((r) => {
              const o = owed.find((x) => x.authorId === r.authorId && x.subjectId === r.subjectId);
              return {
                id: r.id,
                href: responsePath(cohort.slug, r.id),
                author: o?.author.name ?? "A former member",
                about:
                  r.direction === "participant"
                    ? o?.subject
                      ? `their team and ${o.subject.name}`
                      : "their team"
                    : (o?.subject?.name ?? "a participant"),
                direction: r.direction as Direction,
                submittedAt: r.submittedAt,
                late: r.late,
                shared: Boolean(r.sharedAt),
                flag: evaluationFlag(r),
              };
            }),
        }
      : null;
    return { ...base, own, sharedWithMe, navigatorView, organizerView };
  });
  return {
    cohort: { slug: cohort.slug, name: cohort.name, weeks: cohort.weeks },
    isOrganizer: access.isOrganizer,
    isNavigator,
    rounds: roundViews,
  };
}

/** Organizers change a round's title, week and question sets, or add a round. */
export async function saveRound(
  access: CohortAccess,
  input: RoundsInput,
): Promise<{ ok: true; message: string } | { ok: false; errors: Record<string, string> }> {
  if (!access.isOrganizer) throw forbidden("Only the cohort's organizers set evaluation rounds.");
  const cohort: CohortRow = access.cohort;
  if (input.afterWeek > cohort.weeks)
    return {
      ok: false,
      errors: {
        afterWeek: `This cohort has ${cohort.weeks} weeks; choose a week from 1 to ${cohort.weeks}.`,
      },
    };
  const clash = await db.evaluationRound.findFirst({
    where: {
      cohortId: cohort.id,
      afterWeek: input.afterWeek,
      ...(input.roundId ? { id: { not: input.roundId } } : {}),
    },
    select: { title: true },
  });
  if (clash)
    return {
      ok: false,
      errors: {
        afterWeek: `“${clash.title}” already falls in week ${input.afterWeek}; choose another week.`,
      },
    };
  const data = {
    title: input.title,
    afterWeek: input.afterWeek,
    participantQuestions: JSON.stringify(input.participantQuestions),
    navigatorQuestions: JSON.stringify(input.navigatorQuestions),
  };
  if (input.roundId) {
    const updated = await db.evaluationRound.updateMany({
      where: { id: input.roundId, cohortId: cohort.id },
      data,
    });
    if (updated.count === 0) throw notFound("That evaluation round does not exist.");
  } else {
    await db.evaluationRound.create({ data: { cohortId: cohort.id, ...data } });
  }
  await recordAudit({
    actorId: access.person.id,
    cohortId: cohort.id,
    action: input.roundId ? "evaluation_round.changed" : "evaluation_round.added",
    subjectType: "evaluation_round",
    subjectId: input.roundId ?? input.title,
    toValue: `week ${input.afterWeek}`,
  });
  return { ok: true, message: `${input.title} saved: due at the end of week ${input.afterWeek}.` };
}

// ───────────────────────────── writing one ───────────────────────────────────

async function resolveOwed(access: CohortAccess, roundId: string, aboutLogin: string | null) {
  const cohort: CohortRow = access.cohort;
  const round = await db.evaluationRound.findFirst({ where: { id: roundId, cohortId: cohort.id } });
  if (!round) throw notFound("There is no such evaluation in this cohort.");
  const mine = (await owedIn(cohort.id)).filter((o) => o.authorId === access.person.id);
  const owed = aboutLogin
    ? mine.find(
        (o) => o.direction === "navigator" && o.subject?.login.toLowerCase() === aboutLogin.toLowerCase(),
      )
    : (mine.find((o) => o.direction === "participant") ?? (mine.length === 1 ? mine[0] : undefined));
  if (!owed) {
    if (aboutLogin && mine.some((o) => o.direction === "navigator"))
      throw forbidden("Navigators evaluate the participants of their own team.");
    if (mine.some((o) => o.direction === "navigator"))
      throw notFound("Choose the participant of your team you are evaluating.");
    throw forbidden("This evaluation is for the cohort's participants and the navigators of their team.");
  }
  return { cohort, round, owed };
}

export async function getEvaluationForm(
  access: CohortAccess,
  roundId: string,
  aboutLogin: string | null,
  now = new Date(),
) {
  const { cohort, round, owed } = await resolveOwed(access, roundId, aboutLogin);
  const questions = questionsFor(round, owed.direction);
  const response = await db.evaluationResponse.findUnique({
    where: {
      roundId_authorId_subjectId: {
        roundId: round.id,
        authorId: access.person.id,
        subjectId: owed.subjectId,
      },
    },
    select: { id: true, answers: true, status: true, late: true, wantsToTalk: true, submittedAt: true },
  });
  const answers = parseAnswers(response?.answers);
  const window = roundWindow(cohort, round.afterWeek, now);
  return {
    cohort: { slug: cohort.slug, name: cohort.name },
    round: {
      id: round.id,
      title: round.title,
      afterWeek: round.afterWeek,
      dueAt: roundDueAt(cohort, round.afterWeek),
    },
    direction: owed.direction,
    about:
      owed.direction === "participant"
        ? owed.subject
          ? `your team, your navigator ${owed.subject.name} and your learning`
          : "your team and your learning"
        : owed.subject!.name,
    aboutLogin: owed.direction === "navigator" ? owed.subject!.login : null,
    questions,
    talkLabel: TALK_LABEL,
    window: window.open
      ? { open: true as const, late: window.late }
      : { open: false as const, reason: window.reason },
    visibility:
      owed.direction === "participant"
        ? "Only the organizers read your answers. Your navigator sees only averages across at least three participants, never yours alone."
        : `The organizers read this. ${owed.subject!.name} sees it only if an organizer shares it with them.`,
    response: response
      ? {
          status: response.status,
          late: response.late,
          submittedAt: response.submittedAt,
          readHref: response.status === "submitted" ? responsePath(cohort.slug, response.id) : null,
        }
      : null,
    values: {
      ...Object.fromEntries(questions.map((q) => [`q-${q.key}`, answers[q.key] ?? ""])),
      wantsToTalk: response?.wantsToTalk ? "on" : "",
    } as Record<string, string>,
  };
}

export type SaveEvaluationResult =
  { ok: true; status: "draft" | "submitted"; late: boolean } | { ok: false; errors: Record<string, string> };

export async function saveEvaluation(
  access: CohortAccess,
  roundId: string,
  aboutLogin: string | null,
  raw: Record<string, unknown>,
  now = new Date(),
): Promise<SaveEvaluationResult> {
  const { cohort, round, owed } = await resolveOwed(access, roundId, aboutLogin);
  const window = roundWindow(cohort, round.afterWeek, now);
  if (!window.open) return { ok: false, errors: { form: window.reason } };
  const key = {
    roundId_authorId_subjectId: { roundId: round.id, authorId: access.person.id, subjectId: owed.subjectId },
  };
  const existing = await db.evaluationResponse.findUnique({
    where: key,
    select: { status: true, late: true, submittedAt: true },
  });
  const submitting = raw.intent === "submit" || existing?.status === "submitted";
  const checked = checkAnswers(questionsFor(round, owed.direction), raw, submitting);
  if (!checked.ok) return checked;
  const late = existing?.status === "submitted" ? existing.late : submitting ? window.late : false;
  const fields = {
    answers: JSON.stringify(checked.answers),
    status: submitting ? "submitted" : "draft",
    submittedAt: existing?.submittedAt ?? (submitting ? now : null),
    late,
    wantsToTalk: raw.wantsToTalk === "on" || raw.wantsToTalk === "true",
    lowestScore: checked.lowestScore,
  };
  // upsert, not create-and-catch: safe on PostgreSQL when two tabs save at once
  await db.evaluationResponse.upsert({
    where: key,
    update: fields,
    create: {
      roundId: round.id,
      cohortId: cohort.id,
      authorId: access.person.id,
      direction: owed.direction,
      subjectId: owed.subjectId,
      teamId: owed.teamId,
      ...fields,
    },
  });
  return { ok: true, status: fields.status as "draft" | "submitted", late };
}

// ───────────────────────────── reading one ───────────────────────────────────

/**
 * One submitted evaluation. Organizers read all; the author reads their own; a
 * participant reads a navigator's evaluation of them once an organizer shared it.
 * A participant's evaluation of their navigator is never shown to the navigator.
 */
export async function getEvaluationResponse(access: CohortAccess, id: string) {
  const r = await db.evaluationResponse.findFirst({
    where: { id, cohortId: access.cohort.id },
    include: { round: true },
  });
  const me = access.person.id;
  const mayRead =
    r &&
    (access.isOrganizer ||
      r.authorId === me ||
      (r.direction === "navigator" && r.subjectId === me && r.sharedAt && r.status === "submitted"));
  if (!r || !mayRead) throw forbidden("This evaluation is for the organizers and the person who wrote it.");
  const people = await db.person.findMany({
    where: { id: { in: [r.authorId, r.subjectId] } },
    select: { id: true, name: true, login: true },
  });
  const nameOf = (pid: string) => people.find((p) => p.id === pid)?.name ?? null;
  const answers = parseAnswers(r.answers);
  const questions = questionsFor(r.round, r.direction as Direction);
  return {
    cohort: { slug: access.cohort.slug, name: access.cohort.name },
    id: r.id,
    round: { title: r.round.title },
    direction: r.direction as Direction,
    author: nameOf(r.authorId) ?? "A former member",
    about:
      r.direction === "participant"
        ? nameOf(r.subjectId)
          ? `their team and their navigator ${nameOf(r.subjectId)}`
          : "their team"
        : (nameOf(r.subjectId) ?? "a participant"),
    status: r.status,
    late: r.late,
    submittedAt: r.submittedAt,
    wantsToTalk: r.wantsToTalk,
    flag: evaluationFlag(r),
    shared: Boolean(r.sharedAt),
    canShare: access.isOrganizer && r.direction === "navigator" && r.status === "submitted",
    answers: questions.map((q) => ({
      label: q.label,
      type: q.type,
      value: q.type === "scale" ? (answers[q.key] ?? "") : "",
      html: q.type === "text" ? renderMarkdown(answers[q.key] ?? "") : "",
    })),
  };
}

/** An organizer shares a navigator's evaluation with the participant it is about (or stops sharing). */
export async function shareEvaluation(
  access: CohortAccess,
  id: string,
  share: boolean,
  now = new Date(),
): Promise<string> {
  if (!access.isOrganizer) throw forbidden("Only the cohort's organizers share evaluations.");
  const r = await db.evaluationResponse.findFirst({
    where: { id, cohortId: access.cohort.id, direction: "navigator", status: "submitted" },
    include: { round: { select: { title: true } } },
  });
  if (!r) throw notFound("Only a submitted navigator's evaluation of a participant can be shared.");
  const changed = await db.evaluationResponse.updateMany({
    where: { id, sharedAt: share ? null : { not: null } },
    data: { sharedAt: share ? now : null },
  });
  if (changed.count === 0) return share ? "It was already shared." : "It was not shared.";
  await recordAudit({
    actorId: access.person.id,
    cohortId: access.cohort.id,
    action: share ? "evaluation.shared" : "evaluation.unshared",
    subjectType: "evaluation_response",
    subjectId: id,
  });
  if (share) {
    await queueNotice({
      ...noticeText("evaluation_shared", {
        cohort: access.cohort.name,
        round: r.round.title,
        link: noticeLink(responsePath(access.cohort.slug, id)),
      }),
      cohortId: access.cohort.id,
      personId: r.subjectId,
      dedupeKey: `evaluation-shared:${id}`,
    });
  }
  return share ? "Shared: the participant can now read it." : "No longer shared with the participant.";
}

// ───────────────────────────── dashboards ────────────────────────────────────

/** Submitted evaluations with a low score or a wish to talk, for the organizers' "Needs attention". */
export async function evaluationAttention(access: CohortAccess): Promise<AttentionItem[]> {
  if (!access.isOrganizer) throw forbidden("Evaluation flags are for the cohort's organizers.");
  const { id: cohortId, slug } = access.cohort;
  const flagged = await db.evaluationResponse.findMany({
    where: { cohortId, status: "submitted", OR: [{ wantsToTalk: true }, { lowestScore: { lte: 2 } }] },
    include: { round: { select: { title: true } } },
    orderBy: { submittedAt: "asc" },
  });
  const people = await db.person.findMany({
    where: { id: { in: flagged.map((r) => r.authorId) } },
    select: { id: true, name: true, login: true },
  });
  return evaluationFlags(
    flagged.map((r) => {
      const author = people.find((p) => p.id === r.authorId);
      return {
        personId: r.authorId,
        name: author?.name ?? "A former member",
        login: author?.login ?? "",
        reason: `${r.direction === "participant" ? "Participant" : "Navigator"}: ${evaluationFlag(r)} in the ${r.round.title.toLowerCase()}`,
        submittedAt: r.submittedAt ?? r.updatedAt,
        href: responsePath(slug, r.id),
      };
    }),
  );
}

/** Completion of each open or past round for one team (the navigator's dashboard). */
export async function teamEvaluationCompletion(access: CohortAccess, teamSlug: string, now = new Date()) {
  const cohortId = access.cohort.id;
  const cohort: CohortRow = access.cohort;
  const team = await db.team.findUnique({
    where: { cohortId_slug: { cohortId, slug: teamSlug } },
    select: { id: true },
  });
  if (!team) return [];
  const teamId = team.id;
  const rounds = (await roundsOf(cohort)).filter(
    (r) => now.getTime() >= roundOpensAt(cohort, r.afterWeek).getTime(),
  );
  const owed = (await owedIn(cohortId)).filter((o) => o.teamId === teamId);
  const responses = await db.evaluationResponse.findMany({
    where: { roundId: { in: rounds.map((r) => r.id) }, teamId },
    select: { roundId: true, authorId: true, subjectId: true, status: true, late: true },
  });
  return rounds.map((round) => ({
    title: round.title,
    dueAt: roundDueAt(cohort, round.afterWeek),
    participants: completion(
      owed.filter((o) => o.direction === "participant"),
      responses.filter((r) => r.roundId === round.id),
    ),
    navigators: completion(
      owed.filter((o) => o.direction === "navigator"),
      responses.filter((r) => r.roundId === round.id),
    ),
    href: evaluationsPath(cohort.slug),
  }));
}

// ───────────────────────────── reminders ─────────────────────────────────────

/** One notice per person, round and subject when a round is open and not submitted. Idempotent. */
export async function sendEvaluationReminders(now = new Date()): Promise<number> {
  const cohorts = await db.cohort.findMany({
    where: { publishedAt: { not: null }, startsOn: { lte: now } },
    select: cohortSelect,
  });
  let sent = 0;
  for (const cohort of cohorts) {
    const rounds = (await roundsOf(cohort)).filter((r) => isRoundVisible(cohort, r.afterWeek, now));
    if (rounds.length === 0) continue;
    const owed = await owedIn(cohort.id);
    const submitted = await db.evaluationResponse.findMany({
      where: { roundId: { in: rounds.map((r) => r.id) }, status: "submitted" },
      select: { roundId: true, authorId: true, subjectId: true },
    });
    const done = new Set(submitted.map((r) => keyOf(r.roundId, r.authorId, r.subjectId)));
    const zones = new Map(
      (
        await db.person.findMany({
          where: { id: { in: owed.map((o) => o.authorId) } },
          select: { id: true, timeZone: true },
        })
      ).map((p) => [p.id, p.timeZone]),
    );
    for (const round of rounds) {
      for (const o of owed) {
        if (done.has(keyOf(round.id, o.authorId, o.subjectId))) continue;
        const queued = await queueNotice({
          ...noticeText("evaluation_due", {
            name: o.author.name,
            cohort: cohort.name,
            round: round.title,
            about:
              o.direction === "participant"
                ? { participant: true }
                : { participant: false, name: o.subject!.name },
            due: formatDateTime(roundDueAt(cohort, round.afterWeek), zones.get(o.authorId) ?? "UTC"),
            link: noticeLink(
              writePath(cohort.slug, round.id, o.direction === "navigator" ? o.subject!.login : undefined),
            ),
          }),
          cohortId: cohort.id,
          personId: o.authorId,
          dedupeKey: `evaluation-due:${round.id}:${o.authorId}:${o.subjectId}`,
        });
        if (queued) sent++;
      }
    }
  }
  return sent;
}

export function registerEvaluationJobs(): void {
  registerJob({ name: "evaluation-reminders", everyMinutes: () => 60, run: () => sendEvaluationReminders() });
}
