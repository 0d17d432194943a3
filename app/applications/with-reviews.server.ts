// A cohort's applications with their scores, loaded for the pages that list
// thousands of them (the review list, decisions, the CSV export). One SQL query
// gives every application's sort and filter keys and each counted review's score
// totals; what only the rows on screen show (preferences, hours, offers) is loaded
// for those rows alone (docs/decisions/078).
import { aggregate, reviewerScore, round2, type Aggregate } from "~/applications/scores";
import { db, sqlParts } from "~/utils/db.server";

/** A date as the drivers return it from raw SQL (SQLite: text or milliseconds, PostgreSQL: Date). */
export function sqlDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date
    ? value
    : new Date(typeof value === "bigint" ? Number(value) : (value as string));
}

/**
 * "total/count,total/count" — each counted review's criterion scores (not recused,
 * submitted, scored), as string_agg joins them — read back as each review's own
 * score, the mean of its criteria: the list `aggregate` reads.
 */
export function reviewScoresFrom(text: unknown): number[][] {
  if (typeof text !== "string" || text === "") return [];
  return text.split(",").map((pair) => {
    const [total, count] = pair.split("/").map(Number);
    return count > 0 ? [total / count] : [];
  });
}

/** The aggregate of an application's counted reviews, from `reviewScoresFrom`. */
export function aggregateOfCounted(scores: number[][]): Aggregate {
  return aggregate(scores.map((s) => ({ recused: false, submittedAt: "", scores: s })));
}

export type ApplicationIndexRow = {
  id: string;
  version: number;
  personId: string;
  name: string;
  login: string;
  status: string;
  submittedAt: Date | null;
  anyProject: boolean;
  decision: string;
  publishedDecision: string | null;
  waitlistRank: number | null;
  decidedById: string | null;
  aggregate: Aggregate;
  /** the viewer's own review: none, recused, or scored (submitted) with its score */
  mine: { recused: boolean; submitted: boolean; score: number | null } | null;
};

type RawIndexRow = {
  id: string;
  version: number | bigint;
  personId: string;
  name: string;
  login: string;
  status: string;
  submittedAt: unknown;
  anyProject: unknown;
  decision: string;
  publishedDecision: string | null;
  waitlistRank: number | bigint | null;
  decidedById: string | null;
  scores: string | null;
  myReviewId: string | null;
  myRecused: unknown;
  mySubmittedAt: unknown;
  myTotal: number | bigint | null;
  myCount: number | bigint | null;
};

/**
 * Per application, its counted reviews' score totals as "total/count,…" (string_agg,
 * alike on SQLite 3.44+ and PostgreSQL), for the applications `where` selects (alias ra).
 */
function countedScores(where: ReturnType<ReturnType<typeof sqlParts>["sql"]>) {
  const { sql } = sqlParts();
  return sql`
    SELECT r."applicationId", string_agg(CAST(r."total" AS TEXT) || '/' || CAST(r."n" AS TEXT), ',') AS "scores"
    FROM (
      SELECT rv."id", rv."applicationId", SUM(rs."score") AS "total", COUNT(*) AS "n"
      FROM "Review" rv
      JOIN "Application" ra ON ra."id" = rv."applicationId"
      JOIN "ReviewScore" rs ON rs."reviewId" = rv."id"
      WHERE ${where} AND rv."recused" = false AND rv."submittedAt" IS NOT NULL
      GROUP BY rv."id", rv."applicationId"
    ) r
    GROUP BY r."applicationId"`;
}

/** The aggregate of each of `applicationIds` (one page of a list): one query. */
export async function aggregatesOf(applicationIds: string[]): Promise<Map<string, Aggregate>> {
  const { sql, join } = sqlParts();
  const rows = await db.$queryRaw<{ applicationId: string; scores: string | null }[]>`${countedScores(
    sql`ra."id" IN (${join(applicationIds.length ? applicationIds : [""])})`,
  )}`;
  return new Map(rows.map((r) => [r.applicationId, aggregateOfCounted(reviewScoresFrom(r.scores))]));
}

/** Every application's aggregate in the cohort (e.g. for the CSV export): one query. */
export async function cohortAggregates(cohortId: string): Promise<Map<string, Aggregate>> {
  const { sql } = sqlParts();
  const rows = await db.$queryRaw<{ applicationId: string; scores: string | null }[]>`${countedScores(
    sql`ra."cohortId" = ${cohortId}`,
  )}`;
  return new Map(rows.map((r) => [r.applicationId, aggregateOfCounted(reviewScoresFrom(r.scores))]));
}

/**
 * Each application's mean score per criterion over its counted reviews, rounded as
 * `criterionMeans` rounds it: one query, summed by the database.
 */
