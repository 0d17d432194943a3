// Browser tests: a fresh demo database, the built app served on a free port, and
// Debian's Chromium. Without Chromium they are skipped loudly — unless
// E2E_REQUIRED=1, when that is a failure.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { freePort } from "../setup/free-port";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startMockGitHub } from "./mock-github";

export function findChromium(): string | null {
  const candidates = [
    process.env.CHROMIUM_PATH,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
  ];
  return candidates.find((c): c is string => Boolean(c && existsSync(c))) ?? null;
}

let server: ChildProcess | undefined;

export default async function setup(project: TestProject) {
  const chromium = findChromium();
  if (!chromium) {
    const line = "=".repeat(78);
    const message = `${line}\n  NO CHROMIUM FOUND: the browser tests are SKIPPED.\n  Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.\n${line}`;
    if (process.env.E2E_REQUIRED === "1")
      throw new Error(`E2E_REQUIRED=1 but no Chromium was found.\n${message}`);
    console.warn(`\n${message}\n`);
    project.provide("chromiumPath", "");
    project.provide("baseUrl", "");
    return;
  }
  if (!existsSync("build/index.js") || !existsSync("build/server.js"))
    throw new Error("Run `npm run build` before the browser tests (npm run test:e2e does).");
  const tmp = path.resolve("tests/.tmp");
  mkdirSync(tmp, { recursive: true });
  // The app's GitHub calls (linking a pull request) go to a local mock (issue 5).
  const mockGitHub = await startMockGitHub();
  const env = {
    ...process.env,
    GITHUB_API_URL: mockGitHub.url,
    NODE_ENV: "development" as const,
    DATABASE_URL: `file:${path.join(tmp, `e2e-${process.pid}.db`)}`,
    GITHUB_CLIENT_ID: "",
    GITHUB_CLIENT_SECRET: "",
    SMTP_URL: "",
    RUN_SCHEDULER: "0",
  };
  // The seed knows the port too: links in the demo's notices lead to this server.
  const port = await freePort();
  const seeded = spawnSync("node_modules/.bin/tsx", ["prisma/demo.ts", "--reset"], {
    env: { ...env, PORT: String(port), HOST: "127.0.0.1" },
    encoding: "utf8",
  });
  if (seeded.status !== 0) throw new Error(`Could not prepare the demo database:\n${seeded.stderr}`);
  server = spawn(process.execPath, ["build/server.js"], {
    env: { ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout?.on("data", (d) => (output += d));
  server.stderr?.on("data", (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  // A busy machine can take minutes to compile and start the server.
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || server.exitCode !== null)
      throw new Error(`The app did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  project.provide("chromiumPath", chromium);
  project.provide("baseUrl", baseUrl);
  return async () => {
    server?.kill("SIGTERM");
    await mockGitHub.close();
    if (process.env.E2E_SERVER_LOG) console.log(output);
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    chromiumPath: string;
    baseUrl: string;
  }
}
