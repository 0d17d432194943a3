// Helpers for page benchmarks: a fresh database (SQLite file, or a schema of the
// PostgreSQL server when DATABASE_URL is PostgreSQL), the built app served in a child
// process with a query counter preloaded, and a measurement of one page: requests a
// second, p50/p95 latency, bytes of HTML and of loader JSON, database queries.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import type { Db } from "../../app/utils/db.server";
import { applyMigrations } from "../../app/utils/migrations.server";
import { freePort } from "../setup/free-port";

const DAY = 24 * 60 * 60 * 1000;

export async function inChunks<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/** A signed-in session for `personId`, as the cookie a browser would send. */
export async function session(db: Db, personId: string): Promise<string> {
  const id = encodeBase32LowerCaseNoPadding(randomBytes(15));
  const secret = encodeBase32LowerCaseNoPadding(randomBytes(20));
  const now = new Date();
  await db.authSession.create({
    data: { id, secretHash: Buffer.from(sha256(new TextEncoder().encode(secret))), personId, createdAt: now, lastVerifiedAt: now, expiresAt: new Date(now.getTime() + 30 * DAY) },
  });
  return `cohort_session=${id}.${secret}`;
}

export type BenchDatabase = { url: string; provider: "sqlite" | "postgresql"; dispose: () => Promise<void> };

/** A fresh, migrated database: a SQLite file, or a new schema when DATABASE_URL is PostgreSQL. */
export async function benchDatabase(label: string): Promise<BenchDatabase> {
  const configured = process.env.DATABASE_URL ?? "";
  if (configured.startsWith("postgres")) {
    const server = configured.replace(/([?&])schema=[^&]*&?/, "$1").replace(/[?&]$/, "");
    const schema = `bench_${label}_${process.pid}`;
    const url = `${server}${server.includes("?") ? "&" : "?"}schema=${schema}`;
    await applyMigrations(url);
    return {
      url,
      provider: "postgresql",
      dispose: async () => {
        const client = new pg.Client({ connectionString: server });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.end();
      },
    };
  }
  const dir = path.resolve("tests/.tmp");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `bench-${label}-${process.pid}.db`);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  const url = `file:${file}`;
  await applyMigrations(url);
  return {
    url,
    provider: "sqlite",
    dispose: async () => {
      for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
    },
  };
}

export type AppServer = { base: string; queries: () => Promise<number>; stop: () => Promise<void>; output: () => string };

