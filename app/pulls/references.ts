// Reading addresses and references people paste: issue, ticket and pull-request
// URLs, and the "Fixes #123" / "Fixed #35678 --" lines in pull requests. Pure.

export type IssueRef =
  { source: "github"; owner: string; repo: string; number: number } | { source: "trac"; number: number };

export type ParsedIssueUrl = { ok: true; ref: IssueRef; host: string } | { ok: false; error: string };

export type ParsedPullUrl =
  { ok: true; owner: string; repo: string; number: number } | { ok: false; error: string };

const NAME = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";
const REPO = "[A-Za-z0-9._-]+";

function toUrl(text: string): URL | null {
  try {
    const url = new URL(text.trim());
    return url.protocol === "https:" || url.protocol === "http:" ? url : null;
  } catch {
    return null;
  }
}

/**
 * A GitHub issue (https://<github>/<owner>/<repo>/issues/<n>) or a Trac ticket
 * (https://<trac>/ticket/<n>). `githubWeb` lets GitHub Enterprise hosts through.
 */
export function parseIssueUrl(text: string, githubWeb = "https://github.com"): ParsedIssueUrl {
  const url = toUrl(text);
  if (!url)
    return { ok: false, error: "That is not a web address. Paste the full address, starting with https://." };
  const githubHost = new URL(githubWeb).host;
  const path = url.pathname.replace(/\/+$/, "");
  const trac = path.match(/^(?:\/.*)?\/ticket\/(\d+)$/);
  if (trac && url.host !== githubHost)
    return { ok: true, ref: { source: "trac", number: Number(trac[1]) }, host: url.origin };
  if (url.host === githubHost || url.host === "www.github.com") {
    const gh = path.match(new RegExp(`^/(${NAME})/(${REPO})/(issues|pull)/(\\d+)$`));
    if (gh && gh[3] === "pull")
      return {
        ok: false,
        error:
          "That is a pull request. Add the issue it fixes here, and link the pull request on the pull requests page.",
      };
    if (gh)
      return {
        ok: true,
        ref: { source: "github", owner: gh[1], repo: gh[2], number: Number(gh[4]) },
        host: url.origin,
      };
    return {
      ok: false,
      error:
        "That GitHub address is not an issue. It should look like https://github.com/owner/repo/issues/123.",
    };
  }
  return {
    ok: false,
    error: "We can add GitHub issues (…/owner/repo/issues/123) and Trac tickets (…/ticket/12345) only.",
  };
}

export function parsePullUrl(text: string, githubWeb = "https://github.com"): ParsedPullUrl {
  const url = toUrl(text);
  if (!url)
    return {
      ok: false,
      error: "That is not a web address. Paste the pull request's address, starting with https://.",
    };
  const githubHost = new URL(githubWeb).host;
  if (url.host !== githubHost && url.host !== "www.github.com") {
    return {
      ok: false,
      error: `Pull requests must be on ${githubHost}: https://${githubHost}/owner/repo/pull/123.`,
    };
  }
  // Allow the tabs GitHub adds: /pull/12/files, /pull/12/commits.
  const match = url.pathname.match(
    new RegExp(`^/(${NAME})/(${REPO})/pull/(\\d+)(?:/(?:files|commits|checks)?)?/?$`),
  );
  if (!match)
    return {
      ok: false,
      error:
        "That is not a pull request address. It should look like https://github.com/owner/repo/pull/123.",
    };
  return { ok: true, owner: match[1], repo: match[2], number: Number(match[3]) };
}

export type Reference =
  | { kind: "github"; owner: string | null; repo: string | null; number: number; keyword: string }
  | { kind: "trac"; number: number; keyword: string };

const GITHUB_KEYWORDS =
  "close|closes|closed|fix|fixes|fixed|resolve|resolves|resolved|refs?|references|see|addresses|for";
const TRAC_KEYWORDS = /^(close[sd]?|fix(e[sd])?|resolve[sd]?|refs?|references)$/;

/**
 * References in a pull request's title or body:
 * - GitHub closing keywords: `Fixes #123`, `closes owner/repo#123`, and full issue URLs;
 * - Django's commit style for Trac: `Fixed #35678 -- …`, `Refs #35678 -- …`, the
 *   pull request template's `ticket-35678`, and ticket URLs (…/ticket/35678).
 * A bare `#123` after a closing keyword or "Refs" is ambiguous (GitHub issue or
 * Trac ticket); both readings are returned and the caller matches whichever it
 * tracks (only the participant's own claims are candidates).
 */
export function findReferences(text: string): Reference[] {
  const refs: Reference[] = [];
  const seen = new Set<string>();
  const add = (ref: Reference) => {
    const key =
      ref.kind === "trac" ? `t${ref.number}` : `g${ref.owner ?? ""}/${ref.repo ?? ""}#${ref.number}`;
    if (!seen.has(key)) {
      seen.add(key);
      refs.push(ref);
    }
  };
  const keyword = new RegExp(
    `\\b(${GITHUB_KEYWORDS})\\b:?\\s+(?:(${NAME})/(${REPO}))?#(\\d+)(\\s*--)?`,
    "gi",
  );
  for (const m of text.matchAll(keyword)) {
    const word = m[1].toLowerCase();
    const number = Number(m[4]);
    if (m[2]) {
      add({ kind: "github", owner: m[2], repo: m[3], number, keyword: word });
      continue;
    }
    add({ kind: "github", owner: null, repo: null, number, keyword: word });
    // Django's "Fixed #N --" / "Refs #N --" name Trac tickets; so may any closing
    // keyword in a repository whose issues live on Trac (django/django has GitHub
    // issues switched off, so "Fixes #35678" there can only mean the ticket).
    if (TRAC_KEYWORDS.test(word) || m[5]) add({ kind: "trac", number, keyword: word });
  }
  // Django's pull request template asks for "ticket-35678"; "ticket #35678" is common too.
  for (const m of text.matchAll(/\bticket[-\s]#?(\d+)\b/gi))
    add({ kind: "trac", number: Number(m[1]), keyword: "ticket" });
  for (const m of text.matchAll(new RegExp(`https?://[^\\s/]+/(${NAME})/(${REPO})/issues/(\\d+)`, "g"))) {
    add({ kind: "github", owner: m[1], repo: m[2], number: Number(m[3]), keyword: "url" });
  }
  for (const m of text.matchAll(/https?:\/\/[^\s]+\/ticket\/(\d+)/g))
    add({ kind: "trac", number: Number(m[1]), keyword: "url" });
  return refs;
}

/** Does `refs` (found in a PR of owner/repo) point at this starter issue? */
export function referencesIssue(
  refs: Reference[],
  pr: { owner: string; repo: string },
  issue: { source: string; externalKey: string },
): boolean {
  if (issue.source === "trac")
    return refs.some((r) => r.kind === "trac" && String(r.number) === issue.externalKey);
  const [repoPart, numberPart] = issue.externalKey.split("#");
  const [owner, repo] = repoPart.split("/");
  return refs.some(
    (r) =>
      r.kind === "github" &&
      String(r.number) === numberPart &&
      (r.owner === null
        ? pr.owner.toLowerCase() === owner.toLowerCase() && pr.repo.toLowerCase() === repo.toLowerCase()
        : r.owner.toLowerCase() === owner.toLowerCase() &&
          (r.repo ?? "").toLowerCase() === repo.toLowerCase()),
  );
}

export function githubIssueKey(owner: string, repo: string, number: number): string {
  return `${owner}/${repo}#${number}`;
}
