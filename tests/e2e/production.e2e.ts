// The built server as an operator runs it, no browser needed: `npm start` in a copy of
// the app whose node_modules holds only what `npm ci --omit=dev` installs, and a form
// posted without JavaScript through a reverse proxy that sets X-Forwarded-Proto/Host
// (docs/decisions/068, 061). Runs after `npm run build` (npm run test:e2e builds).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, SESSION_COOKIE } from "../../app/auth/session.server";
import { createDb } from "../../app/utils/db.server";
import { freePort } from "../setup/free-port";

const here = process.cwd();
// Outside the repository: Node and npm would otherwise find its node_modules by walking up.
const scratch = path.join(tmpdir(), `cohort-production-${process.pid}`);
const databaseUrl = `file:${path.join(scratch, "cohort.db")}`;
const running: ChildProcess[] = [];
const closing: (() => void)[] = [];

/** Top-level packages `npm ci --omit=dev` installs: every one in the lockfile not marked dev. */
function productionPackages(): string[] {
  const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as {
    packages: Record<string, { dev?: boolean }>;
  };
  return Object.entries(lock.packages)
    .filter(([where, entry]) => /^node_modules\/(@[^/]+\/)?[^/]+$/.test(where) && !entry.dev)
    .map(([where]) => where.slice("node_modules/".length));
}

/** Waits until the server answers /healthz; fails with its output if it stops first. */
async function started(child: ChildProcess, port: number, output: () => string): Promise<void> {
  const deadline = Date.now() + 240_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`The server did not start:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Starts a command in the scratch copy with only the given settings (of this process's, only PATH and HOME). */
async function serve(command: string[], settings: Record<string, string>): Promise<number> {
  const port = await freePort();
  const child: ChildProcess = spawn(command[0], command.slice(1), {
    cwd: scratch,
    detached: true, // npm start runs sh, which runs node: stop the whole group
    env: {
      // not this checkout's node_modules/.bin, which npx and npm put there
      PATH: (process.env.PATH ?? "")
        .split(path.delimiter)
        .filter((dir) => !dir.includes("node_modules"))
        .join(path.delimiter),
      HOME: process.env.HOME ?? "",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      RUN_SCHEDULER: "0",
      NODE_ENV: "production", // `npm start` sets it itself
      ...settings,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  await started(child, port, () => output);
  return port;
}

beforeAll(() => {
  if (!existsSync("build/server.js") || !existsSync("build/prisma"))
    throw new Error("Run `npm run build` first (npm run test:e2e does).");
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(path.join(scratch, "node_modules"), { recursive: true });
  // the checkout (sources, migrations) with the build made by `npm run build`
  for (const item of ["package.json", "package-lock.json", "app", "build", "public", "prisma/migrations"])
    cpSync(item, path.join(scratch, item), { recursive: true });
  for (const name of productionPackages()) {
    const installed = path.join(here, "node_modules", name);
    if (!existsSync(installed)) continue; // an optional package for another platform
    mkdirSync(path.dirname(path.join(scratch, "node_modules", name)), { recursive: true });
    symlinkSync(installed, path.join(scratch, "node_modules", name), "dir");
  }
});

afterAll(() => {
  for (const close of closing) close();
  for (const child of running) if (child.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
  rmSync(scratch, { recursive: true, force: true });
});

describe("production start without devDependencies", () => {
  it("`npm start` serves the built app from an install without devDependencies, migrating an empty database", async () => {
    expect(existsSync(path.join(scratch, "node_modules/tsx"))).toBe(false);
    expect(existsSync(path.join(scratch, "node_modules/@remix-run/dev"))).toBe(false);
    expect(existsSync(path.join(scratch, "node_modules/.prisma"))).toBe(false);
    const port = await serve(["npm", "start"], {
      APP_URL: "https://cohort.example.org",
      SESSION_SECRET: randomBytes(24).toString("hex"),
      GITHUB_CLIENT_ID: "production-check",
      GITHUB_CLIENT_SECRET: "production-check",
    });
    const login = await fetch(`http://127.0.0.1:${port}/login`);
    expect(login.status).toBe(200);
    expect(await login.text()).toContain("Sign in with GitHub");
    expect(login.headers.get("strict-transport-security")).toMatch(/max-age=/);

    // A page built on raw SQL (the review list) finds Prisma's SQL helpers in build/prisma too.
    const db = createDb(databaseUrl);
    const DAY = 24 * 60 * 60 * 1000;
    const reviewer = await db.person.create({ data: { login: "production-reviewer", name: "Rev Iewer" } });
    await db.cohort.create({
      data: {
        slug: "production-review",
        name: "Production Review",
        publishedAt: new Date(Date.now() - 20 * DAY),
        applicationsOpenAt: new Date(Date.now() - 15 * DAY),
        applicationsCloseAt: new Date(Date.now() - DAY),
        startsOn: new Date(Date.now() + 20 * DAY),
        memberships: { create: [{ personId: reviewer.id, role: "reviewer" }] },
      },
    });
    await db.$disconnect();
    process.env.DATABASE_URL = databaseUrl; // createSession uses the app's client
    const reviewList = await fetch(`http://127.0.0.1:${port}/cohorts/production-review/review`, {
      headers: { Cookie: `${SESSION_COOKIE}=${(await createSession(reviewer.id)).token}` },
    });
    expect(reviewList.status).toBe(200);
    expect(await reviewList.text()).toContain("Review applications");
  }, 300_000);
});

