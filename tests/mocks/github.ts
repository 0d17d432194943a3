// MSW handlers for GitHub's REST API. Bodies start from GitHub's published OpenAPI
// examples (tests/fixtures/github/*.json, extracted from @octokit/openapi) and
// change only the fields a test is about.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { http, HttpResponse, type HttpHandler } from "msw";

export const GITHUB_API = "https://api.github.com";

function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(path.resolve("tests/fixtures/github", `${name}.json`), "utf8")) as T;
}

type Json = Record<string, unknown>;
const issueExample = fixture<Json[]>("issues.listForRepo")[0];
const singleIssueExample = fixture<Json>("issues.get");
const pullExample = fixture<Json>("pulls.get");
const reviewExample = fixture<Json[]>("pulls.listReviews")[0];
const pullListExample = fixture<Json[]>("pulls.list")[0];
const commentExample = fixture<Json[]>("issues.listComments")[0];
const searchExample = fixture<{ items: Json[] } & Json>("search.issuesAndPullRequests");

/**
 * An item of GET /search/issues as GitHub's example, moved to `repository`#`number`
 * with the dates, author and merge a test is about (`pull: false` for an issue).
 */
export function searchItem(
  repository: string,
  number: number,
  fields: { created: string; updated?: string; merged?: string | null; pull?: boolean; login?: string },
): Json {
  const { pull_request: examplePull, ...item } = structuredClone(searchExample.items[0]);
  return {
    ...item,
    number,
    title: `Item ${number}`,
    url: `${GITHUB_API}/repos/${repository}/issues/${number}`,
    html_url: `https://github.com/${repository}/${fields.pull === false ? "issues" : "pull"}/${number}`,
    repository_url: `${GITHUB_API}/repos/${repository}`,
    created_at: fields.created,
    updated_at: fields.updated ?? fields.created,
    user: { ...(item.user as Json), login: fields.login ?? "participant" },
    ...(fields.pull === false
      ? {}
      : {
          pull_request: {
            ...(examplePull as Json),
            url: `${GITHUB_API}/repos/${repository}/pulls/${number}`,
            html_url: `https://github.com/${repository}/pull/${number}`,
            merged_at: fields.merged ?? null,
          },
        }),
  };
}

/** A whole search answer (GitHub's example's envelope) holding `items`. */
export function searchAnswer(items: Json[], total = items.length): Json {
  return { ...structuredClone(searchExample), total_count: total, items };
}

/** An item of issues.listForRepo, as GitHub's example, for owner/repo#number. */
export function issueItem(
  owner: string,
  repo: string,
  number: number,
  overrides: Partial<{
    title: string;
    labels: string[];
    state: "open" | "closed";
    updated_at: string;
    isPull: boolean;
  }> = {},
): Json {
  const item: Json = structuredClone(issueExample);
  item.number = number;
  item.id = 100000 + number;
  item.title = overrides.title ?? `Issue ${number} of ${repo}`;
  item.html_url = `https://github.com/${owner}/${repo}/issues/${number}`;
  item.url = `${GITHUB_API}/repos/${owner}/${repo}/issues/${number}`;
  item.repository_url = `${GITHUB_API}/repos/${owner}/${repo}`;
  item.state = overrides.state ?? "open";
  item.updated_at = overrides.updated_at ?? "2026-11-01T10:00:00Z";
  const baseLabel = (item.labels as Json[])[0];
  item.labels = (overrides.labels ?? ["good first issue"]).map((name, i) => ({
    ...baseLabel,
    id: 1000 + i,
    name,
  }));
  if (overrides.isPull) {
    item.pull_request = {
      url: `${GITHUB_API}/repos/${owner}/${repo}/pulls/${number}`,
      html_url: `https://github.com/${owner}/${repo}/pull/${number}`,
    };
  } else {
    delete item.pull_request;
  }
  return item;
}

