// Builds the app like `remix build` (classic compiler), but disposes the compiler's
// esbuild contexts before exiting. `remix build` exits with the contexts still
// open, and esbuild's service process, left with requests in flight, then prints
// "fatal error: all goroutines are asleep - deadlock!" and a goroutine dump
// (evanw/esbuild#3287) even though the build succeeded — the first thing a
// newcomer saw from `npm run demo`. See docs/decisions/071-build-without-crash-dump.md.
import { createRequire } from "node:module";
import fs from "node:fs";

const require = createRequire(import.meta.url);
const { readConfig } = require("@remix-run/dev/dist/config.js");
const { create } = require("@remix-run/dev/dist/compiler/compiler.js");
const { createFileWatchCache } = require("@remix-run/dev/dist/compiler/fileWatchCache.js");
const { logger } = require("@remix-run/dev/dist/tux/logger.js");

const mode = process.env.NODE_ENV === "development" ? "development" : "production";
const started = Date.now();
logger.info(`building... (NODE_ENV=${mode})`);
const config = await readConfig(process.cwd());
fs.rmSync(config.assetsBuildDirectory, { recursive: true, force: true });
fs.mkdirSync(config.assetsBuildDirectory, { recursive: true });
const compiler = await create({
  config,
  options: { mode, sourcemap: false },
  fileWatchCache: createFileWatchCache(),
  logger,
});
let failed = false;
try {
  await compiler.compile();
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? error.message : error);
} finally {
  await compiler.dispose();
}
if (failed) process.exit(1);

// The HTTP server (app/cli/serve.ts) as plain JavaScript, so `npm start` runs `node`
// and needs no devDependency (tsx); packages stay imports resolved from node_modules.
// The generated Prisma clients live in node_modules/.prisma, which an install without
// dev dependencies (`npm ci --omit=dev`) removes: a copy goes with the build
// (app/utils/db.server.ts falls back to it). See docs/decisions/068.
const esbuild = createRequire(require.resolve("@remix-run/dev/package.json"))("esbuild");
await esbuild.build({
  entryPoints: ["app/cli/serve.ts"],
  outfile: "build/server.js",
  bundle: true,
  packages: "external",
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
});
for (const provider of ["sqlite", "postgresql"]) {
  const target = `build/prisma/cohort-${provider}`;
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(`node_modules/.prisma/cohort-${provider}`, target, { recursive: true });
}
logger.info(`built (${((Date.now() - started) / 1000).toFixed(1)}s)`);
