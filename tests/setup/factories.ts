// Small builders for integration tests. Each returns what it created.
import { createSession, SESSION_COOKIE } from "../../app/auth/session.server";
import type { CohortRole } from "../../app/auth/permissions.server";
import { db } from "../../app/utils/db.server";
import { DAY_MS } from "../../app/utils/time";

let counter = 0;
const next = () => ++counter;

export async function makePerson(
  overrides: Partial<{
    login: string;
    name: string;
    isAdmin: boolean;
    timeZone: string;
    email: string;
    githubId: number;
  }> = {},
) {
  const n = next();
  return db.person.create({
    data: {
      login: overrides.login ?? `person${n}-${Math.random().toString(36).slice(2, 6)}`,
      name: overrides.name ?? `Person ${n}`,
      email: overrides.email ?? `person${n}@example.org`,
      isAdmin: overrides.isAdmin ?? false,
      timeZone: overrides.timeZone ?? "UTC",
      githubId: overrides.githubId,
    },
  });
}

export async function makeProject(
  overrides: Partial<{ slug: string; name: string; tracUrl: string; repos: [string, string][] }> = {},
) {
  const n = next();
  return db.project.create({
    data: {
      slug: overrides.slug ?? `project-${n}`,
      name: overrides.name ?? `Project ${n}`,
      tracUrl: overrides.tracUrl,
      aiPolicyText: "Disclose any AI assistance and review every line yourself.",
      repositories: {
        create: (overrides.repos ?? [[`org${n}`, `repo${n}`]]).map(([owner, name]) => ({ owner, name })),
      },
    },
    include: { repositories: true },
  });
}

/** A pull request known by its address only, linked in a cohort: the sync fills in the rest. */
export async function makeTrackedPull(
  link: { cohortId: string; personId: string },
  owner: string,
  repo: string,
  number: number,
  extra: Record<string, unknown> = {},
) {
  const pr = await db.pullRequest.create({
    data: {
      owner,
      repo,
      number,
      url: `https://github.com/${owner}/${repo}/pull/${number}`,
      title: "stored",
      authorLogin: "chloemartin",
      state: "open",
      ...extra,
    },
  });
  await db.linkedPullRequest.create({
    data: { ...link, pullRequestId: pr.id, explanation: "x", aiDisclosure: "none" },
  });
  return pr;
}

type CohortTiming = "draft" | "upcoming" | "applications_open" | "review" | "running" | "finished";

/** A cohort whose dates put it in `timing` at `now`. */
export async function makeCohort(
  timing: CohortTiming = "running",
  overrides: Partial<{
    slug: string;
    name: string;
    weeks: number;
    week: number;
    projectIds: string[];
    blindReview: boolean;
  }> = {},
  now = new Date(),
) {
  const n = next();
  const t = now.getTime();
  const weeks = overrides.weeks ?? 6;
  const week = overrides.week ?? 3;
  let open: number, close: number, start: number;
  switch (timing) {
    case "draft":
    case "upcoming":
      open = t + 10 * DAY_MS;
      close = t + 30 * DAY_MS;
      start = t + 60 * DAY_MS;
      break;
    case "applications_open":
      open = t - 5 * DAY_MS;
      close = t + 20 * DAY_MS;
      start = t + 50 * DAY_MS;
      break;
    case "review":
      open = t - 40 * DAY_MS;
      close = t - 5 * DAY_MS;
      start = t + 30 * DAY_MS;
      break;
    case "running":
      start = t - ((week - 1) * 7 + 2) * DAY_MS;
      close = start - 30 * DAY_MS;
      open = close - 30 * DAY_MS;
      break;
    case "finished":
      start = t - (weeks * 7 + 20) * DAY_MS;
      close = start - 30 * DAY_MS;
      open = close - 30 * DAY_MS;
      break;
  }
  return db.cohort.create({
    data: {
      slug: overrides.slug ?? `cohort-${n}`,
      name: overrides.name ?? `Cohort ${n}`,
      publishedAt: timing === "draft" ? null : new Date(open - DAY_MS),
      applicationsOpenAt: new Date(open),
      applicationsCloseAt: new Date(close),
      startsOn: new Date(start),
      weeks,
      blindReview: overrides.blindReview ?? false,
      decisionsPublishedAt: timing === "running" || timing === "finished" ? new Date(close + DAY_MS) : null,
      projects: overrides.projectIds
        ? { create: overrides.projectIds.map((projectId) => ({ projectId })) }
        : undefined,
    },
  });
}

export async function makeTeam(
  cohortId: string,
  overrides: Partial<{ slug: string; name: string; projectId: string }> = {},
) {
  const n = next();
  return db.team.create({
    data: {
      cohortId,
      slug: overrides.slug ?? `team-${n}`,
      name: overrides.name ?? `Team ${n}`,
      projectId: overrides.projectId,
    },
  });
}

