// CSV export of a cohort's applications with answers and scores, for organizers
// who still want a spreadsheet. One row per application (drafts excluded).
import { countSlots } from "~/availability/slots";
import { aggregate, criterionMeans } from "~/applications/scores";
import { recordAudit } from "~/cohorts/audit.server";
import { db } from "~/utils/db.server";
import { loadQuestions, loadRubric } from "./form.server";
import { displayAnswer } from "./questions";

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
  const [questions, rubric, applications, availabilities] = await Promise.all([
    loadQuestions(cohortId),
    loadRubric(cohortId),
    db.application.findMany({
      where: { cohortId, status: { in: ["submitted", "withdrawn"] } },
      orderBy: { submittedAt: "asc" },
      include: {
        person: { select: { name: true, login: true, email: true } },
        answers: { select: { questionId: true, value: true } },
        preferences: { orderBy: { rank: "asc" }, select: { project: { select: { name: true } } } },
        reviews: {
          select: {
            recused: true,
            submittedAt: true,
            scores: { select: { criterionId: true, score: true } },
          },
        },
        offers: { orderBy: { sentAt: "desc" }, take: 1, select: { status: true } },
      },
    }),
    db.availability.findMany({ where: { cohortId }, select: { personId: true, slots: true } }),
  ]);
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
    const reviews = a.reviews.map((r) => ({
      recused: r.recused,
      submittedAt: r.submittedAt,
      scores: r.scores.map((s) => s.score),
      byCriterion: new Map(r.scores.map((s) => [s.criterionId, s.score])),
    }));
    const agg = aggregate(reviews);
    const means = criterionMeans(
      reviews,
      rubric.map((c) => c.id),
    );
    const answerOf = new Map(a.answers.map((x) => [x.questionId, x.value]));
    lines.push(
      csvLine([
        a.person.name,
        a.person.login,
        a.person.email ?? "",
        a.status,
        a.submittedAt?.toISOString() ?? "",
        a.decision,
        a.publishedDecision ?? "",
        a.waitlistRank ?? "",
        a.offers[0]?.status ?? "",
        a.preferences.map((p) => p.project.name).join("; "),
        a.anyProject ? "yes" : "no",
        hoursOf.get(a.personId) ?? 0,
        agg.count,
        agg.mean ?? "",
        agg.spread ?? "",
        ...rubric.map((c) => means.get(c.id) ?? ""),
        ...questions.map((q) => (a.purgedAt ? "(purged)" : displayAnswer(q, answerOf.get(q.id) ?? ""))),
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
