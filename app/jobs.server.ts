// Every scheduled job is registered here, once, when the server starts.
// Each area exports a register function; add yours below.
import { registerOfferJobs } from "./applications/offers.server";
import { registerDeliveryJob } from "./notifications/delivery.server";
import { registerSyncJob } from "./issues/sync.server";
import { registerReminderJobs } from "./dashboards/reminders.server";
import { registerEvaluationJobs } from "./evaluations/evaluations.server";
import { registerOutcomeJobs } from "./outcomes/jobs.server";

export function registerAllJobs(): void {
  registerDeliveryJob();
  registerOfferJobs();
  registerSyncJob();
  registerReminderJobs();
  registerEvaluationJobs();
  registerOutcomeJobs();
}
