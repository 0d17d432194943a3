// Database sessions as lucia-auth.com teaches them: the cookie holds `id.secret`,
// the database only SHA-256(secret), compared in constant time; sessions slide.
import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { db } from "~/utils/db.server";
import { isProduction } from "~/utils/env.server";

export const SESSION_COOKIE = "cohort_session";
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY;
/** A session seen after this long is renewed for another full lifetime. */
const RENEW_AFTER_MS = 60 * 60 * 1000;

function randomToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

export type SessionPerson = {
  id: string;
  login: string;
  name: string;
  avatarUrl: string | null;
  timeZone: string;
  isAdmin: boolean;
};

export async function createSession(personId: string, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const id = randomToken();
  const secret = randomToken();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await db.authSession.create({
    data: { id, secretHash: Buffer.from(hashSecret(secret)), personId, createdAt: now, lastVerifiedAt: now, expiresAt },
  });
  return { token: `${id}.${secret}`, expiresAt };
}

export type ValidSession = { sessionId: string; person: SessionPerson; renewed: { token: string; expiresAt: Date } | null };

export async function validateSessionToken(token: string, now = new Date()): Promise<ValidSession | null> {
  const [id, secret, extra] = token.split(".");
  if (!id || !secret || extra !== undefined) return null;
  // Tokens are base32; anything else (NUL bytes included) never reaches the database.
  if (!/^[a-z2-7]{1,64}$/.test(id) || !/^[a-z2-7]{1,64}$/.test(secret)) return null;
  const session = await db.authSession.findUnique({
    where: { id },
    include: { person: { select: { id: true, login: true, name: true, avatarUrl: true, timeZone: true, isAdmin: true } } },
  });
  if (!session) return null;
  if (!constantTimeEqual(hashSecret(secret), new Uint8Array(session.secretHash))) return null;
  if (session.expiresAt.getTime() <= now.getTime()) {
    await db.authSession.deleteMany({ where: { id } });
    return null;
  }
  let renewed: ValidSession["renewed"] = null;
  if (now.getTime() - session.lastVerifiedAt.getTime() >= RENEW_AFTER_MS) {
    const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    await db.authSession.update({ where: { id }, data: { lastVerifiedAt: now, expiresAt } });
    renewed = { token, expiresAt };
  }
  return { sessionId: id, person: session.person, renewed };
}

export async function invalidateSession(sessionId: string): Promise<void> {
  await db.authSession.deleteMany({ where: { id: sessionId } });
}

export function sessionCookie(token: string, expiresAt: Date): string {
  const parts = [
    `${SESSION_COOKIE}=${token}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Expires=${expiresAt.toUTCString()}`,
  ];
  if (isProduction()) parts.push("Secure");
  return parts.join("; ");
}

export function clearedSessionCookie(): string {
  const parts = [`${SESSION_COOKIE}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0"];
  if (isProduction()) parts.push("Secure");
  return parts.join("; ");
}

export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key !== name) continue;
    // A malformed value (`cohort_session=%`) is treated as no cookie at all, never an error.
    try {
      return decodeURIComponent(rest.join("="));
    } catch {
      return null;
    }
  }
  return null;
}
