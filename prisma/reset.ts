import { rmSync } from "node:fs";
import pg from "pg";
import { postgresTarget, providerOf, sqliteFile } from "../app/utils/migrations.server";

/** Removes the SQLite file, or drops the PostgreSQL schema, so migrations start over. */
export async function resetDatabase(url: string): Promise<void> {
  if (providerOf(url) === "sqlite") {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(sqliteFile(url) + suffix, { force: true });
    return;
  }
  const { connectionString, schema = "public" } = postgresTarget(url);
  const client = new pg.Client({ connectionString });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.query(`CREATE SCHEMA "${schema}"`);
  await client.end();
}
