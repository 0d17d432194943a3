import path from "node:path";
import { defineConfig } from "vitest/config";

// Browser tests: one built app with demo data, driven by Debian's Chromium.
export default defineConfig({
  resolve: { alias: { "~": path.resolve("app") } },
  test: {
    include: ["tests/e2e/**/*.e2e.ts"],
    globals: true,
    pool: "forks",
    poolOptions: { forks: { singleFork: true } },
    fileParallelism: false,
    globalSetup: ["tests/e2e/global.ts"],
    // Generous limits for a busy machine: every wait ends as soon as its text shows.
    testTimeout: 300_000,
    hookTimeout: 600_000,
    expect: { poll: { timeout: 30_000, interval: 100 } },
  },
});
