// Surveys per cohort: the organizers set the weekly pulse and the end-of-cohort
// survey (previewed before opening), participants answer once each, organizers
// read the results per question by week and by team (small groups hidden).
import { forbidden, notFound, type CohortAccess } from "~/auth/permissions.server";
import { recordAudit } from "~/cohorts/audit.server";
import { PHASE_COLUMNS, phaseOf, weekOf } from "~/cohorts/phase";
import { csvLine } from "~/applications/export.server";
import { noticeLink } from "~/notifications/links.server";
import { queueNotice } from "~/notifications/outbox.server";
import { noticeText } from "~/notifications/templates";
import { db, isUniqueViolation } from "~/utils/db.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { formatDateTime } from "~/utils/time";
import type { PulseInput } from "./forms";
import {
  answerSchema,
  DEFAULT_END_QUESTIONS,
  DEFAULT_PULSE,
  END_TITLE,
  endSurveyClosesAt,
  groupedDistributions,
  LIKERT_LEVELS,
  parseSurveyAnswers,
  parseSurveyQuestions,
  PULSE_SUGGESTIONS,
  pulseQuestion,
  pulseTitle,
  pulseWindow,
  questionsToLines,
  surveyState,
  type GroupedDistributions,
  type SurveyQuestion,
} from "./rules";

export const surveysPath = (slug: string) => `/cohorts/${slug}/surveys`;
export const resultsPath = (slug: string) => `/cohorts/${slug}/surveys/results`;
export const answerPath = (slug: string, id: string) => `/cohorts/${slug}/surveys/${id}`;

const cohortSelect = { id: true, slug: true, name: true, ...PHASE_COLUMNS } as const;
type CohortRow = {
  id: string;
  slug: string;
  name: string;
  startsOn: Date;
  weeks: number;
  publishedAt: Date | null;
  applicationsOpenAt: Date;
  applicationsCloseAt: Date;
  decisionsPublishedAt: Date | null;
};
type SurveyRow = {
  id: string;
  cohortId: string;
  kind: string;
  title: string;
  week: number;
  questions: string;
  sentAt: Date | null;
  closesAt: Date | null;
};

function requireOrganizer(access: CohortAccess, what: string): void {
  if (!access.isOrganizer) throw forbidden(`${what} is for the cohort's organizers.`);
}

async function pulseSettingOf(cohortId: string) {
  return (
    (await db.pulseSetting.findUnique({ where: { cohortId } })) ?? {
      cohortId,
      enabled: false,
      questionType: DEFAULT_PULSE.type,
      question: DEFAULT_PULSE.label,
    }
  );
}

const pulseKey = (cohortId: string, week: number) => ({
  cohortId_kind_week: { cohortId, kind: "pulse", week },
});
const endKey = (cohortId: string) => ({ cohortId_kind_week: { cohortId, kind: "end", week: 0 } });

/** This week's pulse when the cohort runs and the pulse is on, created the first time someone needs it. */
async function currentPulse(
  cohort: CohortRow,
  setting: { enabled: boolean; questionType: string; question: string },
  now: Date,
): Promise<SurveyRow | null> {
  if (!setting.enabled || phaseOf(cohort, now) !== "running") return null;
  const week = weekOf(cohort, now);
  const window = pulseWindow(cohort, week);
  try {
    return await db.survey.upsert({
      where: pulseKey(cohort.id, week),
      update: {},
      create: {
        cohortId: cohort.id,
        kind: "pulse",
        week,
        title: pulseTitle(week),
        questions: JSON.stringify([pulseQuestion(setting)]),
        sentAt: window.opensAt,
        closesAt: window.closesAt,
      },
    });
  } catch (error) {
    // another request created it at the same moment (not inside a transaction)
    if (!isUniqueViolation(error)) throw error;
    return db.survey.findUnique({ where: pulseKey(cohort.id, week) });
  }
}

// ───────────────────────────── the organizers' page ───────────────────────────

