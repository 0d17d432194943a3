// GitHub REST behind a small interface: starter issues, one issue, one pull request
// and its reviews. Every answer is checked with zod before anyone stores it, so a
// malformed or failed answer can never overwrite good data. Conditional requests
// (If-None-Match) make unchanged resources free: GitHub does not count a 304
// against the rate limit. Rate limits are waited out by the throttling plugin, 5xx
// and timeouts retried by the retry plugin; `timeScale` makes those waits short in
// tests (milliseconds per second of waiting).
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import { z } from "zod";
import { env } from "~/utils/env.server";
import { unreachableReason } from "./unreachable";

export type GitHubOptions = {
  baseUrl?: string;
  token?: string;
  /** milliseconds per second of a rate-limit or retry wait (1000 in production) */
  timeScale?: number;
  /** per-request timeout in milliseconds */
  timeoutMs?: number;
  /** give up waiting for a primary rate-limit reset longer than this (seconds) */
  maxRateLimitWaitSeconds?: number;
  /** retries of a 5xx, timeout or network failure (3; a person waiting on a form wants 1) */
  retries?: number;
};

export type GitHubStats = {
  /** HTTP requests sent, retries included */
  requests: number;
  /** 304 answers: free of rate limit */
  notModified: number;
  /** rate-limit waits, in seconds, as GitHub asked */
  rateLimitWaits: number[];
  /** x-ratelimit-remaining of the last answer, when GitHub sent it */
  remaining: number | null;
};

/** `unreachable`: no answer at all (DNS, refused, timeout) after the retries. */
/** `forbidden`: a 403 that is not a rate limit (SAML, IP allow list): that repository only. */
export type GitHubErrorKind =
  "not_found" | "rate_limited" | "malformed" | "failed" | "unauthorized" | "unreachable" | "forbidden";

export class GitHubError extends Error {
  constructor(
    public kind: GitHubErrorKind,
    message: string,
    public status?: number,
  ) {
    super(message);
    this.name = "GitHubError";
  }
}

// ─── shapes we rely on (a subset of GitHub's published schemas) ───────────────

/** Only http(s) addresses are kept from GitHub data (never `javascript:`). */
export const httpUrl = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//i.test(u), { message: "not an http(s) address" });

/** An ISO 8601 time GitHub wrote; anything else is refused before it reaches the database. */
export const isoDate = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(new Date(v).getTime()), {
    message: "not a date",
  });
/** Numbers the database can hold (GitHub's issue and PR numbers are well below). */
const itemNumber = z.number().int().positive().max(2_147_483_647);

const label = z.union([z.string(), z.object({ name: z.string().nullish() })]);
const issueSchema = z.object({
  number: itemNumber,
  title: z.string(),
  html_url: httpUrl,
  state: z.enum(["open", "closed"]),
  labels: z.array(label).default([]),
  updated_at: isoDate,
  pull_request: z.unknown().optional(),
  repository_url: z.string().optional(),
});
const pullSchema = z.object({
  number: itemNumber,
  html_url: httpUrl,
  title: z.string(),
  body: z.string().nullish(),
  user: z.object({ login: z.string() }).nullish(),
  state: z.enum(["open", "closed"]),
  draft: z.boolean().nullish(),
  merged: z.boolean().nullish(),
  merged_at: isoDate.nullish(),
  closed_at: isoDate.nullish(),
  created_at: isoDate,
  updated_at: isoDate,
  additions: z.number().int().nonnegative().max(2_147_483_647),
  deletions: z.number().int().nonnegative().max(2_147_483_647),
  changed_files: z.number().int().nonnegative().max(2_147_483_647),
  labels: z.array(label).nullish(),
  /** issue comments (conversation tab), when GitHub counts them (pulls.get does, webhooks do) */
  comments: z.number().int().nonnegative().nullish(),
  base: z.object({ repo: z.object({ name: z.string(), owner: z.object({ login: z.string() }) }) }).optional(),
});
const pullListItemSchema = z.object({
  number: itemNumber,
  updated_at: isoDate,
  base: z
    .object({ repo: z.object({ name: z.string(), owner: z.object({ login: z.string() }) }).nullish() })
    .optional(),
});
const reviewSchema = z.object({
  user: z.object({ login: z.string() }).nullish(),
  state: z.string(),
  submitted_at: z.string().nullish(),
  author_association: z.string().nullish(),
});
const commentSchema = z.object({
  user: z.object({ login: z.string() }).nullish(),
  created_at: isoDate,
  author_association: z.string().nullish(),
});