/** A reverse proxy as nginx is often set up: it rewrites Host to the upstream and reports the public one. */
async function startProxy(upstream: number): Promise<number> {
  const port = await freePort();
  const proxy = http.createServer((req, res) => {
    const forwarded = http.request(
      {
        host: "127.0.0.1",
        port: upstream,
        method: req.method,
        path: req.url,
        headers: {
          ...req.headers,
          host: `127.0.0.1:${upstream}`,
          "x-forwarded-proto": "https",
          "x-forwarded-host": "public-host",
          "x-forwarded-for": req.socket.remoteAddress ?? "",
        },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => proxy.listen(port, "127.0.0.1", resolve));
  closing.push(() => proxy.close());
  return port;
}

describe("behind a proxy that sets X-Forwarded-Proto and X-Forwarded-Host", () => {
  let cookie = "";
  beforeAll(async () => {
    // the production test above migrated the database when it runs first; this works alone too
    const { applyMigrations } = await import("../../app/utils/migrations.server");
    await applyMigrations(databaseUrl);
    const db = createDb(databaseUrl);
    const person = await db.person.create({ data: { login: "behind-proxy", name: "Rosa Díaz" } });
    await db.$disconnect();
    process.env.DATABASE_URL = databaseUrl; // createSession uses the app's client
    cookie = `${SESSION_COOKIE}=${(await createSession(person.id)).token}`;
  });

  /** What a browser without JavaScript sends when the settings form on https://public-host is submitted. */
  const submitSettings = (proxy: number, name: string) =>
    fetch(`http://127.0.0.1:${proxy}/settings`, {
      method: "POST",
      redirect: "manual",
      headers: {
        Cookie: cookie,
        Origin: "https://public-host",
        "Sec-Fetch-Site": "same-origin",
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ intent: "profile", name, email: "", timeZone: "Europe/Madrid" }),
    });

  it("with TRUST_PROXY the form goes through and the next page says it was saved", async () => {
    const app = await serve([process.execPath, "build/server.js"], {
      NODE_ENV: "development",
      TRUST_PROXY: "1",
    });
    const proxy = await startProxy(app);
    const saved = await submitSettings(proxy, "Rosa Díaz-Proxy");
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe("/settings");
    const flash = saved.headers.getSetCookie().map((c) => c.split(";")[0]);
    const page = await fetch(`http://127.0.0.1:${proxy}/settings`, {
      headers: { Cookie: [cookie, ...flash].join("; ") },
    });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain("Your settings are saved.");
    expect(html).toContain("Rosa Díaz-Proxy");
  }, 300_000);

  it("without TRUST_PROXY the forwarded headers are not believed: the app's own 403 page, nothing saved", async () => {
    const app = await serve([process.execPath, "build/server.js"], { NODE_ENV: "development" });
    const proxy = await startProxy(app);
    const refused = await submitSettings(proxy, "Someone Else");
    expect(refused.status).toBe(403);
    const html = await refused.text();
    expect(html).toContain("This form was sent from another site, so it was refused.");
    expect(html).toContain("<html");
    const db = createDb(databaseUrl);
    expect((await db.person.findUniqueOrThrow({ where: { login: "behind-proxy" } })).name).not.toBe(
      "Someone Else",
    );
    await db.$disconnect();
  }, 300_000);
});
