// The decisions an organizer can make, and how pages name them.
export const DECISIONS = ["accepted", "waitlisted", "rejected", "none"] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_LABELS: Record<Decision, string> = { accepted: "Accepted", waitlisted: "Waitlisted", rejected: "Not accepted", none: "Undecided" };
