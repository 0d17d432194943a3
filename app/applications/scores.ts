// How several reviewers' scores combine into one figure per application.
// A reviewer's score is the mean of their criterion scores (1–5); the
// application's mean is the mean of those; the spread is highest − lowest, so
// "2.0" reads as "the reviewers disagree by two points". Recused and unfinished
// reviews do not count.

export type ReviewForAggregate = { recused: boolean; submittedAt: Date | string | null; scores: number[] };

export type Aggregate = { count: number; mean: number | null; spread: number | null };

/** Scores are shown and compared to two decimals. */
export const round2 = (n: number) => Math.round(n * 100) / 100;

export function reviewerScore(scores: number[]): number | null {
  if (scores.length === 0) return null;
  return round2(scores.reduce((a, b) => a + b, 0) / scores.length);
}

export function countsTowardAggregate(review: ReviewForAggregate): boolean {
  return !review.recused && review.submittedAt !== null && review.scores.length > 0;
}

export function aggregate(reviews: ReviewForAggregate[]): Aggregate {
  const perReviewer = reviews.filter(countsTowardAggregate).map((r) => reviewerScore(r.scores)!);
  if (perReviewer.length === 0) return { count: 0, mean: null, spread: null };
  const mean = perReviewer.reduce((a, b) => a + b, 0) / perReviewer.length;
  return {
    count: perReviewer.length,
    mean: round2(mean),
    spread: round2(Math.max(...perReviewer) - Math.min(...perReviewer)),
  };
}

/** Mean per criterion across counted reviews, e.g. for the CSV export. */
export function criterionMeans(
  reviews: (ReviewForAggregate & { byCriterion: Map<string, number> })[],
  criterionIds: string[],
): Map<string, number | null> {
  const counted = reviews.filter(countsTowardAggregate);
  const out = new Map<string, number | null>();
  for (const id of criterionIds) {
    const values = counted
      .map((r) => r.byCriterion.get(id))
      .filter((v): v is number => typeof v === "number");
    out.set(id, values.length ? round2(values.reduce((a, b) => a + b, 0) / values.length) : null);
  }
  return out;
}

export function formatScore(value: number | null): string {
  return value === null ? "—" : value.toFixed(2);
}
