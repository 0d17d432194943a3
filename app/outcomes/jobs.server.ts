// The scheduled work after a cohort: alumni first, then the comparison group with
// what is left of the run's search budget, then the spam/invalid flags.
import { env } from "~/utils/env.server";
import { registerJob } from "~/utils/scheduler.server";
import { followComparison } from "./comparison.server";
import { followAlumni, SEARCH_BUDGET_PER_RUN } from "./follow.server";
import { flagExcludedPulls } from "./maintainers.server";

export function registerOutcomeJobs(): void {
  // Every two minutes at most 27 search requests: under the 30-a-minute limit even
  // if another search runs, and 400 alumni-marks a day. It asks GitHub, so it is off
  // whenever the scheduled sync is (SYNC_INTERVAL_MINUTES=0, as in the offline demo).
  registerJob({
    name: "alumni-outcomes",
    everyMinutes: () => (env().SYNC_INTERVAL_MINUTES > 0 ? 2 : 0),
    run: async () => {
      const alumni = await followAlumni();
      if (!alumni.error) await followComparison({ budget: SEARCH_BUDGET_PER_RUN - alumni.requests });
      await flagExcludedPulls();
    },
  });
}