/**
 * Who answers for the project: GitHub's author_association of the repository's
 * owner, its organization's members and its collaborators (not the PR's author).
 */
export const MAINTAINER_ASSOCIATIONS = ["OWNER", "MEMBER", "COLLABORATOR"];
const isMaintainer = (association: string | null | undefined, login: string, authorLogin?: string) =>
  MAINTAINER_ASSOCIATIONS.includes(association ?? "") &&
  (authorLogin === undefined || login.toLowerCase() !== authorLogin.toLowerCase());

export type IssueSnapshot = {
  owner: string;
  repo: string;
  number: number;
  title: string;
  url: string;
  state: "open" | "closed";
  labels: string[];
  updatedAt: Date;
};

export type ReviewState = "none" | "commented" | "changes_requested" | "approved";

export type PullSnapshot = {
  owner: string;
  repo: string;
  number: number;
  url: string;
  title: string;
  body: string;
  authorLogin: string;
  state: "open" | "closed" | "merged";
  draft: boolean;
  additions: number;
  deletions: number;
  changedFiles: number;
  openedAt: Date;
  mergedAt: Date | null;
  closedAt: Date | null;
  updatedAt: Date;
  /** label names, null when the payload carried none (the field was absent) */
  labels: string[] | null;
  /** issue comments GitHub counts, null when the payload does not say */
  comments: number | null;
};

export type ReviewSummary = {
  reviewCount: number;
  reviewState: ReviewState;
  lastReviewAt: Date | null;
  /** the first review by a maintainer who is not the PR's author */
  firstMaintainerReviewAt: Date | null;
};

export type PullListing = {
  /** number and updated_at of each pull request read, newest first */
  items: { number: number; updatedAt: Date }[];
  newest: Date | null;
  /** the repository's name as GitHub spells it now (after a rename, in its own case) */
  canonical: { owner: string; name: string } | null;
};

export type Conditional<T> = { notModified: true } | { notModified: false; value: T; etag: string | null };

function labelNames(labels: z.infer<typeof label>[]): string[] {
  return labels.map((l) => (typeof l === "string" ? l : (l.name ?? ""))).filter(Boolean);
}

