// The outbox page's two buttons: run a delivery now, or queue one failed notice again.
import { z } from "zod";
import { idField, intentUnion } from "~/utils/forms";

const NOT_RETRYABLE = "That notice cannot be retried.";

export const outboxForm = intentUnion(
  [
    z.object({ intent: z.literal("deliver") }),
    z.object({ intent: z.literal("retry"), id: idField(NOT_RETRYABLE) }),
  ],
  "Choose what to do: run a delivery or retry a notice.",
);
