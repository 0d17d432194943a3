// Prisma CLI configuration for PostgreSQL: the schema is derived from
// prisma/schema.prisma by prisma/providers.ts (docs/decisions/002).
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/test";

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: ".generated/postgresql.prisma",
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL! });
  },
});
