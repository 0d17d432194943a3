// Fresh database per test file (Epic Stack decision 038): copy a migrated SQLite
// file, or create a migrated PostgreSQL schema when TEST_DB=postgresql.
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "../../app/utils/migrations.server";

export const tmpDir = path.resolve("tests/.tmp");
export const baseSqliteFile = path.join(tmpDir, "base.db");

export function usingPostgres(): boolean {
  return process.env.TEST_DB === "postgresql";
}

export function postgresServerUrl(): string {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url)
    throw new Error(
      "TEST_DB=postgresql needs TEST_POSTGRES_URL, e.g. postgresql://postgres@127.0.0.1:5432/test",
    );
  return url;
}

export async function createBaseSqlite(): Promise<void> {
  mkdirSync(tmpDir, { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) rmSync(baseSqliteFile + suffix, { force: true });
  await applyMigrations(`file:${baseSqliteFile}`);
}

export type TestDatabase = { url: string; dispose: () => Promise<void> };

export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const id = `${label
    .replace(/[^a-z0-9]/gi, "")
    .slice(0, 20)
    .toLowerCase()}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  if (usingPostgres()) {
    const server = postgresServerUrl();
    const schema = `t_${id}`;
    const url = `${server}${server.includes("?") ? "&" : "?"}schema=${schema}`;
    await applyMigrations(url);
    return {
      url,
      dispose: async () => {
        const client = new pg.Client({ connectionString: server });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        // the scheduler's job queue (pg-boss) lives beside it
        await client.query(`DROP SCHEMA IF EXISTS "${schema}_jobs" CASCADE`);
        await client.end();
      },
    };
  }
  const file = path.join(tmpDir, `${id}.db`);
  copyFileSync(baseSqliteFile, file);
  return {
    url: `file:${file}`,
    dispose: async () => {
      for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
    },
  };
}
