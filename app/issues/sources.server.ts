// Starter issues from their sources: GitHub labels per repository and a project's
// Trac query. Each refresh stores only what was read completely and correctly;
// issues that left the source are marked closed upstream, never deleted (claims,
// curations and linked pull requests point at them).
import {
  createGitHub,
  GitHubError,
  stopsTheSync,
  type GitHub,
  type IssueSnapshot,
} from "~/integrations/github.server";
import { createTrac, TracError, type Trac, type TracTicket } from "~/integrations/trac.server";
import { db } from "~/utils/db.server";
import { DAY_MS } from "~/utils/time";
import { githubIssueKey } from "~/pulls/references";
import { markUnavailable, renameRepository, repositoryKey } from "./repositories.server";

export type RefreshTally = { changes: number; errors: string[] };

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function starterLabelsOf(project: { starterLabels: string }): string[] {
  const labels = parseJson<unknown>(project.starterLabels, []);
  return Array.isArray(labels)
    ? labels.filter((l): l is string => typeof l === "string" && l.trim() !== "")
    : [];
}

/** Creates or updates one GitHub starter issue; true when something changed. */
export async function upsertGitHubIssue(
  projectId: string,
  issue: IssueSnapshot,
  now: Date,
  etag?: string | null,
): Promise<boolean> {
  const externalKey = githubIssueKey(issue.owner, issue.repo, issue.number);
  const existing = await db.starterIssue.findUnique({
    where: { source_externalKey: { source: "github", externalKey } },
  });
  const data = {
    title: issue.title,
    url: issue.url,
    state: issue.state,
    labels: JSON.stringify(issue.labels),
    upstreamUpdatedAt: issue.updatedAt,
    lastSyncedAt: now,
    ...(etag !== undefined ? { etag } : {}),
  };
  if (!existing) {
    await db.starterIssue.create({ data: { projectId, source: "github", externalKey, ...data } });
    return true;
  }
  const changed =
    existing.title !== issue.title ||
    existing.state !== issue.state ||
    existing.labels !== data.labels ||
    existing.upstreamUpdatedAt?.getTime() !== issue.updatedAt.getTime();
  await db.starterIssue.update({ where: { id: existing.id }, data });
  return changed;
}

export async function upsertTracTicket(projectId: string, ticket: TracTicket, now: Date): Promise<boolean> {
  const externalKey = String(ticket.number);
  const existing = await db.starterIssue.findUnique({
    where: { source_externalKey: { source: "trac", externalKey } },
  });
  const labels = JSON.stringify([ticket.stage, ticket.easy ? "easy pickings" : null].filter(Boolean));
  const data = {
    title: ticket.title,
    url: ticket.url,
    state: ticket.state,
    labels,
    upstreamUpdatedAt: ticket.updatedAt,
    lastSyncedAt: now,
  };
  if (!existing) {
    await db.starterIssue.create({ data: { projectId, source: "trac", externalKey, ...data } });
    return true;
  }
  const changed =
    existing.title !== ticket.title || existing.state !== ticket.state || existing.labels !== labels;
  await db.starterIssue.update({ where: { id: existing.id }, data });
  return changed;
}

const CLOSED_SUFFIX = "\u0000closed";

/**
 * One repository, every starter label: conditional listings, then closures. A
 * listing longer than one page is also watched through the first page of its
 * closed listing: an issue closed on page 2 changes nothing on page 1 of the open
 * listing (its ETag stays the same), but it tops the closed one.
 */
