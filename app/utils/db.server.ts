// One Prisma client per process, for SQLite or PostgreSQL by DATABASE_URL. The two
// generated clients have the same API; the SQLite one's type stands for both.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { Cohort, Prisma, PrismaClient } from "../../node_modules/.prisma/cohort-sqlite/index.js";
import { watchWrites, type RevisionReader } from "./data-revision.server";
import { env } from "./env.server";
import { postgresTarget, providerOf } from "./migrations.server";

export type Db = PrismaClient;
export type { Cohort, Prisma };
/** A client or the client inside `$transaction`. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const require = createRequire(import.meta.url);

/**
 * The generated client of `provider`, resolved at run time so the Remix compiler does not
 * bundle it. `npm run build` copies it into build/prisma for an install without dev
 * dependencies, which has no node_modules/.prisma (docs/decisions/068).
 */
function generatedClient(provider: "sqlite" | "postgresql"): unknown {
  const places = ["node_modules/.prisma", "build/prisma"].map((dir) =>
    path.resolve(dir, `cohort-${provider}`, "index.js"),
  );
  return require(places.find((place) => existsSync(place)) ?? places[0]);
}

function loadClientClass(provider: "sqlite" | "postgresql"): new (options: object) => Db {
  return (generatedClient(provider) as { PrismaClient: new (options: object) => Db }).PrismaClient;
}

/**
 * Prisma's helpers for composing raw SQL (`sql`, `join`, `empty`) for `db.$queryRaw`
 * in domain modules; values stay bound parameters. From the generated client of the
 * database in use: each client recognizes only its own fragments.
 */
export function sqlParts(): Pick<typeof Prisma, "sql" | "join" | "empty"> {
  return (generatedClient(databaseProvider()) as { Prisma: typeof Prisma }).Prisma;
}

const revisions = new WeakMap<Db, RevisionReader>();

/** The Prisma driver adapter for the database at `url`. */
function driverFor(url: string) {
  if (providerOf(url) === "sqlite") return new PrismaBetterSQLite3({ url, timeout: 10_000 });
  const { connectionString, schema } = postgresTarget(url);
  const options = schema ? `-c search_path="${schema}"` : undefined;
  return new PrismaPg({ connectionString, options, max: 10 }, schema ? { schema } : undefined);
}

export function createDb(url: string): Db {
  // Writes bump the data revision (docs/decisions/079).
  const { factory, revision } = watchWrites(driverFor(url));
  const Client = loadClientClass(providerOf(url));
  const client = new Client({ adapter: factory });
  revisions.set(client, revision);
  return client;
}

declare global {
  var __cohortDb: Db | undefined;
}

let instance: Db | undefined;

function current(): Db {
  if (process.env.NODE_ENV === "development") {
    // Survive the dev server's rebuilds without opening a new connection each time.
    globalThis.__cohortDb ??= createDb(env().DATABASE_URL);
    return globalThis.__cohortDb;
  }
  instance ??= createDb(env().DATABASE_URL);
  return instance;
}

/** The process's Prisma client, created on first use. */
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const client = current();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** Reads the data revision of the process's database (docs/decisions/079). */
export function dataRevision(): Promise<string | null> {
  return revisions.get(current())?.() ?? Promise.resolve(null);
}

export const isUniqueViolation = (error: unknown): boolean =>
  typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";

/** The database behind DATABASE_URL. */
export const databaseProvider = (): "sqlite" | "postgresql" => providerOf(env().DATABASE_URL);

function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const e = current as {
      code?: unknown;
      meta?: { code?: unknown };
      cause?: unknown;
      originalCode?: unknown;
    };
    for (const code of [e.code, e.meta?.code, e.originalCode]) if (typeof code === "string") codes.push(code);
    current = e.cause;
  }
  return codes;
}

/**
 * A conflict with another transaction that running the whole transaction again
 * resolves: a unique key taken meanwhile (the retry reads the row and updates it),
 * a deadlock or a serialization failure (PostgreSQL 40P01 / 40001, Prisma P2034),
 * or SQLite busy.
 */
export function isRetryableConflict(error: unknown): boolean {
  const codes = errorCodes(error);
  if (
    codes.some((c) => c === "P2002" || c === "P2034" || c === "40001" || c === "40P01" || c === "SQLITE_BUSY")
  )
    return true;
  const message = error instanceof Error ? error.message : "";
  return /deadlock detected|could not serialize access|write conflict/i.test(message);
}

/**
 * `db.$transaction(work)`, run again (up to `attempts` times, with a short random
 * pause) when it loses a race to another transaction. On PostgreSQL a failed
 * statement aborts its transaction, so a unique-key error is never caught inside
 * `work`: it ends the attempt, and the next attempt finds the row and updates it.
 * `work` must therefore keep its state inside itself.
 */
export async function transaction<T>(
  work: (tx: Tx) => Promise<T>,
  { attempts = 8 }: { attempts?: number } = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction((tx) => work(tx), { maxWait: 10_000, timeout: 20_000 });
    } catch (error) {
      if (attempt >= attempts || !isRetryableConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

/**
 * Takes the row's write lock for the rest of the transaction, so transactions that
 * read-then-write the same cohort (publishing, waitlist order) run one after the
 * other on PostgreSQL. SQLite runs write transactions one at a time already.
 */
export async function lockRow(tx: Tx, table: "Cohort" | "Application", id: string): Promise<void> {
  if (databaseProvider() !== "postgresql") return;
  await tx.$queryRawUnsafe(`SELECT "id" FROM "${table}" WHERE "id" = $1 FOR UPDATE`, id);
}
