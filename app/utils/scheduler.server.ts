// Scheduled work (GitHub sync, outbox delivery, offers, reminders). Each job is
// registered by its area and runs once per interval across all app servers, not
// once per server (docs/decisions/065):
// - on PostgreSQL through pg-boss: every server offers the interval's job with the
//   same singleton slot, the database keeps one, one worker runs it, and a failed
//   run is retried with growing pauses;
// - on SQLite (one machine, the demo) in-process, claiming each interval in the
//   JobLease table so two processes on one file still run a job once.
// Every run and its error, if any, is recorded in JobRun.
import { randomUUID } from "node:crypto";
import PgBoss from "pg-boss";
import { db, isRetryableConflict } from "./db.server";
import { env } from "./env.server";
import { postgresTarget, providerOf } from "./migrations.server";

export type ScheduledJob = {
  name: string;
  everyMinutes: () => number;
  run: () => Promise<unknown>;
};

const jobs: ScheduledJob[] = [];
const holder: string = randomUUID();
let started = false;

export function registerJob(job: ScheduledJob): void {
  if (!jobs.some((existing) => existing.name === job.name)) jobs.push(job);
}

/** Takes the named lease for `ms` if nobody else holds it; true when we hold it. */
export async function acquireLease(
  name: string,
  ms: number,
  now = new Date(),
  who = holder,
): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ms);
  const taken = await db.jobLease.updateMany({
    where: { name, OR: [{ expiresAt: { lt: now } }, { holder: who }] },
    data: { holder: who, expiresAt },
  });
  if (taken.count === 1) return true;
  try {
    await db.jobLease.create({ data: { name, holder: who, expiresAt } });
    return true;
  } catch {
    return false;
  }
}

export async function releaseLease(name: string, who = holder): Promise<void> {
  await db.jobLease.deleteMany({ where: { name, holder: who } });
}

/** Runs `work` only if this instance gets the lease; returns null otherwise. */
export async function withLease<T>(
  name: string,
  ms: number,
  work: () => Promise<T>,
  who = holder,
): Promise<T | null> {
  if (!(await acquireLease(name, ms, new Date(), who))) return null;
  try {
    return await work();
  } finally {
    await releaseLease(name, who);
  }
}

export type SchedulerOptions = {
  /** the database whose jobs to share (default DATABASE_URL) */
  databaseUrl?: string;
  /** the jobs to run (default: every registered job) */
  jobs?: ScheduledJob[];
  /** who this server is in leases and run records */
  holder?: string;
  /** retries after a failed run, before waiting for the next interval */
  retryLimit?: number;
  /** pause before the first retry; it doubles for each further one */
  retryDelaySeconds?: number;
  /** how often a pg-boss worker looks for due jobs */
  pollingSeconds?: number;
};

export type Scheduler = {
  kind: "pg-boss" | "in-process";
  /** offers every due job; called once a minute by each server */
  tick(now?: Date): Promise<void>;
  stop(): Promise<void>;
};

const intervalMs = (job: ScheduledJob) => job.everyMinutes() * 60_000;

/** Runs a job once, recording the attempt and its error in JobRun; rethrows the error. */
async function runRecorded(job: ScheduledJob, attempt: number, who: string): Promise<void> {
  const run = await db.jobRun.create({ data: { name: job.name, attempt, holder: who, status: "running" } });
  try {
    await withLease(`job:${job.name}`, Math.max(intervalMs(job), 5 * 60_000), job.run, who);
    await db.jobRun.update({ where: { id: run.id }, data: { status: "done", finishedAt: new Date() } });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.jobRun.update({
      where: { id: run.id },
      data: { status: "failed", finishedAt: new Date(), error: message.slice(0, 2000) },
    });
    console.error(`[scheduler] ${job.name} failed (attempt ${attempt}): ${message}`);
    throw error;
  }
}

/** Claims this interval of a job for `who`; false when another server (or an earlier tick) has it. */
async function claimSlot(name: string, untilMs: number, now: Date, who: string): Promise<boolean> {
  const key = `slot:${name}`;
  const expiresAt = new Date(now.getTime() + untilMs);
  const taken = await db.jobLease.updateMany({
    where: { name: key, expiresAt: { lte: now } },
    data: { holder: who, expiresAt },
  });
  if (taken.count === 1) return true;
  if (await db.jobLease.findUnique({ where: { name: key }, select: { name: true } })) return false;
  try {
    await db.jobLease.create({ data: { name: key, holder: who, expiresAt } });
    return true;
  } catch {
    return false; // another server created it first (not inside a transaction)
  }
}

