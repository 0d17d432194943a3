// The review page's buttons: save the scores (the default button), step aside, or come back.
// The scores themselves are checked against the cohort's criteria in `saveScores`.
import { z } from "zod";
import { intentUnion, withDefaultIntent } from "~/utils/forms";

const buttons = intentUnion(
  [
    z.object({ intent: z.literal("score") }),
    z.object({
      intent: z.literal("recuse"),
      reason: z.string().trim().max(500, "Keep the reason under 500 characters.").default(""),
    }),
    z.object({ intent: z.literal("unrecuse") }),
  ],
  "Choose whether to save the scores or step aside.",
);

/** Enter in a score field sends no `intent`: that is the save button. */
export const reviewButtonForm = withDefaultIntent("score", buttons);
