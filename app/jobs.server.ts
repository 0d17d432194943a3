// Every scheduled job is registered here, once, when the server starts.
// Each area exports a register function; add yours below.
import { registerOfferJobs } from "./applications/offers.server";
import { registerDeliveryJob } from "./notifications/delivery.server";
import { registerSyncJob } from "./issues/sync.server";
import { registerOutcomeJobs } from "./outcomes/follow.server";
import { registerReminderJobs } from "./reflections/reminders.server";

export function registerAllJobs(): void {
  registerDeliveryJob();
  registerOfferJobs();
  registerSyncJob();
  registerReminderJobs();
  registerOutcomeJobs();
}
