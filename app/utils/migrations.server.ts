// Applies prisma/migrations/<provider>/*/migration.sql in order and records each in
// _cohort_migrations. Prisma's own `migrate deploy` cannot run offline on PostgreSQL
// (docs/decisions/002), so both providers use this one small runner.
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

export type Provider = "sqlite" | "postgresql";

export function providerOf(url: string): Provider {
  return url.startsWith("file:") ? "sqlite" : "postgresql";
}

export function sqliteFile(url: string): string {
  return path.resolve(url.replace(/^file:/, "").replace(/\?.*$/, ""));
}

/** Splits `?schema=` off a PostgreSQL URL: the schema becomes the search_path. */
export function postgresTarget(url: string): { connectionString: string; schema?: string } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") ?? undefined;
  parsed.searchParams.delete("schema");
  return { connectionString: parsed.toString(), schema };
}

export function migrationsDir(provider: Provider): string {
  return path.resolve("prisma/migrations", provider);
}

export function listMigrations(provider: Provider): { name: string; sql: string }[] {
  const dir = migrationsDir(provider);
  return readdirSync(dir)
    .filter((name) => existsSync(path.join(dir, name, "migration.sql")))
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
}

export async function applyMigrations(url: string): Promise<string[]> {
  return providerOf(url) === "sqlite" ? applySqlite(url) : applyPostgres(url);
}

function applySqlite(url: string): string[] {
  const file = sqliteFile(url);
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 5000");
    db.exec(
      `CREATE TABLE IF NOT EXISTS "_cohort_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TEXT NOT NULL)`,
    );
    const done = new Set(
      (db.prepare(`SELECT name FROM "_cohort_migrations"`).all() as { name: string }[]).map((r) => r.name),
    );
    const applied: string[] = [];
    for (const migration of listMigrations("sqlite")) {
      if (done.has(migration.name)) continue;
      db.transaction(() => {
        db.exec(migration.sql);
        db.prepare(`INSERT INTO "_cohort_migrations" (name, "appliedAt") VALUES (?, ?)`).run(
          migration.name,
          new Date().toISOString(),
        );
      }).immediate();
      applied.push(migration.name);
    }
    return applied;
  } finally {
    db.close();
  }
}

async function applyPostgres(url: string): Promise<string[]> {
  const { connectionString, schema } = postgresTarget(url);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    if (schema) {
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, "")}"`);
      await client.query(`SET search_path TO "${schema.replace(/"/g, "")}"`);
    }
    // Several instances may start at once: one applies, the others wait.
    await client.query("SELECT pg_advisory_lock(727274)");
    await client.query(
      `CREATE TABLE IF NOT EXISTS "_cohort_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TIMESTAMPTZ NOT NULL)`,
    );
    const { rows } = await client.query<{ name: string }>(`SELECT name FROM "_cohort_migrations"`);
    const done = new Set(rows.map((r) => r.name));
    const applied: string[] = [];
    for (const migration of listMigrations("postgresql")) {
      if (done.has(migration.name)) continue;
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(`INSERT INTO "_cohort_migrations" (name, "appliedAt") VALUES ($1, now())`, [
          migration.name,
        ]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
      applied.push(migration.name);
    }
    await client.query("SELECT pg_advisory_unlock(727274)");
    return applied;
  } finally {
    await client.end();
  }
}