export async function getSurveysPage(access: CohortAccess, now = new Date()) {
  requireOrganizer(access, "Setting surveys");
  const cohort: CohortRow = access.cohort;
  const [setting, end, counts] = await Promise.all([
    pulseSettingOf(cohort.id),
    db.survey.findUnique({ where: endKey(cohort.id) }),
    db.surveyResponse.groupBy({
      by: ["surveyId"],
      where: { survey: { cohortId: cohort.id } },
      _count: { _all: true },
    }),
  ]);
  const pulse = await currentPulse(cohort, setting, now);
  const answered = (id: string | undefined) => counts.find((c) => c.surveyId === id)?._count._all ?? 0;
  const phase = phaseOf(cohort, now);
  const endQuestions = end ? parseSurveyQuestions(end.questions) : DEFAULT_END_QUESTIONS;
  const endState = end ? surveyState(end, now) : "draft";
  return {
    cohort: { slug: cohort.slug, name: cohort.name, weeks: cohort.weeks },
    phase,
    pulse: {
      enabled: setting.enabled,
      questionType: setting.questionType,
      question: setting.question,
      preview: [pulseQuestion(setting)],
      suggestions: PULSE_SUGGESTIONS,
      thisWeek: pulse ? { week: pulse.week, answers: answered(pulse.id), closesAt: pulse.closesAt } : null,
      weeksSoFar: counts.length,
    },
    end: {
      state: endState,
      questions: endQuestions,
      lines: questionsToLines(endQuestions),
      sentAt: end?.sentAt ?? null,
      closesAt: end?.closesAt ?? null,
      answers: answered(end?.id),
      mayOpen: phase === "running" || phase === "finished",
    },
    resultsHref: resultsPath(cohort.slug),
  };
}

type Outcome = { ok: true; message: string } | { ok: false; errors: Record<string, string> };

/** Changes the pulse question; this week's pulse follows while nobody has answered it yet. */
export async function savePulse(access: CohortAccess, input: PulseInput, now = new Date()): Promise<Outcome> {
  requireOrganizer(access, "Setting the pulse");
  const cohort: CohortRow = access.cohort;
  await db.pulseSetting.upsert({
    where: { cohortId: cohort.id },
    update: { questionType: input.questionType, question: input.question },
    create: { cohortId: cohort.id, questionType: input.questionType, question: input.question },
  });
  let note = "";
  if (phaseOf(cohort, now) === "running") {
    const week = weekOf(cohort, now);
    const current = await db.survey.findUnique({
      where: pulseKey(cohort.id, week),
      select: { id: true, _count: { select: { responses: true } } },
    });
    if (current && current._count.responses === 0)
      await db.survey.update({
        where: { id: current.id },
        data: { questions: JSON.stringify([pulseQuestion(input)]) },
      });
    else if (current)
      note = ` Week ${week} keeps its question, since people have answered it; the new one starts next week.`;
  }
  await recordAudit({
    actorId: access.person.id,
    cohortId: cohort.id,
    action: "survey.pulse_changed",
    subjectType: "survey",
    subjectId: "pulse",
    toValue: input.question,
  });
  return { ok: true, message: `Pulse question saved.${note}` };
}

/** Switches the weekly pulse on (participants answer it from their week) or off. */
export async function setPulse(access: CohortAccess, on: boolean, now = new Date()): Promise<Outcome> {
  requireOrganizer(access, "Setting the pulse");
  const cohort: CohortRow = access.cohort;
  const setting = await db.pulseSetting.upsert({
    where: { cohortId: cohort.id },
    update: { enabled: on },
    create: {
      cohortId: cohort.id,
      enabled: on,
      questionType: DEFAULT_PULSE.type,
      question: DEFAULT_PULSE.label,
    },
  });
  if (on) await currentPulse(cohort, setting, now);
  await recordAudit({
    actorId: access.person.id,
    cohortId: cohort.id,
    action: on ? "survey.pulse_on" : "survey.pulse_off",
    subjectType: "survey",
    subjectId: "pulse",
    toValue: on ? setting.question : null,
  });
  return {
    ok: true,
    message: on
      ? "The weekly pulse is on: participants see this week's question on their week and home pages."
      : "The weekly pulse is off; answers so far stay in the results.",
  };
}

export async function saveEndSurvey(access: CohortAccess, questions: SurveyQuestion[]): Promise<Outcome> {
  requireOrganizer(access, "Setting the end-of-cohort survey");
  const cohortId = access.cohort.id;
  const existing = await db.survey.findUnique({ where: endKey(cohortId), select: { sentAt: true } });
  if (existing?.sentAt)
    return {
      ok: false,
      errors: { questions: "The survey is already open; its questions cannot change once people answer." },
    };
  await db.survey.upsert({
    where: endKey(cohortId),
    update: { questions: JSON.stringify(questions) },
    create: { cohortId, kind: "end", week: 0, title: END_TITLE, questions: JSON.stringify(questions) },
  });
  return { ok: true, message: "Survey saved. Check the preview below, then open it to participants." };
}

