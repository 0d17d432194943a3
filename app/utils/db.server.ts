// One Prisma client per process, for SQLite or PostgreSQL by DATABASE_URL. The two
// generated clients have the same API; the SQLite one's type stands for both.
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { Prisma, PrismaClient } from "../../node_modules/.prisma/cohort-sqlite/index.js";
import { env } from "./env.server";
import { postgresTarget, providerOf } from "./migrations.server";

export type Db = PrismaClient;
export type { Prisma };
/** A client or the client inside `$transaction`. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const require = createRequire(import.meta.url);

function loadClientClass(provider: "sqlite" | "postgresql"): new (options: object) => Db {
  // Resolved at run time so the Remix compiler does not bundle the generated client.
  const generated = path.resolve("node_modules/.prisma", `cohort-${provider}`, "index.js");
  return (require(generated) as { PrismaClient: new (options: object) => Db }).PrismaClient;
}

export function createDb(url: string): Db {
  if (providerOf(url) === "sqlite") {
    const Client = loadClientClass("sqlite");
    return new Client({ adapter: new PrismaBetterSQLite3({ url, timeout: 10_000 }) });
  }
  const { connectionString, schema } = postgresTarget(url);
  const Client = loadClientClass("postgresql");
  const options = schema ? `-c search_path="${schema}"` : undefined;
  return new Client({
    adapter: new PrismaPg({ connectionString, options, max: 10 }, schema ? { schema } : undefined),
  });
}

declare global {
  // eslint-disable-next-line no-var
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

export const isUniqueViolation = (error: unknown): boolean =>
  typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
