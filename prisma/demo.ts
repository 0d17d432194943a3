// Prepares the demo database (migrate, seed when empty) before `npm run demo` serves.
import { createDb } from "../app/utils/db.server";
import { env } from "../app/utils/env.server";
import { applyMigrations } from "../app/utils/migrations.server";
import { resetDatabase } from "./reset";
import { seedDemo } from "./seed/index";

const url = env().DATABASE_URL;
if (process.argv.includes("--reset")) await resetDatabase(url);
await applyMigrations(url);
const db = createDb(url);
if ((await db.person.count()) === 0) {
  await seedDemo(db);
  console.log("Demo data created (run `npm run demo:reset` to start again from fresh demo data).");
}
await db.$disconnect();
