// Load: 50 signed-in clients for 60 s (LOAD_CLIENTS, LOAD_SECONDS) browsing the demo
// program as participants, navigators, a captain, organizers, reviewers, an applicant
// and the admin, against the built app in a child process, while one more client asks
// for a trivial page (/healthz). Reports errors, requests/second and p50/p95 of both,
// and /healthz alone before the load, as the `load` section of bench/results.json.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { seedDemo } from "../../prisma/seed/index";
import { createDb, type Db } from "../../app/utils/db.server";
import { applyMigrations } from "../../app/utils/migrations.server";
import { freePort } from "../setup/free-port";

const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 50);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const DAY = 24 * 60 * 60 * 1000;

/** What each role opens, in turn (the demo: session-5 is running, session-6 takes applications). */
const MIX: Record<string, { logins: string[]; paths: string[] }> = {
  participant: {
    logins: ["meilin-dev", "diegoramirez", "fzahra", "owalsh", "chloemartin", "yusufdemir"],
    paths: ["/home", "/cohorts/session-5", "/cohorts/session-5/week", "/cohorts/session-5/issues", "/cohorts/session-5/pulls", "/cohorts/session-5/reflections/3", "/settings"],
  },
  navigator: { logins: ["anasouza", "kmensah", "priyaraman"], paths: ["/home", "/cohorts/session-5", "/cohorts/session-5/issues", "/cohorts/session-5/pulls"] },
  captain: { logins: ["jonasberg"], paths: ["/home", "/cohorts/session-5", "/cohorts/session-5/teams/pegasus/progress"] },
  organizer: {
    logins: ["lenafischer"],
    paths: ["/cohorts/session-5/progress", "/cohorts/session-5", "/cohorts/session-5/notices", "/cohorts/session-6/decisions", "/cohorts/session-6/review", "/cohorts/session-5/sync"],
  },
  reviewer: { logins: ["tomnguyen", "ines-duarte"], paths: ["/home", "/cohorts/session-6/review"] },
  applicant: { logins: ["nadiahaddad"], paths: ["/home", "/cohorts/session-6", "/cohorts/session-6/apply"] },
  admin: { logins: ["amara-okafor"], paths: ["/admin", "/admin/outbox", "/home"] },
};
/** Pages only one person may open: a navigator's own team, a participant's own team. */
const OWN: Record<string, string[]> = {
  anasouza: ["/cohorts/session-5/teams/pegasus/progress", "/cohorts/session-5/teams/pegasus"],
  kmensah: ["/cohorts/session-5/teams/andromeda/progress", "/cohorts/session-5/teams/andromeda"],
  priyaraman: ["/cohorts/session-5/teams/orion/progress", "/cohorts/session-5/teams/orion"],
};

async function session(db: Db, personId: string): Promise<string> {
  const id = encodeBase32LowerCaseNoPadding(randomBytes(15));
  const secret = encodeBase32LowerCaseNoPadding(randomBytes(20));
  const now = new Date();
  await db.authSession.create({
    data: { id, secretHash: Buffer.from(sha256(new TextEncoder().encode(secret))), personId, createdAt: now, lastVerifiedAt: now, expiresAt: new Date(now.getTime() + 30 * DAY) },
  });
  return `cohort_session=${id}.${secret}`;
}

type Visit = { role: string; path: string; cookie: string };
type Figures = { requests: number; errors: number; rps: number; p50: number; p95: number };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const round = (n: number) => Math.round(n * 10) / 10;

function figures(latencies: number[], errors: number, seconds: number): Figures {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { requests: latencies.length + errors, errors, rps: round((latencies.length + errors) / seconds), p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)) };
}

async function visit(base: string, v: { path: string; cookie: string }): Promise<{ ms: number; status: number }> {
  const t0 = performance.now();
  try {
    const response = await fetch(`${base}${v.path}`, { headers: v.cookie ? { Cookie: v.cookie } : undefined, redirect: "manual" });
    await response.arrayBuffer();
    return { ms: performance.now() - t0, status: response.status };
  } catch {
    return { ms: performance.now() - t0, status: 0 };
  }
}