function inProcessScheduler(
  jobs: ScheduledJob[],
  who: string,
  retryLimit: number,
  retryDelaySeconds: number,
): Scheduler {
  return {
    kind: "in-process",
    async tick(now = new Date()) {
      for (const job of jobs) {
        if (job.everyMinutes() <= 0) continue;
        if (!(await claimSlot(job.name, intervalMs(job), now, who))) continue;
        const last = await db.jobRun.findFirst({
          where: { name: job.name },
          orderBy: { startedAt: "desc" },
          select: { status: true, attempt: true },
        });
        const attempt = last?.status === "failed" && last.attempt <= retryLimit ? last.attempt + 1 : 1;
        try {
          await runRecorded(job, attempt, who);
        } catch {
          if (attempt <= retryLimit) {
            // Retry sooner than the next interval, with a pause that doubles each time.
            const pause = Math.min(retryDelaySeconds * 1000 * 2 ** (attempt - 1), intervalMs(job));
            await db.jobLease.updateMany({
              where: { name: `slot:${job.name}` },
              data: { expiresAt: new Date(Date.now() + pause) },
            });
          }
        }
      }
    },
    async stop() {},
  };
}

const queueName = (job: ScheduledJob) => `cohort-${job.name.replace(/[^\w-]/g, "-")}`;

/** Creates the queue unless it exists; servers starting together may deadlock on it once. */
async function ensureQueue(boss: PgBoss, name: string, options: PgBoss.Queue): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      if (!(await boss.getQueue(name))) await boss.createQueue(name, options);
      return;
    } catch (error) {
      if (attempt >= 5 || !isRetryableConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 200 * attempt));
    }
  }
}

async function pgBossScheduler(
  url: string,
  jobs: ScheduledJob[],
  who: string,
  retryLimit: number,
  retryDelaySeconds: number,
  pollingSeconds: number,
): Promise<Scheduler> {
  const { connectionString, schema } = postgresTarget(url);
  const longest = Math.max(0, ...jobs.map((job) => job.everyMinutes() * 60));
  const boss = new PgBoss({
    connectionString,
    // beside the app's schema, so a test's schema and its queue go together
    schema: schema ? `${schema}_jobs` : "pgboss",
    application_name: `cohort-scheduler-${who.slice(0, 8)}`,
    max: 4,
    schedule: false,
    // a completed job must outlive its interval: it is what keeps the slot taken
    archiveCompletedAfterSeconds: Math.max(12 * 3600, longest + 3600),
  });
  boss.on("error", (error: Error) => console.error("[scheduler] pg-boss:", error.message));
  await boss.start();
  for (const job of jobs) {
    const name = queueName(job);
    await ensureQueue(boss, name, {
      name,
      retryLimit,
      retryDelay: retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: 3 * 3600,
    });
    await boss.work(
      name,
      { pollingIntervalSeconds: pollingSeconds, includeMetadata: true },
      async ([queued]) => {
        await runRecorded(job, (queued?.retryCount ?? 0) + 1, who);
      },
    );
  }
  return {
    kind: "pg-boss",
    async tick() {
      for (const job of jobs) {
        const every = job.everyMinutes();
        if (every <= 0) continue;
        const name = queueName(job);
        // Same slot on every server (pg-boss computes it from the database clock): one job per interval.
        await boss.send(
          name,
          {},
          {
            singletonKey: name,
            singletonSeconds: Math.max(1, Math.round(every * 60)),
            retryLimit,
            retryDelay: retryDelaySeconds,
            retryBackoff: true,
          },
        );
      }
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}

/** A scheduler for this server: pg-boss on PostgreSQL, in-process on SQLite. */
export async function createScheduler(options: SchedulerOptions = {}): Promise<Scheduler> {
  const url = options.databaseUrl ?? env().DATABASE_URL;
  const selected = options.jobs ?? jobs;
  const who = options.holder ?? holder;
  const retryLimit = options.retryLimit ?? 3;
  const retryDelaySeconds = options.retryDelaySeconds ?? 60;
  if (providerOf(url) === "postgresql")
    return pgBossScheduler(url, selected, who, retryLimit, retryDelaySeconds, options.pollingSeconds ?? 5);
  return inProcessScheduler(selected, who, retryLimit, retryDelaySeconds);
}

export function startScheduler(): void {
  const e = env();
  if (started || e.NODE_ENV === "test") return;
  if (!e.RUN_SCHEDULER && process.env.RUN_SCHEDULER !== undefined) return;
  started = true;
  createScheduler()
    .then((scheduler) => {
      const tick = () =>
        scheduler
          .tick()
          .catch((error: unknown) => console.error("[scheduler] could not offer due jobs", error));
      setTimeout(() => void tick(), 5_000).unref();
      setInterval(() => void tick(), 60_000).unref();
    })
    .catch((error: unknown) =>
      console.error("[scheduler] could not start; scheduled work will not run on this server", error),
    );
}
