// npm run db:seed [-- --reset]: fills an empty database with the demo program.
import { createDb } from "../app/utils/db.server";
import { env } from "../app/utils/env.server";
import { applyMigrations } from "../app/utils/migrations.server";
import { resetDatabase } from "./reset";
import { seedDemo } from "./seed/index";

const url = env().DATABASE_URL;
if (process.argv.includes("--reset")) await resetDatabase(url);
await applyMigrations(url);
const db = createDb(url);
if ((await db.person.count()) > 0) {
  console.log("The database already has data: not seeding (use --reset to start over).");
} else {
  const started = Date.now();
  await seedDemo(db);
  console.log(`Seeded the demo program in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
await db.$disconnect();