export async function addMember(cohortId: string, personId: string, role: CohortRole, teamId?: string) {
  return db.cohortMembership.create({ data: { cohortId, personId, role, teamId } });
}

/** A Cookie header value for a fresh session of `personId`. */
export async function sessionCookieFor(personId: string): Promise<string> {
  const { token } = await createSession(personId);
  return `${SESSION_COOKIE}=${token}`;
}

export const TEST_ORIGIN = "http://localhost:3000";

/**
 * A Request as a browser on this site would send it. `form` makes it a POST with
 * a same-origin Origin header (the CSRF check), `cookie` signs it in.
 */
export function makeRequest(
  path: string,
  options: {
    cookie?: string;
    form?: Record<string, string | string[]>;
    method?: string;
    headers?: Record<string, string>;
  } = {},
): Request {
  const headers = new Headers(options.headers);
  headers.set("Host", "localhost:3000");
  if (options.cookie) headers.set("Cookie", options.cookie);
  let body: URLSearchParams | undefined;
  const method = options.method ?? (options.form ? "POST" : "GET");
  if (options.form) {
    body = new URLSearchParams();
    for (const [key, value] of Object.entries(options.form)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    }
    headers.set("Content-Type", "application/x-www-form-urlencoded");
  }
  if (method !== "GET" && !headers.has("Origin")) headers.set("Origin", TEST_ORIGIN);
  return new Request(`${TEST_ORIGIN}${path}`, { method, headers, body });
}

type RouteArgs = { request: Request; params: Record<string, string>; context: Record<string, unknown> };
type RouteFn = (args: RouteArgs) => Promise<Response | unknown> | Response | unknown;

/** Calls a loader or action; a thrown Response is returned like a returned one. */
export async function callRoute(
  fn: RouteFn | undefined,
  request: Request,
  params: Record<string, string> = {},
): Promise<Response> {
  if (!fn) throw new Error("route has no such function");
  try {
    const result = await fn({ request, params, context: {} });
    if (result instanceof Response) return result;
    return new Response(JSON.stringify(result ?? null), {
      status: 200,
      headers: { "Content-Type": "application/json" },
    });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

export async function jsonOf<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

// ── applications and review (issue 3) ──

export async function makeQuestion(
  cohortId: string,
  overrides: Partial<{
    type: string;
    label: string;
    required: boolean;
    sensitive: boolean;
    options: string[];
    position: number;
  }> = {},
) {
  const n = next();
  return db.applicationQuestion.create({
    data: {
      cohortId,
      position: overrides.position ?? n,
      type: overrides.type ?? "short_text",
      label: overrides.label ?? `Question ${n}`,
      required: overrides.required ?? false,
      sensitive: overrides.sensitive ?? false,
      options: JSON.stringify(overrides.options ?? []),
    },
  });
}

export async function makeCriterion(
  cohortId: string,
  overrides: Partial<{ name: string; position: number }> = {},
) {
  const n = next();
  return db.rubricCriterion.create({
    data: {
      cohortId,
      position: overrides.position ?? n,
      name: overrides.name ?? `Criterion ${n}`,
      lowAnchor: "Weak",
      highAnchor: "Strong",
    },
  });
}

/** A submitted (by default) application, with optional answers { questionId: value }. */
export async function makeApplication(
  cohortId: string,
  personId: string,
  overrides: Partial<{
    status: string;
    decision: string;
    publishedDecision: string | null;
    waitlistRank: number | null;
    answers: Record<string, string>;
  }> = {},
) {
  const status = overrides.status ?? "submitted";
  return db.application.create({
    data: {
      cohortId,
      personId,
      status,
      submittedAt: status === "draft" ? null : new Date(),
      decision: overrides.decision ?? "none",
      publishedDecision: overrides.publishedDecision ?? null,
      waitlistRank: overrides.waitlistRank ?? null,
      answers: overrides.answers
        ? { create: Object.entries(overrides.answers).map(([questionId, value]) => ({ questionId, value })) }
        : undefined,
    },
  });
}

/** A finished review by `reviewerId` with `scores` per criterion id. */
export async function makeReview(
  applicationId: string,
  reviewerId: string,
  scores: Record<string, number>,
  overrides: Partial<{ recused: boolean; comment: string }> = {},
) {
  return db.review.create({
    data: {
      applicationId,
      reviewerId,
      recused: overrides.recused ?? false,
      comment: overrides.comment ?? "",
      submittedAt: new Date(),
      scores: { create: Object.entries(scores).map(([criterionId, score]) => ({ criterionId, score })) },
    },
  });
}
