// A person's Trac username (Django's Trac accounts are not GitHub logins), so the
// tickets they report or own are followed after their cohort. Kept in its own table.
import { z } from "zod";
import { db } from "~/utils/db.server";

/**
 * Trac usernames are letters, digits and `_ . @ + -`. Anything else is refused: a
 * `|` or `,` would make Trac's query read several names, and a leading `!`, `~`,
 * `^` or `$` another match mode (decision 031's rules about what Trac splits on).
 */
export const tracAccountForm = z.object({
  tracUsername: z
    .string()
    .trim()
    .max(64, "Keep it under 64 characters: Trac usernames are short.")
    .refine(
      (v) => v === "" || /^[A-Za-z0-9][A-Za-z0-9_.@+-]*$/.test(v),
      "Use your Trac username as you sign in to Trac: letters, digits and _ . @ + - only, no spaces or commas.",
    ),
});

export async function getTracUsername(personId: string): Promise<string | null> {
  return (
    (await db.tracAccount.findUnique({ where: { personId }, select: { username: true } }))?.username ?? null
  );
}

/** Saves the username; an empty one removes it (no Trac activity is read any more). */
export async function saveTracUsername(personId: string, username: string): Promise<void> {
  if (username === "") await db.tracAccount.deleteMany({ where: { personId } });
  else
    await db.tracAccount.upsert({
      where: { personId },
      create: { personId, username },
      update: { username },
    });
}