export async function refreshRepository(
  github: GitHub,
  repositoryRow: { id: string; owner: string; name: string; issuesEtags: string; projectId: string },
  labels: string[],
  now: Date,
  tally: RefreshTally,
): Promise<void> {
  const repository = { ...repositoryRow };
  const state = await db.gitHubRepositoryState.findUnique({
    where: { fullName: repositoryKey(repository.owner, repository.name) },
  });
  if (state?.unavailableUntil && state.unavailableUntil > now) return;
  if (state?.issuesOffUntil && state.issuesOffUntil > now) return;
  const etags = parseJson<Record<string, string>>(repository.issuesEtags, {});
  const stillListed = new Set<string>();
  // Labels whose listing answered 304: the issues we hold with them are still listed.
  const unchangedLabels = new Set<string>();
  let anyChangedListing = false;
  for (const label of labels) {
    try {
      const answer = await github.listStarterIssues(repository.owner, repository.name, label, etags[label]);
      if (answer.notModified) {
        unchangedLabels.add(label.toLowerCase());
        if (etags[label + CLOSED_SUFFIX] !== undefined) {
          const closed = await github.listStarterIssues(
            repository.owner,
            repository.name,
            label,
            etags[label + CLOSED_SUFFIX] || null,
            { state: "closed", firstPageOnly: true },
          );
          if (!closed.notModified) {
            for (const issue of closed.value) {
              const held = await db.starterIssue.findUnique({
                where: {
                  source_externalKey: {
                    source: "github",
                    externalKey: githubIssueKey(issue.owner, issue.repo, issue.number),
                  },
                },
                select: { state: true },
              });
              if (held?.state === "open" && (await upsertGitHubIssue(repository.projectId, issue, now)))
                tally.changes += 1;
            }
            etags[label + CLOSED_SUFFIX] = closed.etag ?? "";
          }
        }
        continue;
      }
      if (answer.issuesOff) {
        // Issues switched off (django/django uses Trac): not asked again for a day.
        const fullName = repositoryKey(repository.owner, repository.name);
        const issuesOffUntil = new Date(now.getTime() + DAY_MS);
        await db.gitHubRepositoryState.upsert({
          where: { fullName },
          create: { fullName, issuesOffUntil },
          update: { issuesOffUntil },
        });
        return;
      }
      // GitHub spells the repository its own way (new name after a rename, its case).
      const canonical = answer.value[0];
      if (canonical && (canonical.owner !== repository.owner || canonical.repo !== repository.name)) {
        await renameRepository(
          { owner: repository.owner, name: repository.name },
          { owner: canonical.owner, name: canonical.repo },
        );
        repository.owner = canonical.owner;
        repository.name = canonical.repo;
      }
      anyChangedListing = true;
      for (const issue of answer.value) {
        stillListed.add(githubIssueKey(issue.owner, issue.repo, issue.number));
        if (await upsertGitHubIssue(repository.projectId, issue, now)) tally.changes += 1;
      }
      if (answer.etag) etags[label] = answer.etag;
      if ((answer.pages ?? 1) > 1) {
        // From now on a 304 of this listing is checked against its closed listing.
        const closed = await github.listStarterIssues(
          repository.owner,
          repository.name,
          label,
          etags[label + CLOSED_SUFFIX] || null,
          { state: "closed", firstPageOnly: true },
        );
        if (!closed.notModified) etags[label + CLOSED_SUFFIX] = closed.etag ?? "";
      } else delete etags[label + CLOSED_SUFFIX];
    } catch (error) {
      if (error instanceof GitHubError && (error.kind === "not_found" || error.kind === "forbidden")) {
        // The whole repository: said once, by the sync, for this repository only.
        if (error.kind === "not_found")
          await markUnavailable(repository.owner, repository.name, error.message, now);
        throw error;
      }
      tally.errors.push(error instanceof Error ? error.message : String(error));
      if (stopsTheSync(error)) throw error;
    }
  }
  const current = await db.projectRepository.findUnique({
    where: { owner_name: { owner: repository.owner, name: repository.name } },
    select: { id: true },
  });
  await db.projectRepository.update({
    where: { id: current?.id ?? repository.id },
    data: { issuesEtags: JSON.stringify(etags) },
  });
  if (!anyChangedListing) return;
  // Open issues we hold for this repository that no listing returned: ask each one
  // (conditionally) whether it was closed or merely lost its label.
  const prefix = `${repository.owner}/${repository.name}#`;
  const held = await db.starterIssue.findMany({
    where: {
      source: "github",
      state: "open",
      projectId: repository.projectId,
      externalKey: { startsWith: prefix },
    },
    select: { id: true, externalKey: true, etag: true, labels: true },
  });
  for (const issue of held) {
    if (stillListed.has(issue.externalKey)) continue;
    if (
      parseJson<string[]>(issue.labels, []).some(
        (l) => typeof l === "string" && unchangedLabels.has(l.toLowerCase()),
      )
    )
      continue;
    try {
      const number = Number(issue.externalKey.slice(prefix.length));
      const answer = await github.getIssue(repository.owner, repository.name, number, issue.etag);
      if (answer.notModified) continue;
      if (await upsertGitHubIssue(repository.projectId, answer.value, now, answer.etag)) tally.changes += 1;
    } catch (error) {
      if (error instanceof GitHubError && error.kind === "not_found") {
        // Deleted or made private upstream: no one can work on it any more.
        await db.starterIssue.update({
          where: { id: issue.id },
          data: { state: "closed", lastSyncedAt: now },
        });
        tally.changes += 1;
        continue;
      }
      tally.errors.push(error instanceof Error ? error.message : String(error));
      if (stopsTheSync(error)) throw error;
    }
  }
}