/** issues.get for one issue (GitHub's "issue" example). */
export function singleIssue(
  owner: string,
  repo: string,
  number: number,
  overrides: Partial<{ title: string; state: "open" | "closed"; labels: string[]; isPull: boolean }> = {},
): Json {
  const item: Json = structuredClone(singleIssueExample);
  Object.assign(item, issueItem(owner, repo, number, overrides));
  if (!overrides.isPull) delete item.pull_request;
  return item;
}

export type PullOverrides = Partial<{
  title: string;
  body: string;
  login: string;
  state: "open" | "closed";
  merged: boolean;
  draft: boolean;
  additions: number;
  deletions: number;
  changed_files: number;
  updated_at: string;
  created_at: string;
  labels: string[];
  /** GitHub's count of conversation comments (the example says 10) */
  comments: number;
}>;

/** pulls.get, as GitHub's example, for owner/repo#number. */
export function pullBody(owner: string, repo: string, number: number, overrides: PullOverrides = {}): Json {
  const pr: Json = structuredClone(pullExample);
  pr.number = number;
  pr.html_url = `https://github.com/${owner}/${repo}/pull/${number}`;
  pr.url = `${GITHUB_API}/repos/${owner}/${repo}/pulls/${number}`;
  pr.title = overrides.title ?? pr.title;
  pr.body = overrides.body ?? pr.body;
  pr.user = { ...(pr.user as Json), login: overrides.login ?? "octocat" };
  pr.state = overrides.state ?? "open";
  pr.merged = overrides.merged ?? false;
  pr.merged_at = overrides.merged ? "2026-11-10T12:00:00Z" : null;
  pr.closed_at = pr.state === "closed" ? "2026-11-10T12:00:00Z" : null;
  pr.draft = overrides.draft ?? false;
  pr.additions = overrides.additions ?? pr.additions;
  pr.deletions = overrides.deletions ?? pr.deletions;
  pr.changed_files = overrides.changed_files ?? pr.changed_files;
  pr.updated_at = overrides.updated_at ?? "2026-11-05T09:30:00Z";
  pr.created_at = overrides.created_at ?? pr.created_at;
  pr.comments = overrides.comments ?? pr.comments;
  if (overrides.labels) {
    const baseLabel = (pr.labels as Json[])[0];
    pr.labels = overrides.labels.map((name, i) => ({ ...baseLabel, id: 2000 + i, name }));
  }
  // base.repo names the repository the PR belongs to, as GitHub spells it.
  const base = pr.base as Json;
  base.repo = {
    ...(base.repo as Json),
    name: repo,
    full_name: `${owner}/${repo}`,
    owner: { ...((base.repo as Json).owner as Json), login: owner },
  };
  return pr;
}

/** An item of pulls.list (GitHub's example) for a pulls.get body: no additions, deletions, merged or mergeable. */
export function pullListItem(body: Json): Json {
  const item: Json = structuredClone(pullListExample);
  for (const key of [
    "number",
    "html_url",
    "url",
    "title",
    "body",
    "user",
    "state",
    "draft",
    "merged_at",
    "closed_at",
    "created_at",
    "updated_at",
    "base",
  ])
    item[key] = structuredClone(body[key]);
  return item;
}

// What the mock GitHub holds for pulls.list: the last body pullHandler served per
// PR. Like GitHub, a PR whose data changed gets a later updated_at (unless the test
// sets one), so the listing sorted by update shows it on top.
const pullRegistry = new Map<string, Map<number, Json>>();
const withoutTime = (body: Json, reviews: unknown) =>
  JSON.stringify({ ...body, updated_at: undefined, __reviews: undefined, reviews });

function register(owner: string, repo: string, body: Json, reviews: unknown, explicitTime: boolean): Json {
  const key = `${owner}/${repo}`.toLowerCase();
  const prs = pullRegistry.get(key) ?? new Map<number, Json>();
  pullRegistry.set(key, prs);
  const previous = prs.get(body.number as number);
  if (previous && !explicitTime && withoutTime(previous, previous.__reviews) !== withoutTime(body, reviews)) {
    body.updated_at = new Date(Date.parse(previous.updated_at as string) + 3_600_000)
      .toISOString()
      .replace(".000Z", "Z");
  } else if (previous && !explicitTime) body.updated_at = previous.updated_at;
  prs.set(body.number as number, { ...body, __reviews: reviews });
  return body;
}

