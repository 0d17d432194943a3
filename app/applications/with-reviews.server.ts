// A cohort's applications with their reviews, loaded flat for the pages that list
// thousands of them (the review list, decisions, the CSV export).
import { db } from "~/utils/db.server";

/**
 * Each review's own score (the mean of its criterion scores), computed by the
 * database: one row per review instead of one per criterion score.
 */
export async function reviewMeans(cohortId: string): Promise<Map<string, number[]>> {
  const means = await db.reviewScore.groupBy({
    by: ["reviewId"],
    where: { review: { application: { cohortId } } },
    _avg: { score: true },
  });
  // As a one-element list of scores, so the aggregate rules read it as they read the scores.
  return new Map(means.map((m) => [m.reviewId, m._avg.score === null ? [] : [m._avg.score]]));
}

export type ApplicationWhere = { status: { in: string[] } | string; personId?: { not: string } };

/**
 * A cohort's applications with the applicant, ranked project preferences and reviews
 * (each with its score as the mean of its criteria), newest first. Five flat queries
 * joined in memory: Prisma's nested select on 3,000 applications sends lists of 3,000
 * ids back to the database and maps every row again, ~15× slower (docs/decisions/075).
 */
export async function loadApplicationsWithReviews(cohortId: string, where: ApplicationWhere) {
  const inCohort = { cohortId, ...where };
  const [applications, people, projects, preferences, reviews, meansOf] = await Promise.all([
    db.application.findMany({
      where: inCohort,
      orderBy: { submittedAt: "desc" },
      select: {
        id: true,
        version: true,
        personId: true,
        status: true,
        submittedAt: true,
        anyProject: true,
        decision: true,
        publishedDecision: true,
        waitlistRank: true,
        decidedById: true,
      },
    }),
    db.person.findMany({
      where: { applications: { some: inCohort } },
      select: { id: true, name: true, login: true },
    }),
    db.project.findMany({
      where: { preferences: { some: { application: inCohort } } },
      select: { id: true, slug: true, name: true },
    }),
    db.projectPreference.findMany({
      where: { application: inCohort },
      orderBy: { rank: "asc" },
      select: { applicationId: true, projectId: true },
    }),
    db.review.findMany({
      where: { application: inCohort },
      select: { id: true, applicationId: true, reviewerId: true, recused: true, submittedAt: true },
    }),
    reviewMeans(cohortId),
  ]);
  const personById = new Map(people.map((p) => [p.id, p]));
  const group = <T extends { applicationId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) {
      const list = map.get(row.applicationId);
      if (list) list.push(row);
      else map.set(row.applicationId, [row]);
    }
    return map;
  };
  const projectById = new Map(projects.map((p) => [p.id, p]));
  const preferencesOf = group(
    preferences.flatMap((p) => {
      const project = projectById.get(p.projectId);
      return project ? [{ applicationId: p.applicationId, project }] : [];
    }),
  );
  const reviewsOf = group(reviews);
  return applications.map((a) => ({
    ...a,
    person: personById.get(a.personId) ?? { id: a.personId, name: "", login: "" },
    preferences: preferencesOf.get(a.id) ?? [],
    reviews: (reviewsOf.get(a.id) ?? []).map((r) => ({ ...r, scores: meansOf.get(r.id) ?? [] })),
  }));
}