/** The built app (build/), served by build/server.js (app/cli/serve.ts) in production mode on `url`, with the query counter preloaded. */
export async function startApp(url: string): Promise<AppServer> {
  if (!existsSync("build/server.js")) throw new Error("Run `npm run build` first (npm run bench does).");
  const port = await freePort();
  const countPort = await freePort();
  const server: ChildProcess = spawn(process.execPath, ["--require", path.resolve("tests/bench/count-queries.cjs"), "build/server.js"], {
    env: {
      ...process.env, NODE_ENV: "production", DATABASE_URL: url, PORT: String(port), HOST: "127.0.0.1", RUN_SCHEDULER: "0", MIGRATE_ON_START: "0",
      SESSION_SECRET: randomBytes(24).toString("hex"), GITHUB_CLIENT_ID: "bench", GITHUB_CLIENT_SECRET: "bench", APP_URL: `http://127.0.0.1:${port}`,
      BENCH_QUERY_COUNT_PORT: String(countPort),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout?.on("data", (d) => (output += d));
  server.stderr?.on("data", (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || server.exitCode !== null) {
      server.kill("SIGTERM");
      throw new Error(`The app did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    output: () => output,
    queries: async () => Number(await (await fetch(`http://127.0.0.1:${countPort}/`)).text()),
    stop: async () => {
      server.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 300));
    },
  };
}

export type PageSpec = {
  name: string;
  path: string;
  cookie: string;
  /** the Remix route ids whose loader JSON the page ships (layout and page); none for a resource route */
  routes: string[];
  status?: number;
};

export type PageFigures = {
  name: string; path: string; rps: number; p50_ms: number; p95_ms: number; html_bytes: number; json_bytes: number | null; queries: number;
  requests: number; errors: number; limited: number;
};

const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 4) * 1000;
const MAX_REQUESTS = 2_000;
const CONCURRENCY = 4;
export const LOAD = { concurrency: CONCURRENCY, seconds: DURATION_MS / 1000 };

/**
 * Requests `page` from `CONCURRENCY` clients for `DURATION_MS`. `beforeEach` runs before
 * every request, untimed: a write there means no request finds its data kept
 * (docs/decisions/079). Answers 429 (a rate limit's refusal) are counted apart.
 */
export async function measurePage(
  app: AppServer,
  page: PageSpec,
  beforeEach: () => Promise<unknown> = async () => undefined,
): Promise<PageFigures> {
  const url = `${app.base}${page.path}`;
  const headers = page.cookie ? { Cookie: page.cookie } : undefined;
  const expected = page.status ?? 200;
  for (let i = 0; i < 5; i++) await (await fetch(url, { headers })).arrayBuffer(); // warm up

  // One request alone, to count its queries and bytes.
  await beforeEach();
  const before = await app.queries();
  const first = await fetch(url, { headers });
  const body = Buffer.from(await first.arrayBuffer());
  if (first.status !== expected) throw new Error(`${page.path} answered ${first.status}, not ${expected}:\n${body.toString().slice(0, 500)}\n${app.output().slice(-2000)}`);
  await new Promise((r) => setTimeout(r, 50)); // work finishing after the response still counts
  const queries = (await app.queries()) - before;
  let jsonBytes: number | null = null;
  for (const route of page.routes) {
    const sep = page.path.includes("?") ? "&" : "?";
    const data = await fetch(`${url}${sep}_data=${encodeURIComponent(route)}`, { headers });
    jsonBytes = (jsonBytes ?? 0) + (await data.arrayBuffer()).byteLength;
  }

  const latencies: number[] = [];
  let errors = 0;
  let limited = 0;
  const started = performance.now();
  const worker = async () => {
    while (performance.now() - started < DURATION_MS && latencies.length + errors + limited < MAX_REQUESTS) {
      await beforeEach();
      const t0 = performance.now();
      try {
        const response = await fetch(url, { headers });
        await response.arrayBuffer();
        if (response.status === 429) limited++;
        else if (response.status !== expected) errors++;
        else latencies.push(performance.now() - t0);
      } catch {
        errors++; // a reset connection on an overloaded machine counts as a failed request
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    name: page.name, path: page.path, rps: round(latencies.length / seconds), p50_ms: round(pct(50)), p95_ms: round(pct(95)),
    html_bytes: body.byteLength, json_bytes: jsonBytes, queries, requests: latencies.length + errors + limited, errors, limited,
  };
}

export function printPages(rows: PageFigures[], trivial: PageFigures, heading = "") {
  const kb = (n: number | null) => (n === null ? "—" : (n / 1024).toFixed(1));
  console.log(`${heading}${LOAD.concurrency} concurrent clients, ${LOAD.seconds} s per page, 127.0.0.1; ratios are to "${trivial.name}"; req/s counts answered pages (not 429s)`);
  console.log(
    `${"page".padEnd(44)} ${"req/s".padStart(7)} ${"p50 ms".padStart(7)} ${"p95 ms".padStart(7)} ${"rps %".padStart(6)} ${"p95 ×".padStart(6)} ${"HTML KB".padStart(8)} ${"JSON KB".padStart(8)} ${"queries".padStart(7)} ${"errors".padStart(6)}`,
  );
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(44)} ${r.rps.toFixed(1).padStart(7)} ${r.p50_ms.toFixed(1).padStart(7)} ${r.p95_ms.toFixed(1).padStart(7)} ${((100 * r.rps) / trivial.rps).toFixed(0).padStart(6)} ${(r.p95_ms / trivial.p95_ms).toFixed(1).padStart(6)} ${kb(r.html_bytes).padStart(8)} ${kb(r.json_bytes).padStart(8)} ${String(r.queries).padStart(7)} ${String(r.errors).padStart(6)}`,
    );
  }
  for (const r of rows.filter((row) => row.limited > 0))
    console.log(`  ${r.name}: ${r.limited} of ${r.requests} requests refused by its rate limit (429), as meant`);
}

/**
 * The JavaScript a browser downloads to show `routeId` first (Remix classic build):
 * the manifest, the entry, and the modules and shared chunks of the route and its
 * parents, each file once, gzipped as a server would send it.
 */
export function firstLoadJs(routeId: string): { route: string; files: number; bytes: number; gzip_bytes: number } {
  const dir = path.resolve("public/build");
  const manifestFile = readdirSync(dir).find((f) => /^manifest-.*\.js$/.test(f));
  if (!manifestFile) throw new Error("No Remix manifest in public/build: run `npm run build`.");
  const text = readFileSync(path.join(dir, manifestFile), "utf8");
  const manifest = JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as {
    entry: { module: string; imports?: string[] };
    routes: Record<string, { module: string; imports?: string[]; parentId?: string }>;
  };
  const files = new Set<string>([`/build/${manifestFile}`, manifest.entry.module, ...(manifest.entry.imports ?? [])]);
  for (let id: string | undefined = routeId; id; id = manifest.routes[id]?.parentId) {
    const route = manifest.routes[id];
    if (!route) throw new Error(`No route ${id} in the manifest.`);
    files.add(route.module);
    for (const f of route.imports ?? []) files.add(f);
  }
  let bytes = 0;
  let gzipBytes = 0;
  for (const f of files) {
    const content = readFileSync(path.join(path.resolve("public"), f));
    bytes += content.byteLength;
    gzipBytes += gzipSync(content, { level: 6 }).byteLength;
  }
  return { route: routeId, files: files.size, bytes, gzip_bytes: gzipBytes };
}
