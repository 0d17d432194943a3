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
export type GitHubErrorKind = "not_found" | "rate_limited" | "malformed" | "failed" | "unauthorized" | "unreachable";

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

const label = z.union([z.string(), z.object({ name: z.string().nullish() })]);
const issueSchema = z.object({
  number: z.number().int(),
  title: z.string(),
  html_url: z.string().url(),
  state: z.enum(["open", "closed"]),
  labels: z.array(label).default([]),
  updated_at: z.string(),
  pull_request: z.unknown().optional(),
});
const pullSchema = z.object({
  number: z.number().int(),
  html_url: z.string().url(),
  title: z.string(),
  body: z.string().nullish(),
  user: z.object({ login: z.string() }).nullish(),
  state: z.enum(["open", "closed"]),
  draft: z.boolean().nullish(),
  merged: z.boolean().nullish(),
  merged_at: z.string().nullish(),
  closed_at: z.string().nullish(),
  created_at: z.string(),
  updated_at: z.string(),
  additions: z.number().int().nonnegative(),
  deletions: z.number().int().nonnegative(),
  changed_files: z.number().int().nonnegative(),
  base: z.object({ repo: z.object({ name: z.string(), owner: z.object({ login: z.string() }) }) }).optional(),
});
const reviewSchema = z.object({
  user: z.object({ login: z.string() }).nullish(),
  state: z.string(),
  submitted_at: z.string().nullish(),
});

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
};

export type ReviewSummary = { reviewCount: number; reviewState: ReviewState; lastReviewAt: Date | null };

export type Conditional<T> = { notModified: true } | { notModified: false; value: T; etag: string | null };

function labelNames(labels: z.infer<typeof label>[]): string[] {
  return labels.map((l) => (typeof l === "string" ? l : l.name ?? "")).filter(Boolean);
}