/** pulls.list?state=all&sort=updated&direction=desc for a repository, conditional on its ETag, 100 a page. */
export function pullsListHandler(
  owner: string,
  repo: string,
  options: { calls?: string[] } = {},
): HttpHandler {
  return http.get(`${GITHUB_API}/repos/${owner}/${repo}/pulls`, ({ request }) => {
    const url = new URL(request.url);
    options.calls?.push(url.search);
    const all = [...(pullRegistry.get(`${owner}/${repo}`.toLowerCase())?.values() ?? [])]
      .map(({ __reviews: _r, ...body }) => body)
      .sort((a, b) => String(b.updated_at).localeCompare(String(a.updated_at)));
    const perPage = Number(url.searchParams.get("per_page") ?? "30");
    const page = Number(url.searchParams.get("page") ?? "1");
    const items = all.slice((page - 1) * perPage, page * perPage).map(pullListItem);
    const etag = `W/"pulls-${createHash("sha1").update(JSON.stringify(items)).digest("hex")}"`;
    if (request.headers.get("if-none-match") === etag)
      return new HttpResponse(null, { status: 304, headers: { etag, "x-ratelimit-remaining": "4999" } });
    const headers: Record<string, string> = { etag };
    if (page * perPage < all.length) {
      const next = new URL(url);
      next.searchParams.set("page", String(page + 1));
      headers.link = `<${next.toString()}>; rel="next"`;
    }
    return json(items, { headers });
  });
}

/** One review: who, what, and optionally GitHub's author_association (the example's COLLABORATOR) and time. */
export type ReviewSpec = [
  string,
  "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED",
  { association?: string; at?: string }?,
];

/** pulls.listReviews, as GitHub's example, one review per [login, state]. */
export function reviewsBody(reviews: ReviewSpec[]): Json[] {
  return reviews.map(([login, state, more], i) => ({
    ...structuredClone(reviewExample),
    id: 80 + i,
    user: { ...(reviewExample.user as Json), login },
    state,
    submitted_at: more?.at ?? `2026-11-0${(i % 9) + 1}T10:00:00Z`,
    author_association: more?.association ?? reviewExample.author_association,
  }));
}

/** One conversation comment: who, GitHub's author_association, when. */
export type CommentSpec = [string, string, string];

/** issues.listComments, as GitHub's example (oldest first). */
export function commentsBody(comments: CommentSpec[]): Json[] {
  return comments.map(([login, association, at], i) => ({
    ...structuredClone(commentExample),
    id: 900 + i,
    user: { ...(commentExample.user as Json), login },
    author_association: association,
    created_at: at,
    updated_at: at,
  }));
}

const json = (body: unknown, init: { status?: number; headers?: Record<string, string> } = {}) =>
  HttpResponse.json(body as never, {
    status: init.status ?? 200,
    headers: { "x-ratelimit-remaining": "4999", ...init.headers },
  });

/** 304 when If-None-Match equals `etag`, else `respond()`. Counts calls. */
export function conditional(etag: string, respond: () => Response) {
  return (request: Request) =>
    request.headers.get("if-none-match") === etag
      ? new HttpResponse(null, { status: 304, headers: { etag, "x-ratelimit-remaining": "4999" } })
      : respond();
}