/** A project's Trac query; tickets that left it are checked in one request. */
export async function refreshTrac(
  trac: Trac,
  project: { id: string; tracUrl: string; tracQuery: string | null },
  now: Date,
  tally: RefreshTally,
): Promise<void> {
  const query = project.tracQuery || "status=!closed&stage=Accepted&easy=1";
  let tickets: TracTicket[];
  try {
    tickets = await trac.query(project.tracUrl, query);
  } catch (error) {
    tally.errors.push(`Trac (${project.tracUrl}): ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  const listed = new Set<string>();
  for (const ticket of tickets) {
    listed.add(String(ticket.number));
    if (await upsertTracTicket(project.id, ticket, now)) tally.changes += 1;
  }
  const gone = await db.starterIssue.findMany({
    where: { source: "trac", projectId: project.id, state: "open", externalKey: { notIn: [...listed] } },
    select: { externalKey: true },
  });
  if (gone.length === 0) return;
  try {
    const rechecked = await trac.tickets(
      project.tracUrl,
      gone.map((g) => Number(g.externalKey)).slice(0, 200),
    );
    for (const ticket of rechecked) if (await upsertTracTicket(project.id, ticket, now)) tally.changes += 1;
  } catch (error) {
    tally.errors.push(`Trac (${project.tracUrl}): ${error instanceof Error ? error.message : String(error)}`);
  }
}

const closedUpstream = (title: string, key: string) =>
  `“${title}” (${key}) is closed upstream; add an open issue instead.`;

export type AddIssueResult =
  { ok: true; issueId: string; title: string; created: boolean } | { ok: false; error: string };

/** Adds one issue by its address, for a project of the cohort. */
export async function addIssueFromSource(
  project: {
    id: string;
    name: string;
    tracUrl: string | null;
    repositories: { owner: string; name: string }[];
  },
  ref:
    | { source: "github"; owner: string; repo: string; number: number }
    | { source: "trac"; number: number; host: string },
  now: Date,
  clients: { github?: GitHub; trac?: Trac } = {},
): Promise<AddIssueResult> {
  if (ref.source === "github") {
    const repo = project.repositories.find(
      (r) =>
        r.owner.toLowerCase() === ref.owner.toLowerCase() && r.name.toLowerCase() === ref.repo.toLowerCase(),
    );
    if (!repo) {
      const known = project.repositories.map((r) => `${r.owner}/${r.name}`).join(", ") || "none yet";
      return {
        ok: false,
        error: `${ref.owner}/${ref.repo} is not one of ${project.name}'s repositories (${known}).`,
      };
    }
    try {
      // Someone is waiting on the form: one retry, not the sync's patient three.
      const answer = await (clients.github ?? createGitHub({ retries: 1 })).getIssue(
        repo.owner,
        repo.name,
        ref.number,
      );
      if (answer.notModified) return { ok: false, error: "GitHub did not send the issue; try again." };
      if (answer.value.isPullRequest)
        return {
          ok: false,
          error: `#${ref.number} is a pull request, not an issue. Add the issue it fixes.`,
        };
      const created = !(await db.starterIssue.findUnique({
        where: {
          source_externalKey: {
            source: "github",
            externalKey: githubIssueKey(repo.owner, repo.name, ref.number),
          },
        },
      }));
      if (answer.value.state === "closed") {
        // Kept up to date if it is on the board already, but not added: nobody can start on it.
        if (!created) await upsertGitHubIssue(project.id, answer.value, now, answer.etag);
        return {
          ok: false,
          error: closedUpstream(answer.value.title, `${repo.owner}/${repo.name}#${ref.number}`),
        };
      }
      await upsertGitHubIssue(project.id, answer.value, now, answer.etag);
      const issue = await db.starterIssue.findUniqueOrThrow({
        where: {
          source_externalKey: {
            source: "github",
            externalKey: githubIssueKey(repo.owner, repo.name, ref.number),
          },
        },
      });
      return { ok: true, issueId: issue.id, title: issue.title, created };
    } catch (error) {
      if (error instanceof GitHubError && error.kind === "not_found") {
        return {
          ok: false,
          error: `GitHub has no issue #${ref.number} in ${repo.owner}/${repo.name}, or the repository is private.`,
        };
      }
      if (error instanceof GitHubError && error.status === 410) {
        return {
          ok: false,
          error: `${repo.owner}/${repo.name} has its GitHub issues switched off${project.tracUrl ? `; add its Trac ticket instead (${project.tracUrl.replace(/\/$/, "")}/ticket/…)` : ""}.`,
        };
      }
      return {
        ok: false,
        error: error instanceof Error ? error.message : "GitHub could not be reached; try again.",
      };
    }
  }
  if (!project.tracUrl)
    return { ok: false, error: `${project.name} has no Trac tracker; add one of its GitHub issues instead.` };
  if (new URL(project.tracUrl).origin !== ref.host) {
    return { ok: false, error: `That ticket is not on ${project.name}'s tracker (${project.tracUrl}).` };
  }
  try {
    const ticket = await (clients.trac ?? createTrac()).ticket(project.tracUrl, ref.number);
    const created = !(await db.starterIssue.findUnique({
      where: { source_externalKey: { source: "trac", externalKey: String(ref.number) } },
    }));
    if (ticket.state === "closed") {
      if (!created) await upsertTracTicket(project.id, ticket, now);
      return { ok: false, error: closedUpstream(ticket.title, `Trac #${ref.number}`) };
    }
    await upsertTracTicket(project.id, ticket, now);
    const issue = await db.starterIssue.findUniqueOrThrow({
      where: { source_externalKey: { source: "trac", externalKey: String(ref.number) } },
    });
    return { ok: true, issueId: issue.id, title: issue.title, created };
  } catch (error) {
    if (error instanceof TracError && error.kind === "not_found")
      return { ok: false, error: `${project.tracUrl} has no ticket #${ref.number}.` };
    return {
      ok: false,
      error: error instanceof Error ? error.message : "Trac could not be reached; try again.",
    };
  }
}
