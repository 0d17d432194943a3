// The outbox: every notice is stored first, then delivered by a worker with
// retries (see delivery.server.ts). Areas queue notices; they never send mail.
import { db, isUniqueViolation, type Tx } from "~/utils/db.server";

export type NoticeInput = {
  kind: string;
  subject: string;
  bodyText: string;
  personId?: string | null;
  toEmail?: string | null;
  cohortId?: string | null;
  /** makes the notice idempotent: a second notice with the same key is not queued */
  dedupeKey?: string | null;
};

/**
 * Stores a notice for delivery. Returns false when `dedupeKey` was already used.
 * Inside a transaction the key is checked first; if another transaction takes it
 * meanwhile, the unique-key error ends this attempt (on PostgreSQL it has aborted
 * the transaction anyway) and `transaction()` runs the whole unit again.
 */
export async function queueNotice(input: NoticeInput, tx: Tx = db): Promise<boolean> {
  if (
    input.dedupeKey &&
    (await tx.notice.findUnique({ where: { dedupeKey: input.dedupeKey }, select: { id: true } }))
  )
    return false;
  let toEmail = input.toEmail ?? null;
  if (!toEmail && input.personId) {
    toEmail =
      (await tx.person.findUnique({ where: { id: input.personId }, select: { email: true } }))?.email ?? null;
  }
  try {
    await tx.notice.create({
      data: {
        kind: input.kind,
        subject: input.subject,
        bodyText: input.bodyText,
        personId: input.personId ?? null,
        toEmail,
        cohortId: input.cohortId ?? null,
        dedupeKey: input.dedupeKey ?? null,
      },
    });
    return true;
  } catch (error) {
    // Outside a transaction the lost race is harmless: the other notice stands.
    if (tx === db && input.dedupeKey && isUniqueViolation(error)) return false;
    throw error;
  }
}
