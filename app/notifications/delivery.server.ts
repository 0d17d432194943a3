// Delivers the outbox. With SMTP_URL set, notices are sent with nodemailer and
// retried with growing pauses when the mail server fails; after MAX_ATTEMPTS
// they are marked "failed" but stay in the outbox (an admin can retry them).
// Without SMTP (demo, development) notices are "kept" and read on /admin/outbox.
import nodemailer from "nodemailer";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { registerJob } from "~/utils/scheduler.server";
import { NOTICE_STATUSES } from "./statuses";

export type MailMessage = { from: string; to: string; subject: string; text: string };
export type MailTransport = { send(message: MailMessage): Promise<void> };

export const MAX_ATTEMPTS = 8;
/** How long a worker holds a notice it is sending, so two workers never send it twice. */
const CLAIM_MS = 5 * 60_000;

/** Pause before attempt `attempts + 1`: 1, 2, 4, 8 … minutes, at most 6 hours. */
export function backoffMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 60 * 60_000);
}

export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    async send(message) {
      await transporter.sendMail(message);
    },
  };
}

export function transportFromEnv(): MailTransport | null {
  const url = env().SMTP_URL;
  return url ? smtpTransport(url) : null;
}

export type DeliveryReport = { sent: number; kept: number; retried: number; failed: number };

export async function deliverDueNotices(options: {
  transport: MailTransport | null;
  now?: Date;
  limit?: number;
}): Promise<DeliveryReport> {
  const now = options.now ?? new Date();
  const report: DeliveryReport = { sent: 0, kept: 0, retried: 0, failed: 0 };
  const due = await db.notice.findMany({
    where: { status: "queued", nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: "asc" },
    take: options.limit ?? 50,
  });
  for (const notice of due) {
    // Claim it: only the worker whose update matched sends it.
    const claimed = await db.notice.updateMany({
      where: {
        id: notice.id,
        status: "queued",
        attempts: notice.attempts,
        nextAttemptAt: notice.nextAttemptAt,
      },
      data: { nextAttemptAt: new Date(now.getTime() + CLAIM_MS) },
    });
    if (claimed.count === 0) continue;
    if (!options.transport) {
      await db.notice.update({ where: { id: notice.id }, data: { status: "kept", lastError: null } });
      report.kept++;
      continue;
    }
    if (!notice.toEmail) {
      await db.notice.update({
        where: { id: notice.id },
        data: { status: "kept", lastError: "No e-mail address; kept for reading in the outbox." },
      });
      report.kept++;
      continue;
    }
    const attempts = notice.attempts + 1;
    try {
      await options.transport.send({
        from: env().MAIL_FROM,
        to: notice.toEmail,
        subject: notice.subject,
        text: notice.bodyText,
      });
      await db.notice.update({
        where: { id: notice.id },
        data: { status: "sent", sentAt: new Date(), attempts, lastError: null },
      });
      report.sent++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const gaveUp = attempts >= MAX_ATTEMPTS;
      await db.notice.update({
        where: { id: notice.id },
        data: {
          status: gaveUp ? "failed" : "queued",
          attempts,
          lastError: message.slice(0, 500),
          nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
        },
      });
      if (gaveUp) report.failed++;
      else report.retried++;
    }
  }
  return report;
}

export type OutboxFilter = { status?: string | null; cohortId?: string; kinds?: readonly string[] };

/** The outbox, newest first: the whole site for admins, one cohort for its organizers. */
export async function listOutbox(filter: OutboxFilter = {}, page = 1, pageSize = 50) {
  const scope = {
    ...(filter.cohortId ? { cohortId: filter.cohortId } : {}),
    ...(filter.kinds ? { kind: { in: [...filter.kinds] } } : {}),
  };
  const where =
    filter.status && (NOTICE_STATUSES as readonly string[]).includes(filter.status)
      ? { ...scope, status: filter.status }
      : scope;
  const [notices, total, counts] = await Promise.all([
    db.notice.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        kind: true,
        subject: true,
        bodyText: true,
        status: true,
        attempts: true,
        lastError: true,
        nextAttemptAt: true,
        sentAt: true,
        createdAt: true,
        toEmail: true,
        person: { select: { name: true } },
        cohort: { select: { name: true } },
      },
    }),
    db.notice.count({ where }),
    db.notice.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
  ]);
  return {
    notices,
    total,
    page,
    pages: Math.max(1, Math.ceil(total / pageSize)),
    counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Record<string, number>,
    smtpConfigured: Boolean(env().SMTP_URL),
  };
}

/** Puts a failed or kept notice back in the queue for the next delivery run. */
export async function retryNotice(id: string, now = new Date()): Promise<boolean> {
  const updated = await db.notice.updateMany({
    where: { id, status: { in: ["failed", "kept"] } },
    data: { status: "queued", nextAttemptAt: now, attempts: 0 },
  });
  return updated.count === 1;
}

export function registerDeliveryJob(): void {
  registerJob({
    name: "notices.deliver",
    everyMinutes: () => 1,
    run: () => deliverDueNotices({ transport: transportFromEnv() }),
  });
}