export async function bench(): Promise<{ load: Record<string, unknown> }> {
  if (!existsSync("build/server.js")) throw new Error("Run `npm run build` first (npm run bench does).");
  const dir = path.resolve("tests/.tmp");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `bench-load-${process.pid}.db`);
  const url = `file:${file}`;
  await applyMigrations(url);
  const db = createDb(url);
  await seedDemo(db);
  const visits: Visit[] = [];
  for (const [role, { logins, paths }] of Object.entries(MIX)) {
    for (const login of logins) {
      const person = await db.person.findUniqueOrThrow({ where: { login } });
      const cookie = await session(db, person.id);
      for (const p of [...paths, ...(OWN[login] ?? [])]) visits.push({ role, path: p, cookie });
    }
  }
  await db.$disconnect();

  const port = await freePort();
  const server = spawn(process.execPath, ["build/server.js"], {
    env: {
      ...process.env, NODE_ENV: "production", DATABASE_URL: url, PORT: String(port), HOST: "127.0.0.1", RUN_SCHEDULER: "0",
      SESSION_SECRET: randomBytes(24).toString("hex"), GITHUB_CLIENT_ID: "bench", GITHUB_CLIENT_SECRET: "bench", APP_URL: `http://127.0.0.1:${port}`,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout?.on("data", (d) => (output += d));
  server.stderr?.on("data", (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if ((await visit(base, { path: "/healthz", cookie: "" })).status === 200) break;
      if (Date.now() > deadline || server.exitCode !== null) throw new Error(`The app did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    // Every page of the mix must answer 200 to its role before the load starts.
    const broken: string[] = [];
    for (const v of visits) {
      const { status } = await visit(base, v);
      if (status !== 200) broken.push(`${v.role} ${v.path} → ${status}`);
    }
    if (broken.length) throw new Error(`pages in the mix do not answer 200:\n${broken.join("\n")}`);

    const idle: number[] = [];
    for (let i = 0; i < 200; i++) idle.push((await visit(base, { path: "/healthz", cookie: "" })).ms);

    const latencies: number[] = [];
    const byRole = new Map<string, number[]>();
    const failures = new Map<string, number>();
    const trivial: number[] = [];
    let trivialErrors = 0;
    let errors = 0;
    const started = performance.now();
    const over = () => performance.now() - started >= SECONDS * 1000;
    const client = async (n: number) => {
      // each client keeps to one person's pages, starting at a different place
      const own = visits.filter((v) => v.cookie === visits[(n * 7) % visits.length].cookie);
      for (let i = n; !over(); i++) {
        const v = own[i % own.length];
        const { ms, status } = await visit(base, v);
        if (status !== 200) {
          errors++;
          failures.set(`${v.role} ${v.path} → ${status}`, (failures.get(`${v.role} ${v.path} → ${status}`) ?? 0) + 1);
          continue;
        }
        latencies.push(ms);
        const list = byRole.get(v.role) ?? [];
        list.push(ms);
        byRole.set(v.role, list);
      }
    };
    const probe = async () => {
      while (!over()) {
        const { ms, status } = await visit(base, { path: "/healthz", cookie: "" });
        if (status === 200) trivial.push(ms);
        else trivialErrors++;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    await Promise.all([...Array.from({ length: CLIENTS }, (_, n) => client(n)), probe()]);
    const seconds = (performance.now() - started) / 1000;

    const load = figures(latencies, errors, seconds);
    const underLoad = figures(trivial, trivialErrors, seconds);
    const alone = figures(idle, 0, 1);
    const roles = Object.fromEntries([...byRole].map(([role, list]) => [role, figures(list, 0, seconds)]));
    console.log(`${CLIENTS} signed-in clients for ${SECONDS} s, ${visits.length} pages across ${Object.keys(MIX).length} roles, SQLite, 127.0.0.1`);
    console.log(`${"".padEnd(36)} ${"req/s".padStart(8)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"requests".padStart(9)} ${"errors".padStart(7)}`);
    const line = (name: string, f: Figures) => console.log(`${name.padEnd(36)} ${String(f.rps).padStart(8)} ${String(f.p50).padStart(8)} ${String(f.p95).padStart(8)} ${String(f.requests).padStart(9)} ${String(f.errors).padStart(7)}`);
    line("mixed signed-in pages", load);
    for (const [role, f] of Object.entries(roles)) line(`  as ${role}`, f);
    line("trivial page (/healthz), same run", underLoad);
    console.log(`trivial page alone before the load: p50 ${alone.p50} ms, p95 ${alone.p95} ms`);
    if (failures.size) console.log(`failed requests:\n${[...failures].map(([k, n]) => `  ${n} × ${k}`).join("\n")}\nserver output:\n${output.slice(-2000)}`);
    return {
      load: {
        clients: CLIENTS, seconds: SECONDS, pages: visits.length,
        mixed: load, byRole: roles, trivialSameRun: underLoad, trivialAlone: { p50: alone.p50, p95: alone.p95 },
      },
    };
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
    for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  }
}
