// The cohort's reflection prompts and needs-attention thresholds, set by organizers.
import { forbidden, type CohortAccess } from "~/auth/permissions.server";
import { recordAudit } from "~/cohorts/audit.server";
import { transaction } from "~/utils/db.server";
import type { ReflectionSettings } from "./forms";
import { activePrompts, parsePrompts, revisePrompts } from "./rules";

type SettingsColumns = Pick<
  CohortAccess["cohort"],
  "reflectionPrompts" | "inactivityDays" | "changesRequestedDays" | "staleClaimDays" | "largePullRequestLines"
>;

export function getReflectionSettings(c: SettingsColumns) {
  return {
    prompts: activePrompts(parsePrompts(c.reflectionPrompts))
      .map((p) => p.text)
      .join("\n"),
    inactivityDays: String(c.inactivityDays),
    changesRequestedDays: String(c.changesRequestedDays),
    staleClaimDays: String(c.staleClaimDays),
    largePullRequestLines: String(c.largePullRequestLines),
  };
}

export async function saveReflectionSettings(access: CohortAccess, data: ReflectionSettings): Promise<void> {
  if (!access.isOrganizer)
    throw forbidden("Only the cohort's organizers can change its reflection settings.");
  const before = getReflectionSettings(access.cohort);
  const stored = access.cohort;
  const next = {
    reflectionPrompts: JSON.stringify(revisePrompts(parsePrompts(stored.reflectionPrompts), data.prompts)),
    inactivityDays: data.inactivityDays,
    changesRequestedDays: data.changesRequestedDays,
    staleClaimDays: data.staleClaimDays,
    largePullRequestLines: data.largePullRequestLines,
  };
  await transaction(async (tx) => {
    await tx.cohort.update({ where: { id: access.cohort.id }, data: next });
    await recordAudit(
      {
        actorId: access.person.id,
        cohortId: access.cohort.id,
        action: "reflection_settings_changed",
        subjectType: "cohort",
        subjectId: access.cohort.id,
        fromValue: JSON.stringify(before),
        toValue: JSON.stringify({ ...next, reflectionPrompts: data.prompts }),
      },
      tx,
    );
  });
}