/** Opens the end-of-cohort survey as previewed (the default questions when none were saved). */
export async function openEndSurvey(access: CohortAccess, now = new Date()): Promise<Outcome> {
  requireOrganizer(access, "Opening the end-of-cohort survey");
  const cohort: CohortRow = access.cohort;
  const phase = phaseOf(cohort, now);
  if (phase !== "running" && phase !== "finished")
    return { ok: false, errors: { form: "The end-of-cohort survey opens once the cohort is running." } };
  await db.survey.upsert({
    where: endKey(cohort.id),
    update: {},
    create: {
      cohortId: cohort.id,
      kind: "end",
      week: 0,
      title: END_TITLE,
      questions: JSON.stringify(DEFAULT_END_QUESTIONS),
    },
  });
  const closesAt = endSurveyClosesAt(cohort, now);
  // conditional, so two organizers opening at once open it once
  const opened = await db.survey.updateMany({
    where: { cohortId: cohort.id, kind: "end", week: 0, sentAt: null },
    data: { sentAt: now, closesAt },
  });
  if (opened.count === 0) return { ok: true, message: "The survey was already open." };
  const survey = await db.survey.findUniqueOrThrow({ where: endKey(cohort.id), select: { id: true } });
  const participants = await db.cohortMembership.findMany({
    where: { cohortId: cohort.id, role: "participant", personId: { not: null } },
    select: { person: { select: { id: true, name: true, timeZone: true } } },
  });
  for (const { person } of participants) {
    if (!person) continue;
    await queueNotice({
      ...noticeText("survey_open", {
        name: person.name,
        cohort: cohort.name,
        until: formatDateTime(closesAt, person.timeZone),
        link: noticeLink(answerPath(cohort.slug, survey.id)),
      }),
      cohortId: cohort.id,
      personId: person.id,
      dedupeKey: `survey-open:${survey.id}:${person.id}`,
    });
  }
  await recordAudit({
    actorId: access.person.id,
    cohortId: cohort.id,
    action: "survey.opened",
    subjectType: "survey",
    subjectId: "end",
    toValue: closesAt.toISOString(),
  });
  return {
    ok: true,
    message: `The end-of-cohort survey is open; ${participants.length} participants were sent a notice.`,
  };
}

// ───────────────────────────── answering ──────────────────────────────────────

export type OpenSurvey = {
  id: string;
  cohort: { slug: string; name: string };
  title: string;
  closesAt: Date | null;
  questions: SurveyQuestion[];
  action: string;
};

/** The surveys a participant can still answer (this week's pulse, the open end-of-cohort survey). */
export async function openSurveysFor(
  personId: string,
  only: CohortAccess | null = null,
  now = new Date(),
): Promise<OpenSurvey[]> {
  // In one cohort the access object already carries it; on home, every cohort the person takes part in.
  const cohorts: CohortRow[] = only
    ? only.roles.includes("participant")
      ? [only.cohort]
      : []
    : (
        await db.cohortMembership.findMany({
          where: { personId, role: "participant" },
          select: { cohort: { select: cohortSelect } },
        })
      ).map((m) => m.cohort);
  const open: OpenSurvey[] = [];
  for (const cohort of cohorts) {
    const phase = phaseOf(cohort, now);
    if (phase !== "running" && phase !== "finished") continue;
    const [setting, end] = await Promise.all([
      pulseSettingOf(cohort.id),
      db.survey.findUnique({ where: endKey(cohort.id) }),
    ]);
    const candidates = [await currentPulse(cohort, setting, now), end].filter(
      (s): s is SurveyRow => s !== null && surveyState(s, now) === "open",
    );
    if (candidates.length === 0) continue;
    const answered = await db.surveyResponse.findMany({
      where: { personId, surveyId: { in: candidates.map((s) => s.id) } },
      select: { surveyId: true },
    });
    for (const s of candidates) {
      if (answered.some((a) => a.surveyId === s.id)) continue;
      open.push({
        id: s.id,
        cohort: { slug: cohort.slug, name: cohort.name },
        title: s.title,
        closesAt: s.closesAt,
        questions: parseSurveyQuestions(s.questions),
        action: answerPath(cohort.slug, s.id),
      });
    }
  }
  return open;
}

