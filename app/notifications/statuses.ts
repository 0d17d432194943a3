// A notice's delivery status: queued (waiting or retrying), sent, kept (no SMTP
// configured: read it on /admin/outbox), failed (gave up; can be queued again).
export const NOTICE_STATUSES = ["queued", "sent", "kept", "failed"] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** How a cohort's organizers browse its notices (/cohorts/<slug>/notices). */
export const NOTICE_GROUPS = {
  reminders: { label: "Reflection reminders", kinds: ["reflection_due", "reflection_missing"] },
  digests: { label: "Navigator digests", kinds: ["attention_digest"] },
  replies: { label: "Replies, help and check-ins", kinds: ["reflection_reply", "reflection_help", "check_in"] },
} as const;
export type NoticeGroup = keyof typeof NOTICE_GROUPS;

/**
 * Every kind the organizers' page shows. Offers stay out: their links carry the
 * applicant's confirmation token (admins read them on /admin/outbox).
 */
export const ORGANIZER_NOTICE_KINDS = Object.values(NOTICE_GROUPS).flatMap((g) => g.kinds);

export function noticeGroupOf(value: string | null): NoticeGroup | null {
  return value && value in NOTICE_GROUPS ? (value as NoticeGroup) : null;
}
