// A person's own settings: name, e-mail for notices, time zone for every date shown.
import { z } from "zod";
import { db } from "~/utils/db.server";
import { isValidTimeZone } from "~/utils/time";

export const profileForm = z.object({
  name: z.string().trim().min(1, "Enter the name people in your cohort should see.").max(100, "Keep your name under 100 characters."),
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
  return db.person.findUniqueOrThrow({ where: { id: personId }, select: { name: true, email: true, timeZone: true, login: true } });
}

export async function saveProfile(personId: string, input: ProfileInput): Promise<void> {
  await db.person.update({ where: { id: personId }, data: input });
}

export function timeZoneChoices(): string[] {
  return Intl.supportedValuesOf("timeZone");
}
