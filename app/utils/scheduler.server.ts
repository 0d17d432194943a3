// Scheduled work (GitHub sync, outbox delivery, reminders). Each job is registered
// by its area and runs under a database lease, so with several app instances only
// one runs it at a time; jobs themselves are idempotent.
import { randomUUID } from "node:crypto";
import { db } from "./db.server";
import { env } from "./env.server";

export type ScheduledJob = {
  name: string;
  everyMinutes: () => number;
  run: () => Promise<unknown>;
};

const jobs: ScheduledJob[] = [];
const holder = randomUUID();
let started = false;

export function registerJob(job: ScheduledJob): void {
  if (!jobs.some((existing) => existing.name === job.name)) jobs.push(job);
}

/** Takes the named lease for `ms` if nobody else holds it; true when we hold it. */
export async function acquireLease(name: string, ms: number, now = new Date(), who = holder): Promise<boolean> {
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
export async function withLease<T>(name: string, ms: number, work: () => Promise<T>, who = holder): Promise<T | null> {
  if (!(await acquireLease(name, ms, new Date(), who))) return null;
  try {
    return await work();
  } finally {
    await releaseLease(name, who);
  }
}

export function startScheduler(): void {
  const e = env();
  if (started || e.NODE_ENV === "test") return;
  if (!e.RUN_SCHEDULER && process.env.RUN_SCHEDULER !== undefined) return;
  started = true;
  const lastRun = new Map<string, number>();
  const tick = async () => {
    for (const job of jobs) {
      const every = job.everyMinutes();
      if (every <= 0) continue;
      const last = lastRun.get(job.name) ?? 0;
      if (Date.now() - last < every * 60_000) continue;
      lastRun.set(job.name, Date.now());
      try {
        await withLease(`job:${job.name}`, Math.max(every, 5) * 60_000, job.run);
      } catch (error) {
        console.error(`[scheduler] ${job.name} failed`, error);
      }
    }
  };
  setTimeout(() => void tick(), 5_000).unref();
  setInterval(() => void tick(), 60_000).unref();
}
