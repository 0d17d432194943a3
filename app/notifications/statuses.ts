// A notice's delivery status: queued (waiting or retrying), sent, kept (no SMTP
// configured: read it on /admin/outbox), failed (gave up; can be queued again).
export const NOTICE_STATUSES = ["queued", "sent", "kept", "failed"] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
