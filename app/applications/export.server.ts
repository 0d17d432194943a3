// CSV export of a cohort's applications with answers and scores, for organizers
// who still want a spreadsheet. One row per application (drafts excluded).
import { countSlots } from "~/availability/slots";
import { recordAudit } from "~/cohorts/audit.server";
import { db } from "~/utils/db.server";
import { loadQuestions, loadRubric } from "./form.server";
import { displayAnswer } from "./questions";
import { cohortAggregates, cohortCriterionMeans, preferencesOf } from "./with-reviews.server";

/** One CSV cell: quoted when needed, and a leading = + - @ neutralized so spreadsheets do not run it as a formula. */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(",");
}

/** The applications as CSV. Personal data leaves the app here, so each export is audited. */
export async function exportApplicationsCsv(
  cohortId: string,
  actorId: string | null = null,
): Promise<string> {
  // Flat queries joined in memory, and scores summed by the database: the same
  // number of queries for 20 applications or 3,000 (docs/decisions/078).
  const inCohort = { cohortId, status: { in: ["submitted", "withdrawn"] } };
  const [
    questions,
    rubric,
    applications,
    people,
    answers,
    preferences,
    aggregates,
    criterionMeansOf,
    offers,
    availabilities,
  ] = await Promise.all([
    loadQuestions(cohortId),
    loadRubric(cohortId),
    db.application.findMany({
      where: inCohort,
      orderBy: { submittedAt: "asc" },
      select: {
        id: true,
        personId: true,
        status: true,
        submittedAt: true,
        decision: true,
        publishedDecision: true,
        waitlistRank: true,
        anyProject: true,
        purgedAt: true,
      },
    }),
    db.person.findMany({
      where: { applications: { some: inCohort } },
      select: { id: true, name: true, login: true, email: true },
    }),
    db.applicationAnswer.findMany({
      where: { application: inCohort },
      select: { applicationId: true, questionId: true, value: true },
    }),
    preferencesOf({ cohortId }),
    cohortAggregates(cohortId),
    cohortCriterionMeans(cohortId),
    db.offer.findMany({
      where: { application: inCohort },
      orderBy: { sentAt: "desc" },
      select: { applicationId: true, status: true },
    }),
    db.availability.findMany({ where: { cohortId }, select: { personId: true, slots: true } }),
  ]);
  const personById = new Map(people.map((p) => [p.id, p]));
  const answersOf = new Map<string, Map<string, string>>();
  for (const x of answers) {
    const map = answersOf.get(x.applicationId) ?? new Map<string, string>();
    map.set(x.questionId, x.value);
    answersOf.set(x.applicationId, map);
  }
  const offerOf = new Map<string, string>();
  for (const o of offers) if (!offerOf.has(o.applicationId)) offerOf.set(o.applicationId, o.status);
  const hoursOf = new Map(availabilities.map((a) => [a.personId, countSlots(a.slots) / 2]));
  const header = [
    "Name",
    "GitHub login",
    "E-mail",
    "Status",
    "Submitted at",
    "Decision",
    "Published decision",
    "Waitlist rank",
    "Offer",
    "Project preferences",
    "Any project",
    "Available hours a week",
    "Reviews",
    "Mean score",
    "Spread",
    ...rubric.map((c) => `Mean: ${c.name}`),
    ...questions.map((q) => q.label),
  ];
  const lines = [csvLine(header)];
  for (const a of applications) {
    const person = personById.get(a.personId);
    const agg = aggregates.get(a.id) ?? { count: 0, mean: null, spread: null };
    const means = criterionMeansOf.get(a.id);
    const answerOf = answersOf.get(a.id);
    lines.push(
      csvLine([
        person?.name ?? "",
        person?.login ?? "",
        person?.email ?? "",
        a.status,
        a.submittedAt?.toISOString() ?? "",
        a.decision,
        a.publishedDecision ?? "",
        a.waitlistRank ?? "",
        offerOf.get(a.id) ?? "",
        (preferences.get(a.id) ?? []).map((p) => p.name).join("; "),
        a.anyProject ? "yes" : "no",
        hoursOf.get(a.personId) ?? 0,
        agg.count,
        agg.mean ?? "",
        agg.spread ?? "",
        ...rubric.map((c) => means?.get(c.id) ?? ""),
        ...questions.map((q) => (a.purgedAt ? "(purged)" : displayAnswer(q, answerOf?.get(q.id) ?? ""))),
      ]),
    );
  }
  // A BOM so spreadsheet programs read the names' accents as UTF-8.
  await recordAudit({
    actorId,
    cohortId,
    action: "applications.exported",
    subjectType: "Cohort",
    subjectId: cohortId,
    detail: `${applications.length} applications as CSV`,
  });
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