async function surveyInCohort(access: CohortAccess, surveyId: string) {
  if (!access.roles.includes("participant"))
    throw forbidden("Surveys are answered by the cohort's participants.");
  const survey = await db.survey.findFirst({ where: { id: surveyId, cohortId: access.cohort.id } });
  if (!survey || !survey.sentAt) throw notFound("There is no such survey in this cohort.");
  return survey;
}

export async function getSurveyForm(access: CohortAccess, surveyId: string, now = new Date()) {
  const survey = await surveyInCohort(access, surveyId);
  const answered = await db.surveyResponse.findUnique({
    where: { surveyId_personId: { surveyId, personId: access.person.id } },
    select: { submittedAt: true },
  });
  const state = surveyState(survey, now);
  return {
    cohort: { slug: access.cohort.slug, name: access.cohort.name },
    survey: {
      id: survey.id,
      title: survey.title,
      opensAt: survey.sentAt,
      closesAt: survey.closesAt,
      questions: parseSurveyQuestions(survey.questions),
    },
    answeredAt: answered?.submittedAt ?? null,
    closedReason:
      state === "closed"
        ? "This survey has closed."
        : state === "not yet open"
          ? "This survey is not open yet."
          : null,
  };
}

/** One answer per person and survey; no drafts. */
export async function answerSurvey(
  access: CohortAccess,
  surveyId: string,
  raw: Record<string, unknown>,
  now = new Date(),
): Promise<Outcome> {
  const survey = await surveyInCohort(access, surveyId);
  const state = surveyState(survey, now);
  if (state !== "open")
    return {
      ok: false,
      errors: { form: state === "closed" ? "This survey has closed." : "This survey is not open yet." },
    };
  const parsed = answerSchema(parseSurveyQuestions(survey.questions)).safeParse(raw);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[issue.path.join(".") || "form"] ??= issue.message;
    return { ok: false, errors };
  }
  const already = { form: "You have already answered this survey; each person answers once." };
  const key = { surveyId_personId: { surveyId, personId: access.person.id } };
  if (await db.surveyResponse.findUnique({ where: key, select: { id: true } }))
    return { ok: false, errors: already };
  const team = await db.cohortMembership.findFirst({
    where: { cohortId: access.cohort.id, personId: access.person.id, role: "participant" },
    select: { teamId: true },
  });
  try {
    await db.surveyResponse.create({
      data: {
        surveyId,
        personId: access.person.id,
        teamId: team?.teamId ?? null,
        answers: JSON.stringify(parsed.data),
        submittedAt: now,
      },
    });
  } catch (error) {
    // a second tab sent the same answer at the same moment (not inside a transaction)
    if (isUniqueViolation(error)) return { ok: false, errors: already };
    throw error;
  }
  return { ok: true, message: `Thank you — your answer to the ${survey.title.toLowerCase()} is in.` };
}

// ───────────────────────────── results ────────────────────────────────────────

export type QuestionResult = {
  key: string;
  label: string;
  type: "likert" | "text";
  /** per week (pulse) or everyone (end survey), then per team; groups below three people hidden */
  groupings: ({ by: "week" | "team" | "everyone" } & GroupedDistributions)[];
  /** free-text answers, sanitized HTML, organizers only */
  texts: { group: string; html: string }[];
};

type Answer = { personId: string; teamId: string | null; answers: Record<string, string> };

function likertGroups(groups: { group: string; answers: Answer[] }[], key: string) {
  return groupedDistributions(
    groups.map((g) => {
      const given = g.answers.filter((a) => a.answers[key]);
      return {
        group: g.group,
        values: given.map((a) => a.answers[key]),
        people: given.map((a) => a.personId),
      };
    }),
  );
}

/**
 * The results of a cohort's surveys per question: the pulse by week and by team,
 * the end-of-cohort survey overall and by team. Organizers only. Three queries.
 */
