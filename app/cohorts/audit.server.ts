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

const ACTION_LABELS: Record<string, string> = {
  "auth.sign_in": "Signed in",
  "auth.sign_out": "Signed out",
  "auth.sign_out_everywhere": "Signed out everywhere",
  "settings.updated": "Changed their settings",
  "applications.exported": "Exported the applications (CSV)",
  "review.scored": "Scored an application",
  "review.recuse": "Recused from an application",
  "review.unrecuse": "Withdrew a recusal",
  "form.copy": "Copied a form",
  "cohort.public_page_updated": "Changed the public page",
  "teams.published": "Published the teams",
  "membership.appointed": "Appointed someone",
  "membership.removed": "Removed an appointment",
  "claim.release": "Released a claim",
  "claim.reassign": "Reassigned a claim",
};

export type AuditLogRow = {
  id: string;
  at: Date;
  actor: string | null;
  action: string;
  label: string;
  fromValue: string | null;
  toValue: string | null;
  detail: string | null;
};

/** A cohort's audit log for its organizers, newest first, a page of `take` at a time. */
export async function listCohortAudit(
  cohortId: string,
  options: { take?: number; before?: Date } = {},
): Promise<AuditLogRow[]> {
  const rows = await db.auditEntry.findMany({
    where: { cohortId, ...(options.before ? { at: { lt: options.before } } : {}) },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: Math.min(options.take ?? 200, 500),
    select: {
      id: true,
      at: true,
      action: true,
      fromValue: true,
      toValue: true,
      detail: true,
      actor: { select: { name: true, login: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor ? `${r.actor.name} (@${r.actor.login})` : null,
    action: r.action,
    label: ACTION_LABELS[r.action] ?? r.action,
    fromValue: r.fromValue,
    toValue: r.toValue,
    detail: r.detail,
  }));
}
