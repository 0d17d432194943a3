// Blind review hides who applied. Answers can name the person too (a GitHub
// profile link is the login), so those mentions are blanked for reviewers.

export const HIDDEN_IDENTITY = "[hidden]";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `text` with the applicant's login, e-mail and names (whole words, any case) replaced. */
export function redactIdentity(
  text: string,
  who: { name: string; login: string; email: string | null },
): string {
  const words = new Set<string>();
  if (who.email) {
    words.add(who.email);
    words.add(who.email.split("@")[0]);
  }
  words.add(who.login);
  words.add(who.name);
  for (const part of who.name.split(/\s+/)) words.add(part);
  const terms = [...words].filter((w) => w.length >= 3).sort((a, b) => b.length - a.length);
  if (terms.length === 0) return text;
  // \p{L}\p{N} boundaries, so "Ana" does not blank part of "Banana".
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}_-])(?:${terms.map(escape).join("|")})(?![\\p{L}\\p{N}_-])`,
    "giu",
  );
  return text.replace(pattern, HIDDEN_IDENTITY);
}