export async function cohortCriterionMeans(cohortId: string): Promise<Map<string, Map<string, number>>> {
  const rows = await db.$queryRaw<
    { applicationId: string; criterionId: string; total: number | bigint; n: number | bigint }[]
  >`
    SELECT ra."id" AS "applicationId", rs."criterionId", CAST(SUM(rs."score") AS INTEGER) AS "total", CAST(COUNT(*) AS INTEGER) AS "n"
    FROM "Review" rv
    JOIN "Application" ra ON ra."id" = rv."applicationId"
    JOIN "ReviewScore" rs ON rs."reviewId" = rv."id"
    WHERE ra."cohortId" = ${cohortId} AND rv."recused" = false AND rv."submittedAt" IS NOT NULL
    GROUP BY ra."id", rs."criterionId"`;
  const out = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const means = out.get(r.applicationId) ?? new Map<string, number>();
    means.set(r.criterionId, round2(Number(r.total) / Number(r.n)));
    out.set(r.applicationId, means);
  }
  return out;
}

const bool = (v: unknown) => v === true || v === 1 || v === 1n || v === "1" || v === "true";

/**
 * Every application of the cohort that is submitted (or also withdrawn), with the
 * applicant's name, each counted review's score totals aggregated by the database,
 * and the viewer's own review (when `viewerId` is given, whose own application is
 * left out), newest first. One query whatever the number of applications.
 */
export async function applicationIndex(
  cohortId: string,
  {
    withdrawn = false,
    viewerId = null,
    scores = true,
  }: { withdrawn?: boolean; viewerId?: string | null; scores?: boolean } = {},
): Promise<ApplicationIndexRow[]> {
  const { sql, empty } = sqlParts();
  const second = withdrawn ? "withdrawn" : "submitted";
  const viewer = viewerId ?? "";
  const rows = await db.$queryRaw<RawIndexRow[]>`
    SELECT a."id", a."version", a."personId", p."name", p."login", a."status", a."submittedAt",
      a."anyProject", a."decision", a."publishedDecision", a."waitlistRank", a."decidedById",
      ${scores ? sql`s."scores"` : sql`NULL`} AS "scores", m."id" AS "myReviewId", m."recused" AS "myRecused", m."submittedAt" AS "mySubmittedAt",
      (SELECT CAST(SUM(ms."score") AS INTEGER) FROM "ReviewScore" ms WHERE ms."reviewId" = m."id") AS "myTotal",
      (SELECT CAST(COUNT(*) AS INTEGER) FROM "ReviewScore" ms WHERE ms."reviewId" = m."id") AS "myCount"
    FROM "Application" a
    JOIN "Person" p ON p."id" = a."personId"
    ${scores ? sql`LEFT JOIN (${countedScores(sql`ra."cohortId" = ${cohortId}`)}) s ON s."applicationId" = a."id"` : empty}
    LEFT JOIN "Review" m ON m."applicationId" = a."id" AND m."reviewerId" = ${viewer}
    WHERE a."cohortId" = ${cohortId} AND a."status" IN ('submitted', ${second}) AND a."personId" <> ${viewer}
    ORDER BY a."submittedAt" DESC, a."id"`;
  return rows.map((r) => {
    const myCount = r.myCount === null ? 0 : Number(r.myCount);
    return {
      id: r.id,
      version: Number(r.version),
      personId: r.personId,
      name: r.name,
      login: r.login,
      status: r.status,
      submittedAt: sqlDate(r.submittedAt),
      anyProject: bool(r.anyProject),
      decision: r.decision,
      publishedDecision: r.publishedDecision,
      waitlistRank: r.waitlistRank === null ? null : Number(r.waitlistRank),
      decidedById: r.decidedById,
      aggregate: aggregateOfCounted(reviewScoresFrom(r.scores)),
      mine:
        r.myReviewId === null
          ? null
          : {
              recused: bool(r.myRecused),
              submitted: r.mySubmittedAt !== null,
              score: myCount > 0 ? reviewerScore([Number(r.myTotal) / myCount]) : null,
            },
    };
  });
}

/**
 * Ranked project preferences by application: of some applications (one page of a
 * list), or of a whole cohort. Two flat queries: a nested `project` select would send
 * every preference's project id back in chunked `IN` lists.
 */
export async function preferencesOf(of: { applicationIds: string[] } | { cohortId: string }) {
  const which =
    "cohortId" in of
      ? { application: { cohortId: of.cohortId } }
      : { applicationId: { in: of.applicationIds } };
  const [rows, projects] = await Promise.all([
    db.projectPreference.findMany({
      where: which,
      orderBy: { rank: "asc" },
      select: { applicationId: true, projectId: true },
    }),
    db.project.findMany({
      where: { preferences: { some: which } },
      select: { id: true, slug: true, name: true },
    }),
  ]);
  const projectById = new Map(projects.map((p) => [p.id, { slug: p.slug, name: p.name }]));
  const map = new Map<string, { slug: string; name: string }[]>();
  for (const row of rows) {
    const project = projectById.get(row.projectId);
    if (project) map.set(row.applicationId, [...(map.get(row.applicationId) ?? []), project]);
  }
  return map;
}
