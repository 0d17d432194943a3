// One schema source, two providers. These helpers derive the PostgreSQL schema from
// prisma/schema.prisma and run the Prisma CLI for either provider without ever
// letting it fall back to downloading engines (docs/decisions/002).
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export type Provider = "sqlite" | "postgresql";
export const providers: Provider[] = ["sqlite", "postgresql"];

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
export const schemaPath = path.join(root, "prisma/schema.prisma");
export const migrationsRoot = path.join(root, "prisma/migrations");

export function schemaFor(provider: Provider, source = readFileSync(schemaPath, "utf8")): string {
  if (provider === "sqlite") return source;
  return source
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace("node_modules/.prisma/cohort-sqlite", "node_modules/.prisma/cohort-postgresql");
}

export function schemaFileFor(provider: Provider, source?: string, name: string = provider): string {
  if (provider === "sqlite" && source === undefined) return schemaPath;
  const dir = path.join(root, "prisma/.generated");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.prisma`);
  const text = schemaFor(provider, source);
  // The relative generator output must resolve from prisma/.generated as well.
  writeFileSync(file, text.replace('"../node_modules/', '"../../node_modules/'));
  return file;
}

const fallbackUrl: Record<Provider, string> = {
  sqlite: "file:./prisma/.generated/cli-scratch.db",
  postgresql: "postgresql://postgres@127.0.0.1:5432/test",
};

export function prismaCli(provider: Provider, args: string[], configFor: Provider = provider): string {
  // `generate` only works offline under the SQLite configuration, whatever the schema's provider.
  const config = configFor === "sqlite" ? "prisma.config.ts" : "prisma/postgresql.config.ts";
  const env = { ...process.env };
  // An unresolved env() makes the CLI try to download engines: always set it.
  if (!env.DATABASE_URL || !env.DATABASE_URL.startsWith(provider === "sqlite" ? "file:" : "postgres")) {
    env.DATABASE_URL = fallbackUrl[provider];
  }
  return execFileSync(path.join(root, "node_modules/.bin/prisma"), [...args, "--config", config], {
    cwd: root,
    env,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

export function generateClients(): void {
  for (const provider of providers) {
    prismaCli(provider, ["generate", "--schema", schemaFileFor(provider)], "sqlite");
  }
}

/** SQL that turns `from` (a datamodel, or null for empty) into `to` for a provider. */
export function diffSql(provider: Provider, from: string | null, to: string): string {
  const toFile = schemaFileFor(provider, to, `${provider}-to`);
  const fromArgs =
    from === null
      ? ["--from-empty"]
      : ["--from-schema-datamodel", schemaFileFor(provider, from, `${provider}-from`)];
  const sql = prismaCli(provider, [
    "migrate",
    "diff",
    ...fromArgs,
    "--to-schema-datamodel",
    toFile,
    "--script",
  ]);
  return (
    sql
      .split("\n")
      .filter((line) => !line.startsWith("Loaded Prisma config"))
      .join("\n")
      // Tables are created in the connection's search_path, so tests can use a schema each.
      .replace(/-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n*/g, "")
      .trim() + "\n"
  );
}
