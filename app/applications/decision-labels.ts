// The decisions an organizer can make, and how pages name them.
export const DECISIONS = ["accepted", "waitlisted", "rejected", "none"] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_LABELS: Record<Decision, string> = {
  accepted: "Accepted",
  waitlisted: "Waitlisted",
  rejected: "Not accepted",
  none: "Undecided",
};

/** How pages name an offer's state (the database keeps the lower-case word). */
export const OFFER_LABELS: Record<string, string> = {
  pending: "Waiting for an answer",
  confirmed: "Confirmed",
  declined: "Declined",
  expired: "Expired (no answer in time)",
};
export function offerLabel(status: string): string {
  return OFFER_LABELS[status] ?? status;
}
