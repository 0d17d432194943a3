// Prisma CLI configuration for the embedded SQLite database. Engine "js" with a
// driver adapter means the CLI downloads nothing (docs/decisions/001).
import { mkdirSync } from "node:fs";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// An unresolvable env() or an unopenable database makes the CLI fall back to
// downloading engines, which fails offline: always give it a file it can open.
mkdirSync("prisma/.generated", { recursive: true });
if (!process.env.DATABASE_URL?.startsWith("file:")) {
  process.env.DATABASE_URL = "file:./prisma/.generated/cli-scratch.db";
}

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: "prisma/schema.prisma",
  async adapter() {
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL! });
  },
});