export function issueFromApi(owner: string, repo: string, raw: z.infer<typeof issueSchema>): IssueSnapshot {
  return {
    owner,
    repo,
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
  if (!parsed.success) throw new GitHubError("malformed", `GitHub sent a pull request we could not read (${parsed.error.issues[0]?.path.join(".")}).`);
  const raw = parsed.data;
  const merged = Boolean(raw.merged || raw.merged_at);
  return {
    owner,
    repo,
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
  };
}

/**
 * Each reviewer's latest decisive review counts (GitHub's own rule): any
 * outstanding "changes requested" wins, then "approved", then plain comments.
 */
export function summarizeReviews(reviews: { login: string; state: string; submittedAt: Date | null }[]): ReviewSummary {
  const submitted = reviews.filter((r) => r.state !== "PENDING");
  const latest = new Map<string, string>();
  for (const r of submitted) {
    if (r.state === "COMMENTED" && latest.has(r.login)) continue;
    latest.set(r.login, r.state);
  }
  const states = [...latest.values()];
  const reviewState: ReviewState = states.includes("CHANGES_REQUESTED")
    ? "changes_requested"
    : states.includes("APPROVED")
      ? "approved"
      : states.length > 0
        ? "commented"
        : "none";
  const times = submitted.map((r) => r.submittedAt?.getTime() ?? 0).filter((t) => t > 0);
  return { reviewCount: submitted.length, reviewState, lastReviewAt: times.length ? new Date(Math.max(...times)) : null };
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

type RequestErrorLike = { status?: number; message?: string; response?: { headers?: Record<string, string> } };

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
    const countingFetch: typeof fetch = async (input, init) => {
      stats.requests += 1;
      const signal = init?.signal ?? AbortSignal.timeout(timeoutMs);
      let response: Response;
      try {
        response = await fetch(input, { ...init, signal });
      } catch (error) {
        // A timeout becomes a network error, which the retry plugin retries like a 5xx.
        if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
          throw new TypeError("fetch failed", { cause: new Error(`GitHub did not answer within ${timeoutMs} ms`) });
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
        onSecondaryRateLimit: (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) => {
          stats.rateLimitWaits.push(retryAfter);
          return retryCount < 3;
        },
      },
      // 403/429 belong to the throttling plugin; 304 is an answer, not a failure.
      retry: { retryAfterBaseValue: timeScale, doNotRetry: [304, 400, 401, 403, 404, 410, 422, 429, 451], retries: options.retries ?? 3 },
    });
  }

  private translate(error: unknown, what: string): never {
    if (error instanceof GitHubError) throw error;
    const e = error as RequestErrorLike;
    const status = e.status;
    if (status === 404) throw new GitHubError("not_found", `GitHub has no ${what} there, or it is private.`, 404);
    if (status === 401) throw new GitHubError("unauthorized", "GitHub refused the token (401): check GITHUB_TOKEN.", 401);
    if (status === 403 || status === 429) {
      throw new GitHubError("rate_limited", `GitHub's rate limit stopped us while reading ${what}; the next sync resumes.`, status);
    }
    // Octokit reports a request that never got an answer (DNS, refused, timeout) as
    // a 500 without a response: say "could not be reached", not "GitHub failed".
    if (!e.response) {
      console.warn(`GitHub (${this.apiHost}) unreachable while reading ${what}: ${e.message ?? "no answer"}`);
      throw new GitHubError("unreachable", `GitHub (${this.apiHost}) could not be reached while reading ${what}: ${unreachableReason(e.message)}. Nothing was changed; try again in a few minutes.`);
    }
    throw new GitHubError("failed", `GitHub answered ${status} while reading ${what}. Nothing was changed; try again in a few minutes.`, status);
  }

  private async get(url: string, params: Record<string, unknown>, etag: string | null | undefined, what: string) {
    try {
      const response = await this.octokit.request(url, {
        ...params,
        headers: etag ? { "if-none-match": etag } : {},
      });
      return { notModified: false as const, data: response.data as unknown, headers: response.headers as Record<string, string | undefined> };
    } catch (error) {
      if ((error as RequestErrorLike).status === 304) return { notModified: true as const };
      this.translate(error, what);
    }
  }

  /**
   * Open issues carrying `label`, newest activity first, every page, pull requests
   * left out. The ETag of the first page makes an unchanged listing free.
   */
  async listStarterIssues(owner: string, repo: string, labelName: string, etag?: string | null): Promise<Conditional<IssueSnapshot[]>> {
    const what = `the "${labelName}" issues of ${owner}/${repo}`;
    let first: Awaited<ReturnType<GitHub["get"]>>;
    try {
      first = await this.get(
        "GET /repos/{owner}/{repo}/issues",
        { owner, repo, labels: labelName, state: "open", sort: "updated", direction: "desc", per_page: 100 },
        etag,
        what,
      );
    } catch (error) {
      // 410 Gone: the repository has issues switched off (django/django uses Trac).
      if (error instanceof GitHubError && error.status === 410) return { notModified: false, value: [], etag: null };
      throw error;
    }
    if (first.notModified) return { notModified: true };
    const issues: IssueSnapshot[] = [];
    let page: { data: unknown; headers: Record<string, string | undefined> } = first;
    for (let pages = 1; ; pages++) {
      const parsed = z.array(issueSchema).safeParse(page.data);
      if (!parsed.success) throw new GitHubError("malformed", `GitHub sent a listing we could not read for ${what}.`);
      for (const raw of parsed.data) if (raw.pull_request === undefined) issues.push(issueFromApi(owner, repo, raw));
      const next = nextLink(page.headers.link);
      if (!next || pages >= 50) break;
      const answer = await this.get(`GET ${next}`, {}, null, what);
      if (answer.notModified) break;
      page = answer;
    }
    return { notModified: false, value: issues, etag: first.headers.etag ?? null };
  }

  /** One unconditional GET, errors translated; for the small readers outside this class. */
  async request(url: string, params: Record<string, unknown>, what: string): Promise<unknown> {
    const answer = await this.get(url, params, null, what);
    if (answer.notModified) throw new GitHubError("failed", `GitHub answered 304 to an unconditional request for ${what}.`, 304);
    return answer.data;
  }

  async getIssue(owner: string, repo: string, number: number, etag?: string | null): Promise<Conditional<IssueSnapshot & { isPullRequest: boolean }>> {
    const answer = await this.get("GET /repos/{owner}/{repo}/issues/{issue_number}", { owner, repo, issue_number: number }, etag, `issue #${number} of ${owner}/${repo}`);
    if (answer.notModified) return { notModified: true };
    const parsed = issueSchema.safeParse(answer.data);
    if (!parsed.success) throw new GitHubError("malformed", `GitHub sent an issue we could not read (${owner}/${repo}#${number}).`);
    return {
      notModified: false,
      value: { ...issueFromApi(owner, repo, parsed.data), isPullRequest: parsed.data.pull_request !== undefined && parsed.data.pull_request !== null },
      etag: answer.headers.etag ?? null,
    };
  }

  async getPull(owner: string, repo: string, number: number, etag?: string | null): Promise<Conditional<PullSnapshot>> {
    const answer = await this.get("GET /repos/{owner}/{repo}/pulls/{pull_number}", { owner, repo, pull_number: number }, etag, `pull request #${number} of ${owner}/${repo}`);
    if (answer.notModified) return { notModified: true };
    return { notModified: false, value: pullFromApi(owner, repo, answer.data), etag: answer.headers.etag ?? null };
  }

  async listReviews(owner: string, repo: string, number: number, etag?: string | null): Promise<Conditional<ReviewSummary>> {
    const what = `the reviews of ${owner}/${repo}#${number}`;
    const answer = await this.get("GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews", { owner, repo, pull_number: number, per_page: 100 }, etag, what);
    if (answer.notModified) return { notModified: true };
    const parsed = z.array(reviewSchema).safeParse(answer.data);
    if (!parsed.success) throw new GitHubError("malformed", `GitHub sent ${what} in a form we could not read.`);
    const summary = summarizeReviews(
      parsed.data.map((r) => ({ login: r.user?.login ?? "ghost", state: r.state, submittedAt: r.submitted_at ? new Date(r.submitted_at) : null })),
    );
    return { notModified: false, value: summary, etag: answer.headers.etag ?? null };
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
const searchSchema = z.object({ total_count: z.number().int(), incomplete_results: z.boolean().optional(), items: z.array(searchItemSchema) });

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
    const answer = await github.request("GET /search/issues", { q: query, per_page: 100, page, advanced_search: "true" }, `the search “${query}”`);
    const parsed = searchSchema.safeParse(answer);
    if (!parsed.success) throw new GitHubError("malformed", `GitHub sent search results we could not read (${parsed.error.issues[0]?.path.join(".")}).`);
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
    : "No GITHUB_TOKEN is configured: GitHub allows only 60 requests an hour without one, so a sync of more than a few repositories and pull requests will stop at the limit and resume an hour later.";
}

/** Errors after which a sync stops instead of asking GitHub again for every other item. */
export function stopsTheSync(error: unknown): error is GitHubError {
  return error instanceof GitHubError && (error.kind === "rate_limited" || error.kind === "unreachable");
}
