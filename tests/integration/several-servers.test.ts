// Two app servers on one database, each with its own scheduler (pg-boss on
// PostgreSQL, the in-process scheduler on SQLite): every scheduled job runs once per
// interval across both, its notice is sent once, and a failed run is retried with a
// growing pause and its error recorded (TEST_DB=postgresql runs this on PostgreSQL).
import { afterEach, describe, expect, it } from "vitest";
import { queueNotice } from "~/notifications/outbox.server";
import { db } from "~/utils/db.server";
import { createScheduler, type Scheduler, type ScheduledJob } from "~/utils/scheduler.server";

const running: Scheduler[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

async function twoServers(jobs: ScheduledJob[], retryDelaySeconds = 60) {
  const servers = await Promise.all(
    ["server-a", "server-b"].map((holder) =>
      createScheduler({ jobs, holder, retryDelaySeconds, retryLimit: 3, pollingSeconds: 0.5 }),
    ),
  );
  running.push(...servers);
  return servers;
}

/** Both servers' minute ticks, several times over, as they would come in one interval. */
async function tickBoth(servers: Scheduler[], times = 3) {
  for (let i = 0; i < times; i++) await Promise.all(servers.map((s) => s.tick()));
}

const runsOf = (name: string) => db.jobRun.findMany({ where: { name }, orderBy: { startedAt: "asc" } });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("two servers, one database", () => {
  it("runs each job once per interval, not once per server, and its notice goes out once", async () => {
    const person = await db.person.create({
      data: { login: "digest-reader", name: "Digest Reader", email: "reader@example.org" },
    });
    let digests = 0;
    let deliveries = 0;
    const jobs: ScheduledJob[] = [
      {
        name: "test.digest",
        everyMinutes: () => 12 * 60,
        run: async () => {
          digests++;
          await queueNotice({
            kind: "digest",
            personId: person.id,
            subject: "Your weekly digest",
            bodyText: "Three reflections need a reply.",
          });
        },
      },
      {
        name: "test.deliver",
        everyMinutes: () => 12 * 60,
        run: async () => {
          deliveries++;
        },
      },
    ];
    const servers = await twoServers(jobs);
    await tickBoth(servers);
    await expect
      .poll(async () => (await db.jobRun.findMany({ where: { status: "done" } })).length, {
        timeout: 20_000,
        interval: 200,
      })
      .toBe(2);
    // give both servers' workers time to pick up a second copy, if one existed
    await pause(1500);
    await tickBoth(servers);
    await pause(1500);
    expect(digests).toBe(1);
    expect(deliveries).toBe(1);
    expect(await db.notice.count({ where: { kind: "digest", personId: person.id } })).toBe(1);
    const runs = await db.jobRun.findMany({ select: { name: true, status: true } });
    expect(runs.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: "test.deliver", status: "done" },
      { name: "test.digest", status: "done" },
    ]);
  });

  it("retries a failed job after a pause that grows, and records each error", async () => {
    let calls = 0;
    const jobs: ScheduledJob[] = [
      {
        name: "test.flaky-sync",
        everyMinutes: () => 12 * 60,
        run: async () => {
          calls++;
          if (calls <= 2) throw new Error(`code.djangoproject.com could not be reached (try ${calls})`);
        },
      },
    ];
    const servers = await twoServers(jobs, 1);
    // Each server ticks every 200 ms, as the minute timer would over a longer time.
    const ticking = setInterval(() => void tickBoth(servers, 1).catch(() => undefined), 200);
    try {
      await expect
        .poll(async () => (await runsOf("test.flaky-sync")).map((r) => r.status), {
          timeout: 30_000,
          interval: 200,
        })
        .toEqual(["failed", "failed", "done"]);
    } finally {
      clearInterval(ticking);
    }
    const runs = await runsOf("test.flaky-sync");
    expect(runs.map((r) => r.attempt)).toEqual([1, 2, 3]);
    expect(runs.map((r) => r.error)).toEqual([
      "code.djangoproject.com could not be reached (try 1)",
      "code.djangoproject.com could not be reached (try 2)",
      null,
    ]);
    // 1 s before the first retry, then 2 s: the pause grows
    const gap = (i: number) => runs[i + 1].startedAt.getTime() - runs[i].finishedAt!.getTime();
    expect(gap(0)).toBeGreaterThanOrEqual(900);
    expect(gap(1)).toBeGreaterThanOrEqual(1800);
    expect(calls).toBe(3);
  });
});
