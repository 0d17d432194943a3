// Counts the SQL statements a piece of work sends to the driver (SQLite or
// PostgreSQL), leaving out transaction control; optionally only those matching.
import Database from "better-sqlite3";
import pg from "pg";

const TRANSACTION = /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i;

export async function countStatements(work: () => Promise<unknown>, only?: RegExp): Promise<number> {
  let count = 0;
  const seen = (sql: string) => {
    if (!TRANSACTION.test(sql) && (!only || only.test(sql))) count++;
  };
  const prepare = Database.prototype.prepare;
  const query = pg.Client.prototype.query;
  Database.prototype.prepare = function (this: Database.Database, sql: string) {
    seen(sql);
    return prepare.call(this, sql);
  } as typeof prepare;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    seen(typeof args[0] === "string" ? args[0] : ((args[0] as { text?: string })?.text ?? ""));
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await work();
  } finally {
    Database.prototype.prepare = prepare;
    pg.Client.prototype.query = query;
  }
  return count;
}
