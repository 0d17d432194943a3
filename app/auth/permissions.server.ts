// Every loader and action starts with one of these. They throw: a redirect to
// sign-in when nobody is signed in, a 403 when the person lacks the role, a 404
// when the cohort does not exist. Non-GET requests are also checked for CSRF.
import { redirect } from "@remix-run/node";
import { db, type Cohort } from "~/utils/db.server";
import { keptUntilChanged } from "~/utils/kept-pages.server";
import { oncePerRequest } from "~/utils/request-scope.server";
import { assertSameOrigin } from "./csrf.server";
import {
  clearedSessionCookie,
  readCookie,
  SESSION_COOKIE,
  sessionCookie,
  validateSessionToken,
  type SessionPerson,
} from "./session.server";

export const COHORT_ROLES = ["organizer", "reviewer", "navigator", "captain", "participant"] as const;
export type CohortRole = (typeof COHORT_ROLES)[number];

export type SignedIn = { person: SessionPerson; sessionId: string; setCookie: string | null };

/** The signed-in person, or null. `setCookie` renews or clears the cookie. */
export async function getSignedIn(request: Request): Promise<SignedIn | null> {
  const token = readCookie(request, SESSION_COOKIE);
  if (!token) return null;
  const session = await validateSessionToken(token);
  if (!session) return null;
  return {
    person: session.person,
    sessionId: session.sessionId,
    setCookie: session.renewed ? sessionCookie(session.renewed.token, session.renewed.expiresAt) : null,
  };
}

export async function staleCookieHeader(request: Request): Promise<string | null> {
  const token = readCookie(request, SESSION_COOKIE);
  if (token && !(await validateSessionToken(token))) return clearedSessionCookie();
  return null;
}

function signInRedirect(request: Request): Response {
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  return redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
}

export function forbidden(message = "You do not have permission to see this page."): Response {
  return new Response(message, { status: 403, statusText: "Forbidden" });
}

export function notFound(message = "We could not find that page."): Response {
  return new Response(message, { status: 404, statusText: "Not Found" });
}

export async function requireUser(request: Request): Promise<SessionPerson> {
  assertSameOrigin(request);
  const signedIn = await getSignedIn(request);
  if (!signedIn) throw signInRedirect(request);
  return signedIn.person;
}

export async function requireAdmin(request: Request): Promise<SessionPerson> {
  const person = await requireUser(request);
  if (!person.isAdmin) throw forbidden("Only site admins can do this.");
  return person;
}

/**
 * What authorization found, handed on to the domain module: the cohort's row is read
 * once here and carried along, so no page loads its cohort a second time.
 */
export type CohortAccess = {
  person: SessionPerson;
  /** the cohort's own columns (settings, dates, texts); relations are loaded by whoever needs them */
  cohort: Cohort;
  roles: CohortRole[];
  /** team ids the person belongs to in this cohort (as navigator, captain or participant) */
  teamIds: string[];
  /** the role held in each of those teams: navigator of one, participant of another is possible */
  teamRoles: { teamId: string; role: CohortRole }[];
  isOrganizer: boolean;
};

/** Whether the person holds one of `roles` in that very team (not just somewhere in the cohort). */
export function holdsTeamRole(
  access: CohortAccess,
  teamId: string | null,
  roles: readonly CohortRole[],
): boolean {
  return teamId !== null && access.teamRoles.some((m) => m.teamId === teamId && roles.includes(m.role));
}

/** The cohort's row by its address, read once per page view. */
export function cohortBySlug(slug: string): Promise<Cohort | null> {
  return oncePerRequest(`cohort:${slug}`, () =>
    keptUntilChanged(`cohort:${slug}`, () => db.cohort.findUnique({ where: { slug } })),
  );
}

/** The person's memberships in the cohort (role and team), read once per page view. */
export function membershipsIn(cohortId: string, personId: string) {
  const key = `memberships:${cohortId}:${personId}`;
  return oncePerRequest(key, () =>
    keptUntilChanged(key, () =>
      db.cohortMembership.findMany({
        where: { cohortId, personId },
        select: { role: true, teamId: true, team: { select: { slug: true } } },
      }),
    ),
  );
}

export async function getCohortAccess(person: SessionPerson, slug: string): Promise<CohortAccess> {
  const cohort = await cohortBySlug(slug);
  if (!cohort) throw notFound("There is no cohort at this address.");
  const memberships = await membershipsIn(cohort.id, person.id);
  const roles = memberships.map((m) => m.role as CohortRole);
  // Site admins act as organizers of every cohort.
  if (person.isAdmin && !roles.includes("organizer")) roles.push("organizer");
  return {
    person,
    cohort,
    roles,
    teamIds: memberships.flatMap((m) => (m.teamId ? [m.teamId] : [])),
    teamRoles: memberships.flatMap((m) =>
      m.teamId ? [{ teamId: m.teamId, role: m.role as CohortRole }] : [],
    ),
    isOrganizer: roles.includes("organizer"),
  };
}

/**
 * The person must hold one of `allowed` in the cohort `slug` (admins count as
 * organizers). Throws a redirect, 403 or 404 Response otherwise.
 */
export async function requireCohortRole(
  request: Request,
  slug: string | undefined,
  allowed: readonly CohortRole[],
): Promise<CohortAccess> {
  const person = await requireUser(request);
  if (!slug) throw notFound("There is no cohort at this address.");
  const access = await getCohortAccess(person, slug);
  if (!access.roles.some((role) => allowed.includes(role))) {
    throw forbidden(`This page is for the cohort's ${allowed.join(", ")}s.`);
  }
  return access;
}