/** owner/name from an API address such as https://api.github.com/repos/wagtail/wagtail. */
export function repositoryFromApiUrl(url: string | undefined): { owner: string; name: string } | null {
  const match = url?.match(/\/repos\/([^/]+)\/([^/?#]+)\/?$/);
  return match ? { owner: decodeURIComponent(match[1]), name: decodeURIComponent(match[2]) } : null;
}

export function issueFromApi(owner: string, repo: string, raw: z.infer<typeof issueSchema>): IssueSnapshot {
  const canonical = repositoryFromApiUrl(raw.repository_url);
  return {
    owner: canonical?.owner ?? owner,
    repo: canonical?.name ?? repo,
    number: raw.number,
    title: raw.title,
    url: raw.html_url,
    state: raw.state,
    labels: labelNames(raw.labels),
    updatedAt: new Date(raw.updated_at),
  };
}

/** Reads a pull request as pulls.get (or a pull_request webhook) gives it. */
export function pullFromApi(owner: string, repo: string, data: unknown): PullSnapshot {
  const parsed = pullSchema.safeParse(data);
  if (!parsed.success)
    throw new GitHubError(
      "malformed",
      `GitHub sent a pull request we could not read (${parsed.error.issues[0]?.path.join(".")}).`,
    );
  const raw = parsed.data;
  const merged = Boolean(raw.merged || raw.merged_at);
  // GitHub's own spelling of the repository (its current name after a rename,
  // its own case when someone typed Wagtail/Wagtail) wins over the one we asked with.
  const canonical = raw.base?.repo;
  return {
    owner: canonical?.owner.login ?? owner,
    repo: canonical?.name ?? repo,
    number: raw.number,
    url: raw.html_url,
    title: raw.title,
    body: raw.body ?? "",
    authorLogin: raw.user?.login ?? "ghost",
    state: merged ? "merged" : raw.state,
    draft: Boolean(raw.draft),
    additions: raw.additions,
    deletions: raw.deletions,
    changedFiles: raw.changed_files,
    openedAt: new Date(raw.created_at),
    mergedAt: raw.merged_at ? new Date(raw.merged_at) : null,
    closedAt: raw.closed_at ? new Date(raw.closed_at) : null,
    updatedAt: new Date(raw.updated_at),
    labels: raw.labels ? labelNames(raw.labels) : null,
    comments: raw.comments ?? null,
  };
}

/**
 * Each reviewer's latest opinionated review counts (GitHub's own rule): APPROVED or
 * CHANGES_REQUESTED set the reviewer's opinion, DISMISSED clears it, COMMENTED
 * leaves it as it was. Any outstanding "changes requested" wins, then "approved",
 * then plain comments. Reviews come in the order GitHub lists them (oldest first).
 */
export function summarizeReviews(
  reviews: { login: string; state: string; submittedAt: Date | null; association?: string | null }[],
  authorLogin?: string,
): ReviewSummary {
  const submitted = reviews.filter((r) => r.state !== "PENDING");
  const opinion = new Map<string, "APPROVED" | "CHANGES_REQUESTED">();
  for (const r of submitted) {
    if (r.state === "APPROVED" || r.state === "CHANGES_REQUESTED") opinion.set(r.login, r.state);
    else if (r.state === "DISMISSED") opinion.delete(r.login);
  }
  const states = [...opinion.values()];
  const reviewState: ReviewState = states.includes("CHANGES_REQUESTED")
    ? "changes_requested"
    : states.includes("APPROVED")
      ? "approved"
      : submitted.length > 0
        ? "commented"
        : "none";
  const times = submitted.map((r) => r.submittedAt?.getTime() ?? 0).filter((t) => t > 0);
  const maintainerTimes = submitted
    .filter((r) => isMaintainer(r.association, r.login, authorLogin))
    .map((r) => r.submittedAt?.getTime() ?? 0)
    .filter((t) => t > 0);
  return {
    reviewCount: submitted.length,
    reviewState,
    lastReviewAt: times.length ? new Date(Math.max(...times)) : null,
    firstMaintainerReviewAt: maintainerTimes.length ? new Date(Math.min(...maintainerTimes)) : null,
  };
}

const ThrottledOctokit = Octokit.plugin(throttling, retry);

function nextLink(link: string | undefined): string | null {
  if (!link) return null;
  for (const part of link.split(",")) {
    const match = part.match(/<([^>]+)>\s*;\s*rel="next"/);
    if (match) return match[1];
  }
  return null;
}

type RequestErrorLike = {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string>; data?: unknown };
};

/** Why GitHub refused (403, not a rate limit), in words. */
export function forbiddenReason(bodyMessage: string): string {
  if (/SAML/i.test(bodyMessage))
    return "its organization requires SAML single sign-on and the sync's token is not authorized for that organization";
  if (/IP allow list/i.test(bodyMessage))
    return "its organization accepts requests only from the addresses on its IP allow list, and this server's address is not on it";
  if (/(Resource not accessible|must have .*access)/i.test(bodyMessage))
    return "the sync's token has no access to it";
  return bodyMessage
    ? `GitHub said: “${bodyMessage.replace(/\s+/g, " ").slice(0, 200)}”`
    : "GitHub gave no reason";
}

function isRateLimit(e: RequestErrorLike): boolean {
  const headers = e.response?.headers ?? {};
  if (headers["x-ratelimit-remaining"] === "0") return true;
  if (headers["retry-after"] !== undefined) return true;
  const data = e.response?.data as { message?: unknown } | undefined;
  const message = typeof data?.message === "string" ? data.message : (e.message ?? "");
  return /rate limit/i.test(message);
}

export class GitHub {
  readonly stats: GitHubStats = { requests: 0, notModified: 0, rateLimitWaits: [], remaining: null };
  readonly hasToken: boolean;
  private readonly apiHost: string;
  private octokit: InstanceType<typeof ThrottledOctokit>;

  constructor(options: GitHubOptions = {}) {
    const e = env();
    const token = options.token ?? e.GITHUB_TOKEN;
    this.hasToken = Boolean(token);
    const timeScale = options.timeScale ?? 1000;
    const timeoutMs = options.timeoutMs ?? 20_000;
    const maxWait = options.maxRateLimitWaitSeconds ?? 15 * 60;
    const stats = this.stats;
    const baseUrl = (options.baseUrl ?? e.GITHUB_API_URL).replace(/\/$/, "");
    this.apiHost = new URL(baseUrl).host;
    // Redirects (a renamed repository answers 301) are followed here, one counted
    // request per hop, so the sync's figures are what went on the wire.
    const countingFetch: typeof fetch = async (input, init) => {
      const signal = init?.signal ?? AbortSignal.timeout(timeoutMs);
      let response: Response;
      try {
        let url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
        for (let hop = 0; ; hop++) {
          stats.requests += 1;
          response = await fetch(url, { ...init, signal, redirect: "manual" });
          const location = response.headers.get("location");
          if (![301, 302, 307, 308].includes(response.status) || !location || hop >= 5) break;
          url = new URL(location, url).href;
        }
        if (response.url !== url) Object.defineProperty(response, "url", { value: url });
      } catch (error) {
        // A timeout becomes a network error, which the retry plugin retries like a 5xx.
        if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
          throw new TypeError("fetch failed", {
            cause: new Error(`GitHub did not answer within ${timeoutMs} ms`),
          });
        }
        throw error;
      }
      if (response.status === 304) stats.notModified += 1;
      const remaining = response.headers.get("x-ratelimit-remaining");
      if (remaining !== null) stats.remaining = Number(remaining);
      return response;
    };
    this.octokit = new ThrottledOctokit({
      baseUrl,
      auth: token,
      userAgent: "cohort-platform",
      request: { fetch: countingFetch },
      log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
      throttle: {
        retryAfterBaseValue: timeScale,
        // Primary limit: wait for the reset (unless absurdly far), then resume.
        onRateLimit: (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) => {
          stats.rateLimitWaits.push(retryAfter);
          return retryCount < 2 && retryAfter <= maxWait;
        },
        // Secondary limit: GitHub says how long in retry-after.
        onSecondaryRateLimit: (
          retryAfter: number,
          _options: unknown,
          _octokit: unknown,
          retryCount: number,
        ) => {
          stats.rateLimitWaits.push(retryAfter);
          return retryCount < 3;
        },
      },
      // 403/429 belong to the throttling plugin; 304 is an answer, not a failure.
      retry: {
        retryAfterBaseValue: timeScale,
        doNotRetry: [304, 400, 401, 403, 404, 410, 422, 429, 451],
        retries: options.retries ?? 3,
      },
    });
  }

  private translate(error: unknown, what: string, repository?: string, repositoryLevel = false): never {
    if (error instanceof GitHubError) throw error;
    const e = error as RequestErrorLike;
    const status = e.status;
    if (status === 404) {
      throw new GitHubError(
        "not_found",
        repositoryLevel && repository
          ? `GitHub has no repository ${repository}, or it is private.`
          : `GitHub has no ${what} there, or it is private.`,
        404,
      );
    }
    if (status === 410 && repositoryLevel && repository)
      throw new GitHubError("not_found", `GitHub says repository ${repository} is gone (410).`, 410);
    if (status === 401)
      throw new GitHubError(
        "unauthorized",
        "GitHub refused this server's access token (401): whoever runs the server should check or renew it.",
        401,
      );
    if (status === 403 && !isRateLimit(e)) {
      const data = e.response?.data as { message?: unknown } | undefined;
      const reason = forbiddenReason(typeof data?.message === "string" ? data.message : "");
      throw new GitHubError(
        "forbidden",
        `GitHub refused access to ${repository ?? what}: ${reason}. Its issues and pull requests were not synced; the other repositories were.`,
        403,
      );
    }
    if (status === 403 || status === 429) {
      throw new GitHubError(
        "rate_limited",
        `GitHub's rate limit stopped us while reading ${what}; the next sync resumes.`,
        status,
      );
    }
    // Octokit reports a request that never got an answer (DNS, refused, timeout) as
    // a 500 without a response: say "could not be reached", not "GitHub failed".
    if (!e.response) {
      console.warn(`GitHub (${this.apiHost}) unreachable while reading ${what}: ${e.message ?? "no answer"}`);
      throw new GitHubError(
        "unreachable",
        `GitHub (${this.apiHost}) could not be reached while reading ${what}: ${unreachableReason(e.message)}. Nothing was changed; try again in a few minutes.`,
      );
    }
    throw new GitHubError(
      "failed",
      `GitHub answered ${status} while reading ${what}. Nothing was changed; try again in a few minutes.`,
      status,
    );
  }

  private async get(
    url: string,
    params: Record<string, unknown>,
    etag: string | null | undefined,
    what: string,
    repositoryLevel = false,
  ) {
    const repository =
      typeof params.owner === "string" && typeof params.repo === "string"
        ? `${params.owner}/${params.repo}`
        : undefined;
    try {
      const response = await this.octokit.request(url, {
        ...params,
        headers: etag ? { "if-none-match": etag } : {},
      });
      return {
        notModified: false as const,
        data: response.data as unknown,
        headers: response.headers as Record<string, string | undefined>,
      };
    } catch (error) {
      if ((error as RequestErrorLike).status === 304) return { notModified: true as const };
      this.translate(error, what, repository, repositoryLevel);
    }
  }

  /**
   * Issues carrying `label`, newest activity first, every page (or page 1 only),
   * pull requests left out. Open ones by default; the closed listing's first page
   * tells which issues were closed lately, wherever they stood in the open listing.
   * The ETag of the first page makes an unchanged listing free.
   */
  async listStarterIssues(
    owner: string,
    repo: string,
    labelName: string,
    etag?: string | null,
    options: { state?: "open" | "closed"; firstPageOnly?: boolean } = {},
  ): Promise<Conditional<IssueSnapshot[]> & { issuesOff?: boolean; pages?: number }> {
    const what = `the "${labelName}" issues of ${owner}/${repo}`;
    let first: Awaited<ReturnType<GitHub["get"]>>;
    try {
      first = await this.get(
        "GET /repos/{owner}/{repo}/issues",
        {
          owner,
          repo,
          labels: labelName,
          state: options.state ?? "open",
          sort: "updated",
          direction: "desc",
          per_page: 100,
        },
        etag,
        what,
        true,
      );
    } catch (error) {
      // 410 Gone: the repository has issues switched off (django/django uses Trac).
      if (error instanceof GitHubError && error.status === 410)
        return { notModified: false, value: [], etag: null, issuesOff: true };
      throw error;
    }
    if (first.notModified) return { notModified: true };
    const issues: IssueSnapshot[] = [];
    let page: { data: unknown; headers: Record<string, string | undefined> } = first;
    let pages = 1;
    for (; ; pages++) {
      const parsed = z.array(issueSchema).safeParse(page.data);
      if (!parsed.success)
        throw new GitHubError("malformed", `GitHub sent a listing we could not read for ${what}.`);
      for (const raw of parsed.data)
        if (raw.pull_request === undefined) issues.push(issueFromApi(owner, repo, raw));
      const next = nextLink(page.headers.link);
      if (!next || pages >= 50 || options.firstPageOnly) break;
      const answer = await this.get(`GET ${next}`, {}, null, what);
      if (answer.notModified) break;
      page = answer;
    }
    return { notModified: false, value: issues, etag: first.headers.etag ?? null, pages };
  }

  /** One unconditional GET, errors translated; for the small readers outside this class. */
  async request(url: string, params: Record<string, unknown>, what: string): Promise<unknown> {
    const answer = await this.get(url, params, null, what);
    if (answer.notModified)
      throw new GitHubError("failed", `GitHub answered 304 to an unconditional request for ${what}.`, 304);
    return answer.data;
  }

  async getIssue(
    owner: string,
    repo: string,
    number: number,
    etag?: string | null,
  ): Promise<Conditional<IssueSnapshot & { isPullRequest: boolean }>> {
    const answer = await this.get(
      "GET /repos/{owner}/{repo}/issues/{issue_number}",
      { owner, repo, issue_number: number },
      etag,
      `issue #${number} of ${owner}/${repo}`,
    );
    if (answer.notModified) return { notModified: true };
    const parsed = issueSchema.safeParse(answer.data);
    if (!parsed.success)
      throw new GitHubError(
        "malformed",
        `GitHub sent an issue we could not read (${owner}/${repo}#${number}).`,
      );
    return {
      notModified: false,
      value: {
        ...issueFromApi(owner, repo, parsed.data),
        isPullRequest: parsed.data.pull_request !== undefined && parsed.data.pull_request !== null,
      },
      etag: answer.headers.etag ?? null,
    };
  }

  async getPull(
    owner: string,
    repo: string,
    number: number,
    etag?: string | null,
  ): Promise<Conditional<PullSnapshot>> {
    const answer = await this.get(
      "GET /repos/{owner}/{repo}/pulls/{pull_number}",
      { owner, repo, pull_number: number },
      etag,
      `pull request #${number} of ${owner}/${repo}`,
    );
    if (answer.notModified) return { notModified: true };
    return {
      notModified: false,
      value: pullFromApi(owner, repo, answer.data),
      etag: answer.headers.etag ?? null,
    };
  }

  /**
   * The repository's pull requests, most recently updated first
   * (`GET /repos/{o}/{r}/pulls?state=all&sort=updated&direction=desc`), page 1
   * conditional on its ETag, later pages only down to `since` (the newest updated_at
   * seen last time). A base-branch move or a CI flip changes no item of this listing
   * (it has no mergeable fields), so it stays a free 304. Without `since`, page 1 only.
   */
  async listPullsByUpdate(
    owner: string,
    repo: string,
    etag: string | null | undefined,
    since: Date | null,
  ): Promise<Conditional<PullListing>> {
    const what = `the pull requests of ${owner}/${repo}`;
    const first = await this.get(
      "GET /repos/{owner}/{repo}/pulls",
      { owner, repo, state: "all", sort: "updated", direction: "desc", per_page: 100 },
      etag,
      what,
      true,
    );
    if (first.notModified) return { notModified: true };
    const items: PullListing["items"] = [];
    let canonical: PullListing["canonical"] = null;
    let page: { data: unknown; headers: Record<string, string | undefined> } = first;
    for (let pages = 1; ; pages++) {
      const parsed = z.array(pullListItemSchema).safeParse(page.data);
      if (!parsed.success)
        throw new GitHubError("malformed", `GitHub sent ${what} in a form we could not read.`);
      let reachedKnown = false;
      for (const raw of parsed.data) {
        const updatedAt = new Date(raw.updated_at);
        canonical ??= raw.base?.repo ? { owner: raw.base.repo.owner.login, name: raw.base.repo.name } : null;
        items.push({ number: raw.number, updatedAt });
        if (since && updatedAt.getTime() <= since.getTime()) reachedKnown = true;
      }
      const next = nextLink(page.headers.link);
      if (!since || reachedKnown || !next || pages >= 20) break;
      const answer = await this.get(`GET ${next}`, {}, null, what);
      if (answer.notModified) break;
      page = answer;
    }
    const newest = items.reduce<Date | null>(
      (max, i) => (!max || i.updatedAt > max ? i.updatedAt : max),
      null,
    );
    return { notModified: false, value: { items, newest, canonical }, etag: first.headers.etag ?? null };
  }

  /**
   * Every review, 100 a page through the Link header (a busy PR has more than 100).
   * The ETag is kept only for a single-page answer: later reviews land on later
   * pages, which the first page's ETag does not cover.
   */
  async listReviews(
    owner: string,
    repo: string,
    number: number,
    etag?: string | null,
    authorLogin?: string,
  ): Promise<Conditional<ReviewSummary>> {
    const what = `the reviews of ${owner}/${repo}#${number}`;
    const first = await this.get(
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews",
      { owner, repo, pull_number: number, per_page: 100 },
      etag,
      what,
    );
    if (first.notModified) return { notModified: true };
    const reviews: z.infer<typeof reviewSchema>[] = [];
    let page: { data: unknown; headers: Record<string, string | undefined> } = first;
    let pages = 1;
    for (; ; pages++) {
      const parsed = z.array(reviewSchema).safeParse(page.data);
      if (!parsed.success)
        throw new GitHubError("malformed", `GitHub sent ${what} in a form we could not read.`);
      reviews.push(...parsed.data);
      const next = nextLink(page.headers.link);
      if (!next || pages >= 30) break;
      const answer = await this.get(`GET ${next}`, {}, null, what);
      if (answer.notModified) break;
      page = answer;
    }
    const summary = summarizeReviews(
      reviews.map((r) => ({
        login: r.user?.login ?? "ghost",
        state: r.state,
        submittedAt: r.submitted_at ? new Date(r.submitted_at) : null,
        association: r.author_association,
      })),
      authorLogin,
    );
    return { notModified: false, value: summary, etag: pages === 1 ? (first.headers.etag ?? null) : null };
  }

  /**
   * When a maintainer (not the author) first commented on the pull request's
   * conversation: comments come oldest first, 100 a page, read only until one is found.
   */
  async firstMaintainerComment(
    owner: string,
    repo: string,
    number: number,
    authorLogin: string,
  ): Promise<Date | null> {
    const what = `the comments of ${owner}/${repo}#${number}`;
    let answer = await this.get(
      "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
      { owner, repo, issue_number: number, per_page: 100 },
      null,
      what,
    );
    for (let pages = 1; !answer.notModified; pages++) {
      const parsed = z.array(commentSchema).safeParse(answer.data);
      if (!parsed.success)
        throw new GitHubError("malformed", `GitHub sent ${what} in a form we could not read.`);
      const first = parsed.data.find((c) =>
        isMaintainer(c.author_association, c.user?.login ?? "", authorLogin),
      );
      if (first) return new Date(first.created_at);
      const next = nextLink(answer.headers.link);
      if (!next || pages >= 10) break;
      answer = await this.get(`GET ${next}`, {}, null, what);
    }
    return null;
  }
}

// ─── search (alumni outcomes, issue 14) ────────────────────────────────────────

const searchItemSchema = z.object({
  number: z.number().int(),
  title: z.string(),
  html_url: z.string().url(),
  repository_url: z.string().url(),
  created_at: z.string(),
  updated_at: z.string(),
  closed_at: z.string().nullish(),
  user: z.object({ login: z.string() }).nullish(),
  pull_request: z.object({ merged_at: z.string().nullish() }).passthrough().nullish(),
});
const searchSchema = z.object({
  total_count: z.number().int(),
  incomplete_results: z.boolean().optional(),
  items: z.array(searchItemSchema),
});

export type SearchHit = {
  /** owner/name as GitHub reports it now (after any rename or transfer) */
  repository: string;
  number: number;
  title: string;
  url: string;
  authorLogin: string;
  isPull: boolean;
  createdAt: Date;
  updatedAt: Date;
  mergedAt: Date | null;
};

export type SearchPage = { hits: SearchHit[]; total: number; incomplete: boolean };

/**
 * Issues and pull requests matching a search query (GET /search/issues), up to
 * `maxPages` pages of 100. The search API allows 30 requests a minute and 1,000
 * results per query; the caller paces itself (app/outcomes/follow.server.ts).
 */
export async function searchIssues(github: GitHub, query: string, maxPages = 3): Promise<SearchPage> {
  const hits: SearchHit[] = [];
  let total = 0;
  let incomplete = false;
  for (let page = 1; page <= maxPages; page++) {
    const answer = await github.request(
      "GET /search/issues",
      { q: query, per_page: 100, page, advanced_search: "true" },
      `the search “${query}”`,
    );
    const parsed = searchSchema.safeParse(answer);
    if (!parsed.success)
      throw new GitHubError(
        "malformed",
        `GitHub sent search results we could not read (${parsed.error.issues[0]?.path.join(".")}).`,
      );
    total = parsed.data.total_count;
    incomplete ||= Boolean(parsed.data.incomplete_results);
    for (const item of parsed.data.items) {
      const repository = new URL(item.repository_url).pathname.replace(/^\/repos\//, "").replace(/\/$/, "");
      hits.push({
        repository,
        number: item.number,
        title: item.title,
        url: item.html_url,
        authorLogin: item.user?.login ?? "ghost",
        isPull: item.pull_request != null,
        createdAt: new Date(item.created_at),
        updatedAt: new Date(item.updated_at),
        mergedAt: item.pull_request?.merged_at ? new Date(item.pull_request.merged_at) : null,
      });
    }
    if (parsed.data.items.length < 100 || hits.length >= total) break;
  }
  return { hits, total, incomplete };
}

export function createGitHub(options: GitHubOptions = {}): GitHub {
  return new GitHub(options);
}

/** Without a token GitHub allows 60 requests an hour per IP address. */
export function githubTokenWarning(): string | null {
  return env().GITHUB_TOKEN
    ? null
    : "This server has no GitHub access token set up: GitHub allows only 60 requests an hour without one, so a sync of more than a few repositories and pull requests will stop at the limit and resume an hour later. Whoever runs the server can add one.";
}

/** Errors after which a sync stops instead of asking GitHub again for every other item. */
export function stopsTheSync(error: unknown): error is GitHubError {
  return error instanceof GitHubError && (error.kind === "rate_limited" || error.kind === "unreachable");
}
