// The audit log: who changed what, when, from what to what.
import { db, type Tx } from "~/utils/db.server";

export type AuditInput = {
  actorId: string | null;
  cohortId?: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  fromValue?: string | null;
  toValue?: string | null;
  detail?: string | null;
};

export async function recordAudit(entry: AuditInput, tx: Tx = db): Promise<void> {
  await tx.auditEntry.create({ data: { ...entry, cohortId: entry.cohortId ?? null } });
}
