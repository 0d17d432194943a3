// A person's own settings: name, e-mail for notices, time zone for every date shown.
import { z } from "zod";
import { recordAudit } from "~/cohorts/audit.server";
import { db } from "~/utils/db.server";
import { isValidTimeZone } from "~/utils/time";

export const profileForm = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter the name people in your cohort should see.")
    .max(100, "Keep your name under 100 characters."),
  email: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(z.string().email("Enter an e-mail address like ana@example.org, or leave it empty.").nullable()),
  timeZone: z.string().refine(isValidTimeZone, "Choose a time zone from the list."),
});
export type ProfileInput = z.infer<typeof profileForm>;

export async function getProfile(personId: string) {
  return db.person.findUniqueOrThrow({
    where: { id: personId },
    select: { name: true, email: true, timeZone: true, login: true },
  });
}

export async function saveProfile(personId: string, input: ProfileInput): Promise<void> {
  const before = await db.person.findUnique({
    where: { id: personId },
    select: { name: true, email: true, timeZone: true },
  });
  await db.person.update({ where: { id: personId }, data: input });
  // Which settings changed, not their values (an e-mail address is personal).
  const changed = before
    ? (Object.keys(input) as (keyof typeof before)[]).filter(
        (key) => key in before && before[key] !== (input as Record<string, unknown>)[key],
      )
    : [];
  if (changed.length > 0) {
    await recordAudit({
      actorId: personId,
      action: "settings.updated",
      subjectType: "person",
      subjectId: personId,
      detail: changed.join(", "),
    });
  }
}

export function timeZoneChoices(): string[] {
  return Intl.supportedValuesOf("timeZone");
}