export async function surveyResults(access: CohortAccess) {
  requireOrganizer(access, "Survey results");
  const cohortId = access.cohort.id;
  const [surveys, teams] = await Promise.all([
    db.survey.findMany({
      where: { cohortId, sentAt: { not: null } },
      orderBy: [{ kind: "desc" }, { week: "asc" }],
      include: { responses: { select: { personId: true, teamId: true, answers: true } } },
    }),
    db.team.findMany({ where: { cohortId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const answersOf = (s: (typeof surveys)[number]): Answer[] =>
    s.responses.map((r) => ({
      personId: r.personId,
      teamId: r.teamId,
      answers: parseSurveyAnswers(r.answers),
    }));
  const byTeam = (answers: Answer[]) =>
    teams.map((t) => ({ group: t.name, answers: answers.filter((a) => a.teamId === t.id) }));

  // The pulse: one result per distinct question, each week it was asked a group.
  const pulses = surveys.filter((s) => s.kind === "pulse");
  const pulseQuestions = new Map<
    string,
    { q: SurveyQuestion; weeks: { week: number; answers: Answer[] }[] }
  >();
  for (const s of pulses) {
    const q = parseSurveyQuestions(s.questions)[0];
    if (!q) continue;
    const id = `${q.type}:${q.label}`;
    const entry = pulseQuestions.get(id) ?? { q, weeks: [] };
    entry.weeks.push({ week: s.week, answers: answersOf(s) });
    pulseQuestions.set(id, entry);
  }
  const pulse: QuestionResult[] = [...pulseQuestions.values()].map(({ q, weeks }, i) => {
    const all = weeks.flatMap((w) => w.answers);
    const key = `pulse-${i + 1}`;
    if (q.type === "text")
      return {
        key,
        label: q.label,
        type: q.type,
        groupings: [],
        texts: weeks.flatMap((w) =>
          w.answers
            .filter((a) => a.answers[q.key])
            .map((a) => ({ group: `Week ${w.week}`, html: renderMarkdown(a.answers[q.key]) })),
        ),
      };
    return {
      key,
      label: q.label,
      type: q.type,
      groupings: [
        {
          by: "week" as const,
          ...likertGroups(
            weeks.map((w) => ({ group: `Week ${w.week}`, answers: w.answers })),
            q.key,
          ),
        },
        { by: "team" as const, ...likertGroups(byTeam(all), q.key) },
      ],
      texts: [],
    };
  });

  const endSurvey = surveys.find((s) => s.kind === "end") ?? null;
  const endAnswers = endSurvey ? answersOf(endSurvey) : [];
  const end: QuestionResult[] = endSurvey
    ? parseSurveyQuestions(endSurvey.questions).map((q) =>
        q.type === "text"
          ? {
              key: `end-${q.key}`,
              label: q.label,
              type: q.type,
              groupings: [],
              texts: endAnswers
                .filter((a) => a.answers[q.key])
                .map((a) => ({ group: "", html: renderMarkdown(a.answers[q.key]) })),
            }
          : {
              key: `end-${q.key}`,
              label: q.label,
              type: q.type,
              groupings: [
                {
                  by: "everyone" as const,
                  ...likertGroups([{ group: "Everyone", answers: endAnswers }], q.key),
                },
                { by: "team" as const, ...likertGroups(byTeam(endAnswers), q.key) },
              ],
              texts: [],
            },
      )
    : [];

  return {
    cohort: { slug: access.cohort.slug, name: access.cohort.name },
    pulse: { weeks: pulses.map((s) => ({ week: s.week, answers: s.responses.length })), questions: pulse },
    end: endSurvey
      ? {
          answers: endSurvey.responses.length,
          sentAt: endSurvey.sentAt,
          closesAt: endSurvey.closesAt,
          questions: end,
        }
      : null,
    csvHref: `${resultsPath(access.cohort.slug)}.csv`,
    settingsHref: surveysPath(access.cohort.slug),
  };
}

/** The results as CSV: one line per question and shown group (free text stays on the page). */
export function surveyResultsCsv(results: Awaited<ReturnType<typeof surveyResults>>): string {
  const lines = [
    csvLine(["survey", "question", "grouped by", "group", "people", "answers", ...LIKERT_LEVELS, "mean"]),
  ];
  const add = (survey: string, questions: QuestionResult[]) => {
    for (const q of questions)
      for (const g of q.groupings)
        for (const d of g.shown)
          lines.push(
            csvLine([survey, q.label, g.by, d.group, d.respondents, d.answers, ...d.counts, d.mean]),
          );
  };
  add("Weekly pulse", results.pulse.questions);
  add(END_TITLE, results.end?.questions ?? []);
  return lines.join("\r\n") + "\r\n";
}

/** Where a participant lands after answering: back where they answered (home, their week), never elsewhere. */
export function afterAnswerPath(slug: string, returnTo: unknown): string {
  const allowed = ["/home", `/cohorts/${slug}`, `/cohorts/${slug}/week`];
  return typeof returnTo === "string" && allowed.includes(returnTo) ? returnTo : `/cohorts/${slug}/week`;
}
