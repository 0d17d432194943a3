// The sync: starter issues (GitHub labels, Trac queries) and tracked pull requests
// (linked in a cohort that is not finished, or still open). Runs from the
// scheduler, `npm run sync` and the organizers' "Sync now" button, always under one
// database lease so only one app instance syncs at a time. Each run is a SyncRun row:
// requests made, 304s, changes, errors, and a progress line the sync page shows.
import {
  createGitHub,
  GitHubError,
  githubTokenWarning,
  stopsTheSync,
  type GitHub,
} from "~/integrations/github.server";
import { createTrac, type Trac } from "~/integrations/trac.server";
import { flagExcludedPulls } from "~/outcomes/maintainers.server";
import { firstMaintainerResponse, storePullSnapshot } from "~/pulls/pulls.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { acquireLease, registerJob, releaseLease } from "~/utils/scheduler.server";
import { DAY_MS } from "~/utils/time";
import {
  markUnavailable,
  renameRepository,
  repositoryKey,
  repositoryStates,
  unavailableRepositories,
} from "./repositories.server";
import { refreshRepository, refreshTrac, starterLabelsOf, type RefreshTally } from "./sources.server";

export const SYNC_LEASE = "github-sync";
// A short lease renewed by a heartbeat while the run lives: if the process dies,
// another instance (or the next button press) can sync two minutes later, and the
// run it left "running" is closed then (closeAbandonedRuns).
const LEASE_MS = 2 * 60_000;
const HEARTBEAT_MS = 30_000;

export type SyncTrigger = "schedule" | "cli" | "button" | "webhook";

export type SyncOptions = {
  trigger: SyncTrigger;
  github?: GitHub;
  trac?: Trac;
  now?: Date;
  /** pull requests read at the same time */
  concurrency?: number;
  /** who holds the lease (tests simulate a second instance) */
  holder?: LeaseHolder;
};

type LeaseHolder = Parameters<typeof acquireLease>[3];

export type SyncSummary = {
  runId: string;
  status: "succeeded" | "failed" | "partial";
  requests: number;
  notModified: number;
  changes: number;
  errors: string[];
};

/** Pull requests worth asking GitHub about: open ones, and those that ended recently. */
function trackedPullsWhere(now: Date) {
  const recent = new Date(now.getTime() - 14 * DAY_MS);
  return {
    links: { some: {} },
    OR: [{ state: "open" }, { closedAt: { gte: recent } }, { lastSyncedAt: null }],
  };
}

async function pool<T>(
  items: T[],
  size: number,
  work: (item: T) => Promise<void>,
  stop: () => boolean,
): Promise<void> {
  let index = 0;
  const worker = async () => {
    while (index < items.length && !stop()) {
      const item = items[index++];
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(size, items.length)) }, worker));
}

/** Starts a run if no other instance is syncing; null when one already is. */
export async function startSyncRun(trigger: SyncTrigger, holder?: LeaseHolder): Promise<string | null> {
  if (!(await acquireLease(SYNC_LEASE, LEASE_MS, new Date(), holder))) return null;
  const run = await db.syncRun.create({ data: { trigger, status: "running", progress: "Starting…" } });
  return run.id;
}

/** The whole sync under the lease; returns null when another instance holds it. */
export async function runSync(options: SyncOptions): Promise<SyncSummary | null> {
  const runId = await startSyncRun(options.trigger, options.holder);
  if (!runId) return null;
  return continueSyncRun(runId, options);
}

