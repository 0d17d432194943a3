// How a pull request is described to people: one status, the size, the hints.
import { disclosureProblems, explanationProblem } from "./forms";
export type PullStatus = "draft" | "open" | "changes_requested" | "approved" | "merged" | "closed";

export const PULL_STATUS_LABELS: Record<PullStatus, string> = {
  draft: "Draft",
  open: "Open",
  changes_requested: "Changes requested",
  approved: "Approved",
  merged: "Merged",
  closed: "Closed",
};

export function pullStatus(pr: { state: string; draft: boolean; reviewState: string }): PullStatus {
  if (pr.state === "merged") return "merged";
  if (pr.state === "closed") return "closed";
  if (pr.draft) return "draft";
  if (pr.reviewState === "changes_requested") return "changes_requested";
  if (pr.reviewState === "approved") return "approved";
  return "open";
}

export function changedLines(pr: { additions: number; deletions: number }): number {
  return pr.additions + pr.deletions;
}

/** Over the cohort's threshold (400 changed lines by default): hard to review well. */
export function isLargePull(pr: { additions: number; deletions: number }, threshold: number): boolean {
  return changedLines(pr) > threshold;
}

/**
 * A linked PR counts once it is explained in the participant's own words and AI
 * assistance is disclosed in full: the same rules as the link form, so a link
 * stored before a rule existed (or written around the form) does not count either.
 */
export function countsForCohort(link: {
  explanation: string;
  aiDisclosure: string | null;
  aiTools: string;
  aiVerification: string;
}): boolean {
  return explanationProblem(link.explanation) === null && Object.keys(disclosureProblems(link)).length === 0;
}
