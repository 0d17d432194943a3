// A notice's delivery status: queued (waiting or retrying), sent, kept (no SMTP
// configured: read it on /admin/outbox), failed (gave up; can be queued again).
export const NOTICE_STATUSES = ["queued", "sent", "kept", "failed"] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** How a cohort's organizers browse its notices (/cohorts/<slug>/notices). */
export const NOTICE_GROUPS = {
  decisions: {
    label: "Decisions and offers",
    kinds: ["offer", "offer_from_waitlist", "offer_reminder", "waitlisted", "not_accepted"],
  },
  teams: { label: "Team welcomes", kinds: ["team.welcome"] },
  reminders: { label: "Reflection reminders", kinds: ["reflection_due", "reflection_missing"] },
  digests: { label: "Navigator digests", kinds: ["attention_digest"] },
  replies: {
    label: "Replies, help and check-ins",
    kinds: ["reflection_reply", "reflection_help", "check_in"],
  },
} as const;
export type NoticeGroup = keyof typeof NOTICE_GROUPS;

/**
 * Every kind the organizers' page shows. An offer's link carries the applicant's
 * confirmation token: organizers read offers with that token left out.
 */
export const ORGANIZER_NOTICE_KINDS = Object.values(NOTICE_GROUPS).flatMap((g) => g.kinds);

export function noticeGroupOf(value: string | null): NoticeGroup | null {
  return value && value in NOTICE_GROUPS ? (value as NoticeGroup) : null;
}

export { noticeKindLabel } from "./templates";

/** An offer link with its token left out, for readers other than the applicant. */
export function withoutOfferTokens(bodyText: string): string {
  return bodyText.replace(
    /\/offers\/[A-Za-z0-9_-]+/g,
    "/offers/… (the personal link is only in the applicant's copy)",
  );
}