/** Runs the sync for a run created by startSyncRun (the button starts it, then returns). */
export async function continueSyncRun(runId: string, options: SyncOptions): Promise<SyncSummary> {
  const now = options.now ?? new Date();
  const github = options.github ?? createGitHub();
  const trac = options.trac ?? createTrac();
  const tally: RefreshTally = { changes: 0, errors: [] };
  // Set when GitHub's rate limit is reached or GitHub cannot be reached at all: the
  // run stops there (asking again for every other item would only wait and fail)
  // and the next run resumes with what was not synced.
  let stoppedBy: { kind: "rate_limited" | "unreachable"; message: string } | null = null;
  const failedRepositories = new Set<string>();
  let lastProgressAt = 0;
  const progress = async (text: string, force = false) => {
    if (!force && Date.now() - lastProgressAt < 1000) return;
    lastProgressAt = Date.now();
    await db.syncRun.update({
      where: { id: runId },
      data: {
        progress: text,
        requests: github.stats.requests + trac.requests,
        notModified: github.stats.notModified,
        changes: tally.changes,
        errors: tally.errors.length,
      },
    });
  };
  // Renewed even while a request waits out a rate limit for minutes.
  let beat: Promise<unknown> = Promise.resolve();
  const heartbeat = setInterval(() => {
    beat = acquireLease(SYNC_LEASE, LEASE_MS, new Date(), options.holder).catch((error) =>
      console.error("[sync] could not renew the lease", error),
    );
  }, HEARTBEAT_MS);
  heartbeat.unref?.();
  try {
    // 1. Starter issues.
    const projects = await db.project.findMany({
      where: { cohorts: { some: {} } },
      select: {
        id: true,
        name: true,
        starterLabels: true,
        tracUrl: true,
        tracQuery: true,
        repositories: { select: { id: true, owner: true, name: true, issuesEtags: true, projectId: true } },
      },
    });
    for (const project of projects) {
      await progress(`Starter issues of ${project.name}…`, true);
      const labels = starterLabelsOf(project);
      // Once GitHub stopped answering, Trac is still asked (it is another server).
      for (const repository of stoppedBy ? [] : project.repositories) {
        await progress(`Starter issues of ${project.name}: ${repository.owner}/${repository.name}…`, true);
        try {
          await refreshRepository(github, repository, labels, now, tally);
        } catch (error) {
          if (stopsTheSync(error)) {
            stoppedBy = { kind: error.kind as "rate_limited" | "unreachable", message: error.message };
            break;
          }
          // Refused (403 SAML, IP allow list) or gone (404): this repository only;
          // its pull requests are not asked either, the other repositories go on.
          if (error instanceof GitHubError)
            failedRepositories.add(repositoryKey(repository.owner, repository.name));
          tally.errors.push(error instanceof Error ? error.message : String(error));
        }
      }
      if (project.tracUrl) await progress(`Starter issues of ${project.name}: Trac…`, true);
      if (project.tracUrl)
        await refreshTrac(
          trac,
          { id: project.id, tracUrl: project.tracUrl, tracQuery: project.tracQuery },
          now,
          tally,
        );
    }

    // 2. Tracked pull requests, per repository: one conditional listing sorted by
    // update (decision 050) says which changed since the last run; only those are
    // read one by one (pulls.get has the size and merged fields the listing lacks).
    const pulls = stoppedBy
      ? []
      : await db.pullRequest.findMany({
          where: trackedPullsWhere(now),
          select: {
            id: true,
            owner: true,
            repo: true,
            number: true,
            etag: true,
            reviewsEtag: true,
            state: true,
            title: true,
            draft: true,
            reviewState: true,
            reviewCount: true,
            additions: true,
            deletions: true,
            upstreamUpdatedAt: true,
            upstream: { select: { firstResponseAt: true, firstUpstreamReviewAt: true } },
          },
          orderBy: [{ lastSyncedAt: { sort: "asc", nulls: "first" } }],
        });
    type TrackedPull = (typeof pulls)[number];
    const byRepository = new Map<string, TrackedPull[]>();
    for (const pr of pulls) {
      const key = repositoryKey(pr.owner, pr.repo);
      byRepository.set(key, [...(byRepository.get(key) ?? []), pr]);
    }
    const states = await repositoryStates([...byRepository.keys()]);
    let done = 0;
    await progress(`Pull requests: 0 of ${pulls.length}…`, true);

    const readPull = async (pr: TrackedPull) => {
      try {
        const answer = await github.getPull(pr.owner, pr.repo, pr.number, pr.etag);
        if (answer.notModified) {
          await db.pullRequest.update({ where: { id: pr.id }, data: { lastSyncedAt: now } });
        } else {
          const snapshot = answer.value;
          if (snapshot.owner !== pr.owner || snapshot.repo !== pr.repo) {
            await renameRepository(
              { owner: pr.owner, name: pr.repo },
              { owner: snapshot.owner, name: snapshot.repo },
            );
          }
          // A new review changes the PR's updated_at, so reviews are read only then.
          const reviews = await github.listReviews(
            snapshot.owner,
            snapshot.repo,
            pr.number,
            pr.reviewsEtag,
            snapshot.authorLogin,
          );
          // The maintainers' view: when a maintainer first answered (asked until known).
          const firstResponseAt = await firstMaintainerResponse(
            github,
            snapshot,
            // reviews unchanged (304): the stored first review still holds
            reviews.notModified
              ? (pr.upstream?.firstUpstreamReviewAt ?? null)
              : reviews.value.firstMaintainerReviewAt,
            pr.upstream?.firstResponseAt ?? null,
          );
          const changed =
            snapshot.state !== pr.state ||
            snapshot.title !== pr.title ||
            snapshot.draft !== pr.draft ||
            snapshot.additions !== pr.additions ||
            snapshot.deletions !== pr.deletions ||
            (!reviews.notModified &&
              (reviews.value.reviewState !== pr.reviewState || reviews.value.reviewCount !== pr.reviewCount));
          await storePullSnapshot(snapshot, now, {
            etag: answer.etag,
            firstResponseAt,
            ...(reviews.notModified ? {} : { reviews: reviews.value, reviewsEtag: reviews.etag }),
          });
          if (changed) tally.changes += 1;
        }
      } catch (error) {
        if (stopsTheSync(error))
          stoppedBy ??= { kind: error.kind as "rate_limited" | "unreachable", message: error.message };
        else tally.errors.push(error instanceof Error ? error.message : String(error));
      }
      done += 1;
      await progress(`Pull requests: ${done} of ${pulls.length}…`);
    };

    for (const [key, listed] of byRepository) {
      let group = listed;
      if (stoppedBy) break;
      const state = states.get(key);
      if (failedRepositories.has(key) || (state?.unavailableUntil && state.unavailableUntil > now)) {
        done += group.length;
        continue;
      }
      let { owner, repo } = group[0];
      let toRead = group.filter((pr) => pr.upstreamUpdatedAt === null);
      try {
        const listing = await github.listPullsByUpdate(
          owner,
          repo,
          state?.pullsEtag,
          state?.pullsUpdatedAt ?? null,
        );
        let newest = state?.pullsUpdatedAt ?? null;
        let etag = state?.pullsEtag ?? null;
        if (!listing.notModified) {
          const canonical = listing.value.canonical;
          if (canonical && (canonical.owner !== owner || canonical.name !== repo)) {
            // Every spelling we hold of it (Wagtail/Wagtail, the old name) becomes GitHub's.
            for (const spelling of new Set(group.map((pr) => `${pr.owner}/${pr.repo}`))) {
              const [o, r] = spelling.split("/");
              await renameRepository({ owner: o, name: r }, canonical);
            }
            for (const pr of group) Object.assign(pr, { owner: canonical.owner, repo: canonical.name });
            ({ owner, name: repo } = canonical);
            // Two spellings of one PR are one row now: read it once.
            const merged = await db.pullRequest.findMany({
              where: { id: { in: group.map((pr) => pr.id) } },
              select: { id: true },
            });
            const kept = new Set(merged.map((pr) => pr.id));
            done += group.length - kept.size;
            group = group.filter((pr) => kept.has(pr.id));
          }
          const updated = new Map(listing.value.items.map((i) => [i.number, i.updatedAt]));
          toRead = group.filter((pr) => {
            const at = updated.get(pr.number);
            return (
              pr.upstreamUpdatedAt === null ||
              (at !== undefined && at.getTime() > pr.upstreamUpdatedAt.getTime())
            );
          });
          etag = listing.etag;
          if (listing.value.newest && (!newest || listing.value.newest > newest))
            newest = listing.value.newest;
        }
        const unread = group.filter((pr) => !toRead.includes(pr)).map((pr) => pr.id);
        if (unread.length)
          await db.pullRequest.updateMany({ where: { id: { in: unread } }, data: { lastSyncedAt: now } });
        done += unread.length;
        await pool(toRead, options.concurrency ?? 8, readPull, () => stoppedBy !== null);
        if (!stoppedBy) {
          const fullName = repositoryKey(owner, repo);
          await db.gitHubRepositoryState.upsert({
            where: { fullName },
            create: { fullName, pullsEtag: etag, pullsUpdatedAt: newest },
            update: {
              pullsEtag: etag,
              pullsUpdatedAt: newest,
              unavailableUntil: null,
              unavailableReason: null,
            },
          });
        }
      } catch (error) {
        if (stopsTheSync(error))
          stoppedBy ??= { kind: error.kind as "rate_limited" | "unreachable", message: error.message };
        else {
          if (error instanceof GitHubError && error.kind === "not_found")
            await markUnavailable(owner, repo, error.message, now);
          tally.errors.push(error instanceof Error ? error.message : String(error));
        }
        done += group.length;
      }
    }
    // Labels just read may say spam or invalid: each navigator is told once (decision 086).
    await flagExcludedPulls(now).catch((error) =>
      tally.errors.push(`Could not flag pull requests labelled spam or invalid: ${String(error)}`),
    );
    if (stoppedBy && !tally.errors.includes(stoppedBy.message)) tally.errors.push(stoppedBy.message);
    const status =
      tally.errors.length === 0
        ? "succeeded"
        : tally.changes > 0 || github.stats.notModified > 0
          ? "partial"
          : "failed";
    const summary: SyncSummary = {
      runId,
      status,
      requests: github.stats.requests + trac.requests,
      notModified: github.stats.notModified,
      changes: tally.changes,
      errors: tally.errors,
    };
    await db.syncRun.update({
      where: { id: runId },
      data: {
        status,
        finishedAt: new Date(),
        requests: summary.requests,
        notModified: summary.notModified,
        changes: summary.changes,
        errors: summary.errors.length,
        progress:
          stoppedBy?.kind === "rate_limited"
            ? "Stopped at GitHub's rate limit; the next run resumes with the pull requests not synced yet."
            : stoppedBy?.kind === "unreachable"
              ? "Stopped: GitHub could not be reached. Nothing was overwritten; the next run tries again."
              : status === "succeeded"
                ? `Done: ${pulls.length} pull requests checked.`
                : `Finished with ${summary.errors.length} ${summary.errors.length === 1 ? "error" : "errors"}; what could not be read was left as it was.`,
        errorLog: onceEach(summary.errors).slice(0, 50).join("\n"),
      },
    });
    return summary;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.syncRun.update({
      where: { id: runId },
      data: {
        status: "failed",
        finishedAt: new Date(),
        errors: tally.errors.length + 1,
        errorLog: onceEach([...tally.errors, message]).join("\n"),
        progress: "Failed.",
      },
    });
    return {
      runId,
      status: "failed",
      requests: github.stats.requests,
      notModified: github.stats.notModified,
      changes: tally.changes,
      errors: [...tally.errors, message],
    };
  } finally {
    clearInterval(heartbeat);
    await beat; // a renewal in flight must not re-take the lease after its release
    await releaseLease(SYNC_LEASE, options.holder);
  }
}

