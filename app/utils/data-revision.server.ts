// What the heavy pages read, kept in memory only while nothing has changed
// (docs/decisions/079).
//
// Every write that can change what a page shows bumps one row, DataRevision, in the
// same transaction: the database driver is watched, so Prisma's queries, raw SQL and
// every server sharing the database are covered alike. A page's data is kept under the
// revision read at the start of its request (and the current minute, for what depends
// on the time), so once a write commits no later request is answered from before it.
import { randomBytes } from "node:crypto";
import { inReadScope, oncePerRequest } from "./request-scope.server";

type Query = { sql: string; args: unknown[]; argTypes: unknown[] };
type ResultSet = { columnNames: string[]; rows: unknown[][] };
type Queryable = {
  queryRaw(query: Query): Promise<ResultSet>;
  executeRaw(query: Query): Promise<number>;
};
type Transaction = Queryable & { commit(): Promise<void>; rollback(): Promise<void> };
type Adapter = Queryable & {
  startTransaction(isolationLevel?: string): Promise<Transaction>;
  executeScript(script: string): Promise<void>;
};
type AdapterFactory = { connect(): Promise<Adapter> };

/**
 * Tables whose writes change no page kept here: sessions, rate-limit counters, job
 * leases and the audit log (written beside the change it records, never alone on a
 * kept page), and the revision itself.
 */
const UNSEEN_TABLES = new Set([
  "AuthSession",
  "RateLimiterFlexible",
  "JobLease",
  "AuditEntry",
  "DataRevision",
]);
const READS = /^\s*(SELECT|PRAGMA|SHOW|EXPLAIN|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET|ANALYZE)\b/i;
const WRITE_TARGET =
  /^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+(?:[`"]?\w+[`"]?\s*\.\s*)?[`"]?(\w+)/i;

/** Whether a statement may change what a page shows (anything not known to be a read counts). */
export function changesPages(sql: string): boolean {
  if (READS.test(sql)) return false;
  const target = WRITE_TARGET.exec(sql);
  return !(target && UNSEEN_TABLES.has(target[1]));
}

const isCommit = (sql: string) => /^\s*COMMIT\b/i.test(sql);

// The row is made by the first write; its epoch is new each time it is made.
const bump = (): Query => ({
  sql: `INSERT INTO "DataRevision" ("id", "epoch", "n") VALUES (1, '${randomBytes(8).toString("hex")}', 1) ON CONFLICT ("id") DO UPDATE SET "n" = "DataRevision"."n" + 1`,
  args: [],
  argTypes: [],
});
const READ_REVISION: Query = {
  sql: `SELECT "epoch", "n" FROM "DataRevision" WHERE "id" = 1`,
  args: [],
  argTypes: [],
};

/** Calls object methods on the target itself (drivers keep private fields) unless overridden. */
function overlay<T extends object>(target: T, overrides: Partial<T>): T {
  return new Proxy(target, {
    get(object, property) {
      if (Object.prototype.hasOwnProperty.call(overrides, property)) return overrides[property as keyof T];
      const value: unknown = Reflect.get(object, property, object);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(object) : value;
    },
  });
}

function watchTransaction(tx: Transaction): Transaction {
  let wrote = false;
  const run =
    (kind: "queryRaw" | "executeRaw") =>
    async (query: Query): Promise<never> => {
      // The bump is the transaction's last statement: its row lock is held only while committing.
      if (wrote && isCommit(query.sql)) {
        await tx.executeRaw(bump());
        wrote = false;
      }
      const result = await (tx[kind] as (q: Query) => Promise<never>)(query);
      if (changesPages(query.sql)) wrote = true;
      return result;
    };
  return overlay(tx, { queryRaw: run("queryRaw"), executeRaw: run("executeRaw") });
}

function watchAdapter(adapter: Adapter): Adapter {
  const run =
    (kind: "queryRaw" | "executeRaw") =>
    async (query: Query): Promise<never> => {
      const result = await (adapter[kind] as (q: Query) => Promise<never>)(query);
      if (changesPages(query.sql)) await adapter.executeRaw(bump());
      return result;
    };
  return overlay(adapter, {
    queryRaw: run("queryRaw"),
    executeRaw: run("executeRaw"),
    startTransaction: async (level?: string) => watchTransaction(await adapter.startTransaction(level)),
    executeScript: async (script: string) => {
      await adapter.executeScript(script);
      await adapter.executeRaw(bump()).catch(() => undefined); // before the table exists
    },
  });
}

export type RevisionReader = () => Promise<string | null>;

/**
 * The driver factory with its writes watched, and a reader of the current revision
 * (null before the first connection or the first write).
 */
export function watchWrites<F extends object>(factory: F): { factory: F; revision: RevisionReader } {
  let connected: Adapter | undefined;
  const watched = overlay(factory, {
    connect: async () => {
      connected = watchAdapter(await (factory as unknown as AdapterFactory).connect());
      return connected;
    },
  } as unknown as Partial<F>);
  const revision: RevisionReader = async () => {
    if (!connected) return null;
    const result = await connected.queryRaw(READ_REVISION);
    const row = result.rows[0];
    return row ? `${String(row[0])}:${String(row[1])}` : null;
  };
  return { factory: watched, revision };
}

// The app bundle and the server entry may each load this module: one store for both.
const KEY = Symbol.for("cohort.keptPages");
const holder = globalThis as unknown as Record<symbol, Map<string, Promise<unknown>> | undefined>;
const kept: Map<string, Promise<unknown>> = (holder[KEY] ??= new Map());
/** Entries kept at most; the least recently used goes first. */
export const KEPT_ENTRIES = 500;

/**
 * `load()`, or what it gave for the same `key` earlier in this minute while no write
 * has committed since. Only in read-only requests (a form post always reads afresh);
 * `key` must name everything the result depends on besides the data (the viewer, the
 * page, its query string). The result is shared: callers must not change it.
 */
export async function keptWhileUnchanged<T>(
  revision: RevisionReader,
  key: string,
  load: () => Promise<T>,
): Promise<T> {
  if (!inReadScope()) return load();
  const current = await oncePerRequest("data-revision", revision);
  if (current === null) return load();
  const full = `${current}|${Math.floor(Date.now() / 60_000)}|${key}`;
  const hit = kept.get(full) as Promise<T> | undefined;
  if (hit) {
    kept.delete(full);
    kept.set(full, hit);
    return hit;
  }
  const pending = load();
  kept.set(full, pending);
  pending.catch(() => kept.delete(full));
  while (kept.size > KEPT_ENTRIES) kept.delete(kept.keys().next().value as string);
  return pending;
}

/** A page's key for one viewer: the page, the viewer and the address (without Remix's `_data`). */
export function pageKey(page: string, viewerId: string, request: Request): string {
  const url = new URL(request.url);
  url.searchParams.delete("_data");
  url.searchParams.sort();
  return `${page}|${viewerId}|${url.pathname}?${url.searchParams.toString()}`;
}
