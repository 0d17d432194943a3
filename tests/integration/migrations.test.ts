// The schema has one source and two migration histories (docs/decisions/002).
// Both histories must build the same tables, columns, nullability and unique
// indexes, and neither may lag behind prisma/schema.prisma.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { applyMigrations, listMigrations } from "../../app/utils/migrations.server";

type Shape = Record<string, { columns: Record<string, { nullable: boolean }>; uniques: string[] }>;

async function sqliteShape(): Promise<Shape> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "cohort-mig-")), "shape.db");
  await applyMigrations(`file:${file}`);
  const db = new Database(file, { readonly: true });
  const shape: Shape = {};
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name != '_cohort_migrations'`,
    )
    .all() as { name: string }[];
  for (const { name } of tables) {
    const columns = db.prepare(`PRAGMA table_info("${name}")`).all() as {
      name: string;
      notnull: number;
      pk: number;
    }[];
    const indexes = db.prepare(`PRAGMA index_list("${name}")`).all() as {
      name: string;
      unique: number;
      origin: string;
    }[];
    shape[name] = {
      columns: Object.fromEntries(columns.map((c) => [c.name, { nullable: c.notnull === 0 && c.pk === 0 }])),
      uniques: indexes
        .filter((i) => i.unique === 1 && i.origin === "c")
        .map((i) =>
          (db.prepare(`PRAGMA index_info("${i.name}")`).all() as { name: string }[])
            .map((c) => c.name)
            .join(","),
        )
        .sort(),
    };
  }
  db.close();
  return shape;
}

async function postgresShape(): Promise<Shape> {
  const pg = new PGlite();
  for (const migration of listMigrations("postgresql")) await pg.exec(migration.sql);
  const columns = await pg.query<{ table_name: string; column_name: string; is_nullable: string }>(
    `SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
  );
  const uniques = await pg.query<{ tablename: string; indexdef: string }>(
    `SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public' AND indexdef LIKE 'CREATE UNIQUE INDEX%' AND indexname NOT LIKE '%_pkey'`,
  );
  const shape: Shape = {};
  for (const c of columns.rows) {
    shape[c.table_name] ??= { columns: {}, uniques: [] };
    shape[c.table_name].columns[c.column_name] = { nullable: c.is_nullable === "YES" };
  }
  for (const u of uniques.rows) {
    const cols = /\((.*)\)\s*$/.exec(u.indexdef)?.[1] ?? "";
    shape[u.tablename].uniques.push(
      cols
        .split(",")
        .map((c) => c.trim().replace(/"/g, ""))
        .join(","),
    );
  }
  for (const table of Object.values(shape)) table.uniques.sort();
  await pg.close();
  return shape;
}

describe("migration histories", () => {
  it("SQLite and PostgreSQL histories build the same schema", async () => {
    const [sqlite, postgres] = await Promise.all([sqliteShape(), postgresShape()]);
    expect(Object.keys(sqlite).sort()).toEqual(Object.keys(postgres).sort());
    expect(Object.keys(sqlite)).toContain("Person");
    expect(sqlite).toEqual(postgres);
  }, 60_000);

  it("have the same migrations, and nothing in schema.prisma is left unmigrated", () => {
    const names = (p: "sqlite" | "postgresql") => listMigrations(p).map((m) => m.name);
    expect(names("sqlite")).toEqual(names("postgresql"));
    const schema = readFileSync("prisma/schema.prisma", "utf8").trim();
    const snapshot = readFileSync("prisma/migrations/schema.snapshot.prisma", "utf8").trim();
    expect(snapshot, "run `npm run db:migration -- <name>` after changing prisma/schema.prisma").toBe(schema);
  });
});
