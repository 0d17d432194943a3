// Writes the next migration for both providers from the change to prisma/schema.prisma
// since the last migration, keeping the two histories in step.
//   npm run db:migration -- add_reflections
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { diffSql, migrationsRoot, providers, schemaPath } from "./providers";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run db:migration -- <name>");
  process.exit(1);
}
const snapshotPath = path.join(migrationsRoot, "schema.snapshot.prisma");
const previous = existsSync(snapshotPath) ? readFileSync(snapshotPath, "utf8") : null;
const current = readFileSync(schemaPath, "utf8");
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);

let wrote = 0;
for (const provider of providers) {
  const sql = diffSql(provider, previous, current);
  if (!sql.trim() || sql.includes("This is an empty migration")) continue;
  const dir = path.join(migrationsRoot, provider, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  wrote++;
  console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}
if (wrote === 0) console.log("schema unchanged since the last migration: nothing written");
else writeFileSync(snapshotPath, current);
