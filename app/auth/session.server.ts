// Database sessions as lucia-auth.com teaches them: the cookie holds `id.secret`,
// the database only SHA-256(secret), compared in constant time. A session slides
// (two weeks unused ends it) within an absolute lifetime of 30 days from sign-in.
import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { db } from "~/utils/db.server";
import { isProduction } from "~/utils/env.server";

export const SESSION_COOKIE = "cohort_session";
const DAY = 24 * 60 * 60 * 1000;
/** Unused this long, a session ends. */
export const SESSION_IDLE_MS = 14 * DAY;
/** However much it is used, a session ends this long after signing in. */
export const SESSION_ABSOLUTE_MS = 30 * DAY;
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

function slidingExpiry(createdAt: Date, now: Date): Date {
  return new Date(Math.min(now.getTime() + SESSION_IDLE_MS, createdAt.getTime() + SESSION_ABSOLUTE_MS));
}

/** What the devices list shows of a browser; kept short. */
function shortUserAgent(userAgent: string | null | undefined): string | null {
  if (!userAgent) return null;
  return userAgent.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 300) || null;
}

export async function createSession(
  personId: string,
  now = new Date(),
  userAgent?: string | null,
): Promise<{ token: string; expiresAt: Date }> {
  const id = randomToken();
  const secret = randomToken();
  const expiresAt = slidingExpiry(now, now);
  await db.authSession.create({
    data: {
      id,
      secretHash: Buffer.from(hashSecret(secret)),
      personId,
      createdAt: now,
      lastVerifiedAt: now,
      expiresAt,
      userAgent: shortUserAgent(userAgent),
    },
  });
  return { token: `${id}.${secret}`, expiresAt };
}

export type ValidSession = {
  sessionId: string;
  person: SessionPerson;
  renewed: { token: string; expiresAt: Date } | null;
};

export async function validateSessionToken(token: string, now = new Date()): Promise<ValidSession | null> {
  const [id, secret, extra] = token.split(".");
  if (!id || !secret || extra !== undefined) return null;
  // Tokens are base32; anything else (NUL bytes included) never reaches the database.
  if (!/^[a-z2-7]{1,64}$/.test(id) || !/^[a-z2-7]{1,64}$/.test(secret)) return null;
  const session = await db.authSession.findUnique({
    where: { id },
    include: {
      person: {
        select: { id: true, login: true, name: true, avatarUrl: true, timeZone: true, isAdmin: true },
      },
    },
  });
  if (!session) return null;
  if (!constantTimeEqual(hashSecret(secret), new Uint8Array(session.secretHash))) return null;
  if (
    session.expiresAt.getTime() <= now.getTime() ||
    session.createdAt.getTime() + SESSION_ABSOLUTE_MS <= now.getTime()
  ) {
    await db.authSession.deleteMany({ where: { id } });
    return null;
  }
  let renewed: ValidSession["renewed"] = null;
  if (now.getTime() - session.lastVerifiedAt.getTime() >= RENEW_AFTER_MS) {
    const expiresAt = slidingExpiry(session.createdAt, now);
    // At most one write per renewal interval, however many requests arrive at once: only
    // the one that still sees the old lastVerifiedAt writes. A session ended meanwhile
    // (signed out on another tab) matches nothing instead of failing the request.
    const { count } = await db.authSession.updateMany({
      where: { id, lastVerifiedAt: session.lastVerifiedAt },
      data: { lastVerifiedAt: now, expiresAt },
    });
    if (count > 0) renewed = { token, expiresAt };
  }
  return { sessionId: id, person: session.person, renewed };
}

export async function invalidateSession(sessionId: string): Promise<void> {
  await db.authSession.deleteMany({ where: { id: sessionId } });
}

export type SignedInDevice = {
  id: string;
  userAgent: string | null;
  createdAt: Date;
  lastVerifiedAt: Date;
  expiresAt: Date;
  current: boolean;
};

/** The person's live sessions, newest use first, for "Signed-in devices" on settings. */
export async function listSessions(
  personId: string,
  currentSessionId: string,
  now = new Date(),
): Promise<SignedInDevice[]> {
  const sessions = await db.authSession.findMany({
    where: {
      personId,
      expiresAt: { gt: now },
      createdAt: { gt: new Date(now.getTime() - SESSION_ABSOLUTE_MS) },
    },
    select: { id: true, userAgent: true, createdAt: true, lastVerifiedAt: true, expiresAt: true },
    orderBy: { lastVerifiedAt: "desc" },
  });
  return sessions.map((s) => ({ ...s, current: s.id === currentSessionId }));
}

/** Ends one of the person's own sessions (another device); false when it is not theirs. */
export async function endOwnSession(personId: string, sessionId: string): Promise<boolean> {
  const { count } = await db.authSession.deleteMany({ where: { id: sessionId, personId } });
  return count > 0;
}

/** "Sign out everywhere": every session of the person ends, this one included. */
export async function invalidateAllSessions(personId: string): Promise<number> {
  const { count } = await db.authSession.deleteMany({ where: { personId } });
  return count;
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
