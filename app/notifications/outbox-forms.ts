// The outbox page's two buttons: run a delivery now, or queue one failed notice again.
import { z } from "zod";
import { intentUnion } from "~/utils/forms";

export const NOT_RETRYABLE = "That notice cannot be retried.";

export const outboxForm = intentUnion(
  [
    z.object({ intent: z.literal("deliver") }),
    z.object({
      intent: z.literal("retry"),
      id: z.string({ required_error: NOT_RETRYABLE }).min(1, NOT_RETRYABLE).max(64, NOT_RETRYABLE),
    }),
  ],
  "Choose what to do: run a delivery or retry a notice.",
);