/** The organizers' "Sync now": starts in the background and returns at once. */
export async function startSyncInBackground(): Promise<
  { started: true; runId: string } | { started: false; runningSince: Date | null }
> {
  const runId = await startSyncRun("button");
  if (!runId) {
    const running = await db.syncRun.findFirst({
      where: { status: "running" },
      orderBy: { startedAt: "desc" },
      select: { startedAt: true },
    });
    return { started: false, runningSince: running?.startedAt ?? null };
  }
  void continueSyncRun(runId, { trigger: "button" }).catch((error) => console.error("[sync] failed", error));
  return { started: true, runId };
}

/**
 * Each problem once, in the order first met: fifty pull requests of a repository that
 * fail alike are one line with a count, not fifty.
 */
export function onceEach(errors: string[]): string[] {
  const counts = new Map<string, number>();
  for (const line of errors) counts.set(line, (counts.get(line) ?? 0) + 1);
  return [...counts].map(([line, n]) => (n === 1 ? line : `${line} (${n} times)`));
}

/** Runs left "running" by a process that died are closed when their lease expired. */
async function closeAbandonedRuns(now: Date): Promise<void> {
  // Opening the page writes only when there is something to close (a write is a transaction).
  if ((await db.syncRun.count({ where: { status: "running" } })) === 0) return;
  const lease = await db.jobLease.findUnique({ where: { name: SYNC_LEASE } });
  if (lease && lease.expiresAt > now) return;
  await db.syncRun.updateMany({
    where: { status: "running" },
    data: { status: "failed", finishedAt: now, progress: "Interrupted (the app stopped during the sync)." },
  });
}