/** issues.listForRepo in pages, with GitHub's Link header between them. */
export function listIssuesHandler(
  owner: string,
  repo: string,
  pages: Json[][],
  options: { etag?: string; calls?: string[]; closed?: Json[] } = {},
): HttpHandler {
  const etag = options.etag ?? `W/"issues-${owner}-${repo}"`;
  return http.get(`${GITHUB_API}/repos/${owner}/${repo}/issues`, ({ request }) => {
    const url = new URL(request.url);
    options.calls?.push(url.search);
    if (url.searchParams.get("state") === "closed") {
      const closed = options.closed ?? [];
      const closedEtag = `W/"closed-${closed.map((i) => `${String(i.number)}@${String(i.updated_at)}`).join(",")}"`;
      if (request.headers.get("if-none-match") === closedEtag)
        return new HttpResponse(null, { status: 304, headers: { etag: closedEtag } });
      return json(closed, { headers: { etag: closedEtag } });
    }
    const page = Number(url.searchParams.get("page") ?? "1");
    if (page === 1 && request.headers.get("if-none-match") === etag)
      return new HttpResponse(null, { status: 304, headers: { etag } });
    const headers: Record<string, string> = { etag: page === 1 ? etag : `W/"page-${page}"` };
    const links: string[] = [];
    const link = (p: number, rel: string) => {
      const next = new URL(url);
      next.searchParams.set("page", String(p));
      links.push(`<${next.toString()}>; rel="${rel}"`);
    };
    if (page < pages.length) link(page + 1, "next");
    if (pages.length > 1) link(pages.length, "last");
    if (links.length) headers.link = links.join(", ");
    return json(pages[page - 1] ?? [], { headers });
  });
}

export function pullHandler(
  owner: string,
  repo: string,
  number: number,
  overrides: PullOverrides = {},
  options: { etag?: string; reviews?: ReviewSpec[]; comments?: CommentSpec[]; commentCalls?: string[] } = {},
): HttpHandler[] {
  const body = register(
    owner,
    repo,
    pullBody(owner, repo, number, overrides),
    options.reviews ?? [],
    overrides.updated_at !== undefined,
  );
  const etag = options.etag ?? `W/"pull-${repo}-${number}-${String(body.updated_at)}"`;
  return [
    pullsListHandler(owner, repo),
    http.get(`${GITHUB_API}/repos/${owner}/${repo}/pulls/${number}`, ({ request }) =>
      conditional(etag, () => json(body, { headers: { etag } }))(request),
    ),
    http.get(`${GITHUB_API}/repos/${owner}/${repo}/pulls/${number}/reviews`, ({ request }) =>
      conditional(`${etag}-reviews`, () =>
        json(reviewsBody(options.reviews ?? []), { headers: { etag: `${etag}-reviews` } }),
      )(request),
    ),
    http.get(`${GITHUB_API}/repos/${owner}/${repo}/issues/${number}/comments`, ({ request }) => {
      options.commentCalls?.push(new URL(request.url).pathname);
      return json(commentsBody(options.comments ?? []));
    }),
  ];
}

export function issueHandler(
  owner: string,
  repo: string,
  number: number,
  overrides: Parameters<typeof singleIssue>[3] = {},
): HttpHandler {
  return http.get(`${GITHUB_API}/repos/${owner}/${repo}/issues/${number}`, () =>
    json(singleIssue(owner, repo, number, overrides), { headers: { etag: `W/"issue-${number}"` } }),
  );
}

/** GitHub's answer for a repository you cannot see: 404, exactly like a missing one. */
export function notFoundHandler(pathPattern: string): HttpHandler {
  return http.get(`${GITHUB_API}${pathPattern}`, () =>
    HttpResponse.json(
      { message: "Not Found", documentation_url: "https://docs.github.com/rest", status: "404" },
      { status: 404 },
    ),
  );
}

/** A primary rate-limit answer: 403, remaining 0, reset in `resetInSeconds`. */
export function primaryLimitResponse(resetInSeconds = 2): Response {
  return HttpResponse.json(
    {
      message:
        "API rate limit exceeded for 203.0.113.7. (But here's the good news: Authenticated requests get a higher rate limit.)",
      documentation_url: "https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting",
    },
    {
      status: 403,
      headers: {
        "x-ratelimit-limit": "60",
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + resetInSeconds),
      },
    },
  );
}

/** A secondary rate-limit answer: 429 with retry-after. */
export function secondaryLimitResponse(retryAfter = 3): Response {
  return HttpResponse.json(
    {
      message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
      documentation_url:
        "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
    },
    { status: 429, headers: { "retry-after": String(retryAfter) } },
  );
}
