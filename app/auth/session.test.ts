import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { resetEnv } from "~/utils/env.server";
import { callRoute, makePerson, makeRequest, sessionCookieFor } from "../../tests/setup/factories";
import {
  createSession,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  sessionCookie,
  validateSessionToken,
} from "./session.server";
import { requireUser } from "./permissions.server";

describe("database sessions", () => {
  it("stores only a hash of the secret, never the token", async () => {
    const person = await makePerson();
    const { token } = await createSession(person.id);
    const [id, secret] = token.split(".");
    const stored = await db.authSession.findUniqueOrThrow({ where: { id } });
    expect(Buffer.from(stored.secretHash).toString("utf8")).not.toContain(secret);
    expect(Buffer.from(stored.secretHash)).toHaveLength(32);
    expect((await validateSessionToken(token))?.person.id).toBe(person.id);
  });

  it("refuses a token whose secret was tampered with", async () => {
    const person = await makePerson();
    const { token } = await createSession(person.id);
    const [id, secret] = token.split(".");
    const flipped = secret.slice(0, -1) + (secret.endsWith("a") ? "b" : "a");
    expect(await validateSessionToken(`${id}.${flipped}`)).toBeNull();
    expect(await validateSessionToken(id)).toBeNull();
  });

  it("slides: a session used after an hour is extended, an expired one is gone", async () => {
    const person = await makePerson();
    const start = new Date("2026-03-01T10:00:00Z");
    const { token } = await createSession(person.id, start);
    const later = new Date(start.getTime() + 10 * 24 * 3600_000);
    const used = await validateSessionToken(token, later);
    expect(used?.renewed?.expiresAt.getTime()).toBe(later.getTime() + SESSION_IDLE_MS);
    const muchLater = new Date(later.getTime() + SESSION_IDLE_MS + 1000);
    expect(await validateSessionToken(token, muchLater)).toBeNull();
    expect(await db.authSession.count({ where: { personId: person.id } })).toBe(0);
  });

  it("twenty pages opened at once after an hour renew the session once, and all of them are signed in", async () => {
    const person = await makePerson();
    const start = new Date("2026-03-01T10:00:00Z");
    const { token } = await createSession(person.id, start);
    const later = new Date(start.getTime() + 2 * 3600_000);
    const seen = await Promise.all(Array.from({ length: 20 }, () => validateSessionToken(token, later)));
    expect(seen.map((s) => s?.person.id)).toEqual(Array(20).fill(person.id));
    expect(seen.filter((s) => s?.renewed)).toHaveLength(1);
    const [id] = token.split(".");
    expect((await db.authSession.findUniqueOrThrow({ where: { id } })).lastVerifiedAt).toEqual(later);
  });

  it("ends 30 days after signing in however often it is used (absolute lifetime)", async () => {
    const person = await makePerson();
    const start = new Date("2026-03-01T10:00:00Z");
    const { token } = await createSession(person.id, start);
    for (const day of [6, 12, 18, 24, 29]) {
      expect(
        await validateSessionToken(token, new Date(start.getTime() + day * 24 * 3600_000)),
        `day ${day}`,
      ).not.toBeNull();
    }
    const renewed = await validateSessionToken(token, new Date(start.getTime() + 29.5 * 24 * 3600_000));
    expect(renewed?.renewed?.expiresAt.getTime()).toBe(start.getTime() + SESSION_ABSOLUTE_MS);
    expect(
      await validateSessionToken(token, new Date(start.getTime() + SESSION_ABSOLUTE_MS + 60_000)),
    ).toBeNull();
  });

  it("sets an HttpOnly, SameSite=Lax cookie, Secure in production", async () => {
    const cookie = sessionCookie("a.b", new Date("2026-04-01T00:00:00Z"));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const { resetEnv } = await import("~/utils/env.server");
    const saved = { ...process.env };
    Object.assign(process.env, {
      NODE_ENV: "production",
      GITHUB_CLIENT_ID: "id",
      GITHUB_CLIENT_SECRET: "secret",
      SESSION_SECRET: "x".repeat(40),
      APP_URL: "http://localhost:3000",
    });
    resetEnv();
    try {
      expect(sessionCookie("a.b", new Date())).toMatch(/; Secure/);
    } finally {
      process.env = saved;
      resetEnv();
    }
  });

  it("signing out ends the session on the server", async () => {
    const person = await makePerson();
    const cookie = await sessionCookieFor(person.id);
    const logout = await import("~/routes/logout");
    const response = await callRoute(logout.action, makeRequest("/logout", { cookie, form: {} }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Set-Cookie")).toMatch(/cohort_session=;.*Max-Age=0/);
    const home = await import("~/routes/home");
    const after = await callRoute(home.loader, makeRequest("/home", { cookie }));
    expect(after.headers.get("Location")).toBe("/login?redirectTo=%2Fhome");
  });
});

describe("CSRF defence", () => {
  it("refuses a signed-in POST from another site with 403", async () => {
    const person = await makePerson({ isAdmin: true });
    const cookie = await sessionCookieFor(person.id);
    const cross = makeRequest("/admin/projects/new", {
      cookie,
      form: { name: "x" },
      headers: { Origin: "https://evil.example" },
    });
    const thrown = await requireUser(cross).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(403);
  });

  it("refuses a POST the browser marks cross-site, and one with no origin at all", async () => {
    const person = await makePerson();
    const cookie = await sessionCookieFor(person.id);
    const crossSite = makeRequest("/logout", {
      cookie,
      form: {},
      headers: { Origin: "http://localhost:3000", "Sec-Fetch-Site": "cross-site" },
    });
    expect(((await requireUser(crossSite).catch((e) => e)) as Response).status).toBe(403);
    const bare = new Request("http://localhost:3000/logout", {
      method: "POST",
      headers: { Cookie: cookie, Host: "localhost:3000" },
    });
    expect(((await requireUser(bare).catch((e) => e)) as Response).status).toBe(403);
  });

  it("compares the scheme too: an http:// page is not the https:// site", async () => {
    const person = await makePerson();
    const cookie = await sessionCookieFor(person.id);
    const saved = { ...process.env };
    process.env.APP_URL = "https://cohort.example";
    resetEnv();
    try {
      const plain = makeRequest("/home", { cookie, form: {}, headers: { Origin: "http://cohort.example" } });
      expect(((await requireUser(plain).catch((e) => e)) as Response).status).toBe(403);
      const secure = makeRequest("/home", {
        cookie,
        form: {},
        headers: { Origin: "https://cohort.example" },
      });
      expect((await requireUser(secure)).id).toBe(person.id);
    } finally {
      process.env = saved;
      resetEnv();
    }
    // Without APP_URL the request's own scheme counts (X-Forwarded-Proto once the server trusts the proxy).
    const behindProxy = new Request("https://cohort.example/home", {
      method: "POST",
      headers: { Cookie: cookie, Origin: "http://cohort.example" },
    });
    expect(((await requireUser(behindProxy).catch((e) => e)) as Response).status).toBe(403);
  });

  it("lets the same site's POST through", async () => {
    const person = await makePerson();
    const cookie = await sessionCookieFor(person.id);
    const same = makeRequest("/home", { cookie, form: {}, headers: { "Sec-Fetch-Site": "same-origin" } });
    expect((await requireUser(same)).id).toBe(person.id);
  });
});
