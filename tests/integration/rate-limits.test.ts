// Rate limits: beyond each limit a clear 429 with Retry-After, other people and
// addresses unaffected, and the count kept in the database so every server shares it.
import { RateLimiterPrisma } from "rate-limiter-flexible";
import { afterAll, describe, expect, it } from "vitest";
import * as csvRoute from "~/routes/cohorts.$slug.applications[.]csv";
import * as loginRoute from "~/routes/login";
import * as offerRoute from "~/routes/offers.$token";
import * as syncRoute from "~/routes/cohorts.$slug.sync";
import * as webhookRoute from "~/routes/webhooks.github";
import { createDb, db } from "~/utils/db.server";
import { RATE_LIMITS } from "~/utils/rate-limit.server";
import {
  addMember,
  callRoute,
  makeCohort,
  makePerson,
  makeRequest,
  sessionCookieFor,
} from "../setup/factories";

async function repeat(times: number, send: () => Promise<Response>): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < times; i++) statuses.push((await send()).status);
  return statuses;
}

async function expectRefusal(response: Response, what: RegExp) {
  expect(response.status).toBe(429);
  expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
  const text = await response.text();
  expect(text).toMatch(what);
  expect(text).toMatch(/Please wait (\d+ (seconds|minutes)|a minute) and try again\./);
}

async function organizerOf() {
  const cohort = await makeCohort("review");
  const lena = await makePerson({ name: "Lena Organizer" });
  await addMember(cohort.id, lena.id, "organizer");
  return { cohort, lena, cookie: await sessionCookieFor(lena.id) };
}

let second: ReturnType<typeof createDb> | undefined;
afterAll(async () => {
  await second?.$disconnect();
});

describe("rate limits", () => {
  it("sign-in attempts per address, shared with another server through the database", async () => {
    process.env.GITHUB_CLIENT_ID = "Iv1.test";
    process.env.GITHUB_CLIENT_SECRET = "secret";
    const { resetEnv } = await import("~/utils/env.server");
    resetEnv();
    try {
      const attempt = (address: string) =>
        callRoute(
          loginRoute.action,
          makeRequest("/login", {
            form: { intent: "github", redirectTo: "/" },
            headers: { "X-Forwarded-For": `198.51.100.1, ${address}` },
          }),
        );
      const limit = RATE_LIMITS.signIn.points;
      expect(await repeat(limit, () => attempt("203.0.113.7"))).toEqual(Array(limit).fill(302));
      await expectRefusal(await attempt("203.0.113.7"), /Too many sign-in attempts/);
      // someone else is not locked out
      expect((await attempt("203.0.113.8")).status).toBe(302);
      // a second server (its own Prisma client) sees the same count
      second = createDb(process.env.DATABASE_URL!);
      const elsewhere = new RateLimiterPrisma({
        storeClient: second,
        tableName: "rateLimiterFlexible",
        keyPrefix: "signIn",
        points: limit,
        duration: RATE_LIMITS.signIn.seconds,
      });
      await expect(elsewhere.consume("203.0.113.7")).rejects.toMatchObject({ consumedPoints: limit + 2 });
    } finally {
      delete process.env.GITHUB_CLIENT_ID;
      delete process.env.GITHUB_CLIENT_SECRET;
      resetEnv();
    }
  });

  it("offer-token pages per person (guessing tokens)", async () => {
    const mallory = await makePerson({ name: "Mallory" });
    const cookie = await sessionCookieFor(mallory.id);
    const guess = (i: number) =>
      callRoute(offerRoute.loader, makeRequest(`/offers/guess-${i}`, { cookie }), { token: `guess-${i}` });
    let i = 0;
    const statuses = await repeat(RATE_LIMITS.offerPage.points, () => guess(i++));
    expect(statuses.every((s) => s === 404)).toBe(true);
    await expectRefusal(await guess(i++), /Too many offer pages/);
  });

  it("webhook deliveries per source, before the signature is checked", async () => {
    process.env.GITHUB_WEBHOOK_SECRET = "webhook-secret";
    try {
      const deliver = (address: string) =>
        callRoute(
          webhookRoute.action,
          new Request("http://localhost:3000/webhooks/github", {
            method: "POST",
            headers: {
              "Content-Type": "application/json",
              "X-GitHub-Event": "ping",
              "X-GitHub-Delivery": crypto.randomUUID(),
              "X-Hub-Signature-256": "sha256=00",
              "X-Forwarded-For": address,
            },
            body: "{}",
          }),
        );
      const statuses = await repeat(RATE_LIMITS.webhook.points, () => deliver("192.0.2.50"));
      expect(statuses.every((s) => s === 401)).toBe(true);
      await expectRefusal(await deliver("192.0.2.50"), /Too many webhook deliveries/);
      expect((await deliver("192.0.2.51")).status).toBe(401);
    } finally {
      delete process.env.GITHUB_WEBHOOK_SECRET;
    }
  });

  it("“Sync now” per organizer", async () => {
    const { cohort, cookie } = await organizerOf();
    const press = () =>
      callRoute(syncRoute.action, makeRequest(`/cohorts/${cohort.slug}/sync`, { cookie, form: {} }), {
        slug: cohort.slug,
      });
    try {
      expect(await repeat(RATE_LIMITS.syncNow.points, press)).toEqual(
        Array(RATE_LIMITS.syncNow.points).fill(302),
      );
      await expectRefusal(await press(), /Sync now/);
    } finally {
      await expect
        .poll(() => db.syncRun.count({ where: { status: "running" } }), { timeout: 20_000 })
        .toBe(0);
    }
  });

  it("CSV exports per organizer", async () => {
    const { cohort, cookie } = await organizerOf();
    const download = () =>
      callRoute(csvRoute.loader, makeRequest(`/cohorts/${cohort.slug}/applications.csv`, { cookie }), {
        slug: cohort.slug,
      });
    expect(await repeat(RATE_LIMITS.csvExport.points, download)).toEqual(
      Array(RATE_LIMITS.csvExport.points).fill(200),
    );
    await expectRefusal(await download(), /Too many CSV exports/);
    // another organizer of the same cohort is not affected
    const max = await makePerson({ name: "Max Organizer" });
    await addMember(cohort.id, max.id, "organizer");
    expect(
      (
        await callRoute(
          csvRoute.loader,
          makeRequest(`/cohorts/${cohort.slug}/applications.csv`, { cookie: await sessionCookieFor(max.id) }),
          { slug: cohort.slug },
        )
      ).status,
    ).toBe(200);
  });
});
