// npm run sync: one sync of starter issues and tracked pull requests, now.
// Waits its turn: if another instance holds the sync lease it says so and exits 0.
import { githubTokenWarning } from "../integrations/github.server";
import { runSync } from "../issues/sync.server";
import { db } from "../utils/db.server";

const warning = githubTokenWarning();
if (warning) console.warn(`warning: ${warning}`);
const started = Date.now();
const summary = await runSync({ trigger: "cli" });
if (!summary) {
  console.log("Another instance is syncing right now; nothing to do.");
} else {
  console.log(
    `Sync ${summary.status} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${summary.requests} requests, ${summary.notModified} not modified, ${summary.changes} changes, ${summary.errors.length} errors.`,
  );
  for (const error of summary.errors.slice(0, 20)) console.log(`  - ${error}`);
}
await db.$disconnect();
process.exit(summary && summary.status === "failed" ? 1 : 0);
