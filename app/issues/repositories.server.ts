// One GitHub repository, whatever it is called: GitHub names are case-insensitive
// (Wagtail/Wagtail is wagtail/wagtail) and a renamed repository answers under its
// old name with a redirect. Once GitHub tells us a repository's own spelling, every
// row that names it — the project's repository, its starter issues, its pull
// requests, the sync's state — is moved to that name, so later calls cost one
// request and webhooks that carry the new name find it.
import { db } from "~/utils/db.server";
import { DAY_MS } from "~/utils/time";

export type RepoName = { owner: string; name: string };

/** The key of GitHubRepositoryState: lower-case owner/name. */
export function repositoryKey(owner: string, name: string): string {
  return `${owner}/${name}`.toLowerCase();
}

const same = (a: RepoName, b: RepoName) => a.owner === b.owner && a.name === b.name;

/** Moves every row stored under `from` to GitHub's name `to`; no-op when they are equal. */
export async function renameRepository(from: RepoName, to: RepoName): Promise<boolean> {
  if (same(from, to)) return false;
  // The project's repository (unless one already carries the new name).
  const target = await db.projectRepository.findUnique({
    where: { owner_name: { owner: to.owner, name: to.name } },
  });
  const source = await db.projectRepository.findUnique({
    where: { owner_name: { owner: from.owner, name: from.name } },
  });
  if (source && !target)
    await db.projectRepository.update({ where: { id: source.id }, data: { owner: to.owner, name: to.name } });
  else if (source && target) await db.projectRepository.delete({ where: { id: source.id } });

  // Starter issues: their key carries the name.
  const oldPrefix = `${from.owner}/${from.name}#`;
  const issues = await db.starterIssue.findMany({
    where: { source: "github", externalKey: { startsWith: oldPrefix } },
    select: { id: true, externalKey: true, url: true },
  });
  for (const issue of issues) {
    const number = issue.externalKey.slice(oldPrefix.length);
    const externalKey = `${to.owner}/${to.name}#${number}`;
    const taken = await db.starterIssue.findUnique({
      where: { source_externalKey: { source: "github", externalKey } },
      select: { id: true },
    });
    if (!taken) await db.starterIssue.update({ where: { id: issue.id }, data: { externalKey } });
  }

  // Pull requests: one row per pull request; links of a duplicate move to the kept row.
  const pulls = await db.pullRequest.findMany({
    where: { owner: from.owner, repo: from.name },
    select: { id: true, number: true },
  });
  for (const pr of pulls) {
    const kept = await db.pullRequest.findUnique({
      where: { owner_repo_number: { owner: to.owner, repo: to.name, number: pr.number } },
      select: { id: true },
    });
    if (!kept) {
      await db.pullRequest.update({ where: { id: pr.id }, data: { owner: to.owner, repo: to.name } });
      continue;
    }
    const links = await db.linkedPullRequest.findMany({
      where: { pullRequestId: pr.id },
      select: { id: true, cohortId: true },
    });
    for (const link of links) {
      const exists = await db.linkedPullRequest.findUnique({
        where: { cohortId_pullRequestId: { cohortId: link.cohortId, pullRequestId: kept.id } },
        select: { id: true },
      });
      if (!exists)
        await db.linkedPullRequest.update({ where: { id: link.id }, data: { pullRequestId: kept.id } });
    }
    await db.pullRequest.delete({ where: { id: pr.id } });
  }

  const fromKey = repositoryKey(from.owner, from.name);
  const toKey = repositoryKey(to.owner, to.name);
  if (fromKey !== toKey) {
    const state = await db.gitHubRepositoryState.findUnique({ where: { fullName: fromKey } });
    if (state) {
      await db.gitHubRepositoryState.delete({ where: { fullName: fromKey } });
      const { fullName: _old, updatedAt: _at, ...rest } = state;
      await db.gitHubRepositoryState.upsert({
        where: { fullName: toKey },
        create: { fullName: toKey, ...rest },
        update: {},
      });
    }
  }
  return true;
}

/** Repositories GitHub answered 404 or 410 for: not asked again before `until`. */
export async function markUnavailable(owner: string, name: string, reason: string, now: Date): Promise<Date> {
  const until = new Date(now.getTime() + DAY_MS);
  const fullName = repositoryKey(owner, name);
  await db.gitHubRepositoryState.upsert({
    where: { fullName },
    create: { fullName, unavailableUntil: until, unavailableReason: reason },
    update: { unavailableUntil: until, unavailableReason: reason },
  });
  return until;
}

export async function repositoryStates(keys: string[]) {
  const rows = await db.gitHubRepositoryState.findMany({ where: { fullName: { in: keys } } });
  return new Map(rows.map((r) => [r.fullName, r]));
}

/** For the sync page: repositories waiting out a 404/410, with the time of the next try. */
export async function unavailableRepositories(now: Date) {
  return db.gitHubRepositoryState.findMany({
    where: { unavailableUntil: { gt: now } },
    select: { fullName: true, unavailableUntil: true, unavailableReason: true },
    orderBy: { fullName: "asc" },
  });
}
