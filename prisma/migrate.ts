// npm run db:migrate: applies pending migrations to DATABASE_URL (SQLite or PostgreSQL).
import { env } from "../app/utils/env.server";
import { applyMigrations } from "../app/utils/migrations.server";

const applied = await applyMigrations(env().DATABASE_URL);
console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
