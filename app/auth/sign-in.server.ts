// Signing people in: from GitHub (matched by numeric id, login and avatar refreshed)
// or, outside production, as a seeded demo person.
import { db, transaction } from "~/utils/db.server";
import { demoSignInEnabled } from "~/utils/env.server";
import type { GitHubProfile } from "./github-oauth.server";
import { recordAudit } from "~/cohorts/audit.server";
import {
  createSession,
  invalidateAllSessions,
  invalidateSession,
  readCookie,
  SESSION_COOKIE,
  sessionCookie,
  validateSessionToken,
} from "./session.server";

/** Creates or refreshes the person for a GitHub profile and binds pending appointments. */
export async function upsertGitHubPerson(profile: GitHubProfile, now = new Date()) {
  const login = profile.login;
  const person = await transaction(async (tx) => {
    const byId = await tx.person.findUnique({ where: { githubId: profile.id } });
    // Someone else may hold this login from before a rename on GitHub: free it.
    const holder = await tx.person.findUnique({ where: { login } });
    if (holder && holder.id !== byId?.id) {
      if (holder.githubId === null && !byId) {
        // A person created before their first sign-in (e.g. demo import) becomes this account.
        return tx.person.update({
          where: { id: holder.id },
          data: {
            githubId: profile.id,
            avatarUrl: profile.avatarUrl,
            name: holder.name || profile.name || login,
            lastSignInAt: now,
          },
        });
      }
      await tx.person.update({
        where: { id: holder.id },
        data: { login: `${holder.login}-renamed-${holder.id.slice(-6)}` },
      });
    }
    if (byId) {
      return tx.person.update({
        where: { id: byId.id },
        data: {
          login,
          avatarUrl: profile.avatarUrl,
          lastSignInAt: now,
          ...(profile.email && !byId.email ? { email: profile.email } : {}),
        },
      });
    }
    return tx.person.create({
      data: {
        githubId: profile.id,
        login,
        name: profile.name || login,
        email: profile.email,
        avatarUrl: profile.avatarUrl,
        lastSignInAt: now,
      },
    });
  });
  await bindPendingMemberships(person.id, person.login);
  return person;
}

/** Appointments made by login before the person ever signed in now become theirs. */
export async function bindPendingMemberships(personId: string, login: string): Promise<number> {
  const pending = await db.cohortMembership.findMany({ where: { pendingLogin: login.toLowerCase() } });
  let bound = 0;
  for (const membership of pending) {
    const clash = await db.cohortMembership.findFirst({
      where: { cohortId: membership.cohortId, personId, role: membership.role },
    });
    if (clash) {
      await db.cohortMembership.delete({ where: { id: membership.id } });
    } else {
      await db.cohortMembership.update({
        where: { id: membership.id },
        data: { personId, pendingLogin: null },
      });
      bound++;
    }
  }
  return bound;
}

/**
 * Signs `personId` in on this browser. Whatever session the browser carried before
 * (someone else's, or an older one of the same person) ends: one browser, one session.
 */
export async function startSession(
  personId: string,
  request: Request,
  method: "github" | "demo",
): Promise<string> {
  const previous = readCookie(request, SESSION_COOKIE);
  const earlier = previous ? await validateSessionToken(previous) : null;
  if (earlier) {
    await invalidateSession(earlier.sessionId);
    if (earlier.person.id !== personId) {
      await recordAudit({
        actorId: earlier.person.id,
        action: "auth.sign_out",
        subjectType: "person",
        subjectId: earlier.person.id,
        detail: "someone else signed in on the same browser",
      });
    }
  }
  const { token, expiresAt } = await createSession(personId, new Date(), request.headers.get("User-Agent"));
  await recordAudit({
    actorId: personId,
    action: "auth.sign_in",
    subjectType: "person",
    subjectId: personId,
    detail: method,
  });
  return sessionCookie(token, expiresAt);
}

export async function signOut(personId: string, sessionId: string): Promise<void> {
  await invalidateSession(sessionId);
  await recordAudit({
    actorId: personId,
    action: "auth.sign_out",
    subjectType: "person",
    subjectId: personId,
  });
}

export async function signOutEverywhere(personId: string): Promise<number> {
  const ended = await invalidateAllSessions(personId);
  await recordAudit({
    actorId: personId,
    action: "auth.sign_out_everywhere",
    subjectType: "person",
    subjectId: personId,
    detail: `${ended} sessions ended`,
  });
  return ended;
}

export async function listDemoPeople() {
  if (!demoSignInEnabled()) return [];
  return db.person.findMany({
    where: { isDemo: true },
    select: { id: true, name: true, login: true, demoRole: true, avatarUrl: true },
    orderBy: [{ demoRole: "asc" }, { name: "asc" }],
  });
}

export async function findDemoPerson(personId: string) {
  if (!demoSignInEnabled()) return null;
  return db.person.findFirst({ where: { id: personId, isDemo: true }, select: { id: true, login: true } });
}