export async function getSyncPage(now = new Date()) {
  await closeAbandonedRuns(now);
  const [runs, tracked, issues, unavailable] = await Promise.all([
    db.syncRun.findMany({ orderBy: { startedAt: "desc" }, take: 15 }),
    db.pullRequest.count({ where: trackedPullsWhere(now) }),
    db.starterIssue.count({ where: { state: "open" } }),
    unavailableRepositories(now),
  ]);
  const e = env();
  const lastFinished = runs.find((r) => r.status !== "running") ?? null;
  // Said once on the page: a repository GitHub does not have is listed with its reason
  // under "Repositories not asked for now", so that reason is not repeated among the problems.
  const explainedElsewhere = new Set(unavailable.map((r) => r.unavailableReason).filter(Boolean));
  const lastProblems = onceEach(
    (lastFinished?.errorLog ?? "")
      .split("\n")
      .filter((line) => line && !explainedElsewhere.has(line.replace(/ \(\d+ times\)$/, ""))),
  );
  return {
    runs,
    running: runs.find((r) => r.status === "running") ?? null,
    /** the last finished run, whose problems are listed above the table instead of in it */
    lastFinishedId: lastFinished?.id ?? null,
    lastProblems,
    tracked,
    openIssues: issues,
    /** repositories GitHub answered 404/410 for, with the time they are asked again */
    unavailable,
    intervalMinutes: e.SYNC_INTERVAL_MINUTES,
    apiUrl: e.GITHUB_API_URL,
    webhookConfigured: Boolean(e.GITHUB_WEBHOOK_SECRET),
    /** a sentence when no GITHUB_TOKEN is set (60 requests an hour) */
    tokenWarning: githubTokenWarning(),
  };
}

export function registerSyncJob(): void {
  registerJob({
    name: "sync",
    everyMinutes: () => env().SYNC_INTERVAL_MINUTES,
    run: () => runSync({ trigger: "schedule" }),
  });
}
