// Drawn avatars for people without a GitHub picture (the demo's people): the initials of
// the name they go by, not of their login ("Ana Souza" is AS, whatever her login is).
import { db } from "~/utils/db.server";

/** Up to two letters: the first of the first and of the last word of the name. */
export function initialsOf(name: string, login: string): string {
  const words = name
    .split(/\s+/)
    .map((w) => Array.from(w.replace(/[^\p{L}\p{N}]/gu, "")))
    .filter((letters) => letters.length > 0);
  if (words.length === 0)
    return (
      Array.from(login.replace(/[^a-z0-9]/gi, ""))
        .slice(0, 2)
        .join("")
        .toUpperCase() || "?"
    );
  const first = words[0];
  const last = words[words.length - 1];
  const initials = words.length === 1 ? first.slice(0, 2).join("") : first[0] + last[0];
  return initials.toLocaleUpperCase();
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export async function avatarSvg(login: string): Promise<string> {
  const person = await db.person.findUnique({ where: { login }, select: { name: true } });
  let hash = 0;
  for (const ch of login) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  const hue = hash % 360;
  const initials = escapeXml(initialsOf(person?.name ?? "", login));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><rect width="64" height="64" fill="hsl(${hue},45%,42%)"/><text x="32" y="41" font-family="sans-serif" font-size="26" fill="#fff" text-anchor="middle">${initials}</text></svg>`;
}
