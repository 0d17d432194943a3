// The application page's buttons: save a draft (the default), submit, or withdraw.
// The answers themselves are checked against the cohort's questions by `readApplicationForm`.
import { z } from "zod";
import { intentUnion, tickBox, withDefaultIntent } from "~/utils/forms";

export const applyButtonForm = withDefaultIntent(
  "save",
  intentUnion(
    [
      z.object({ intent: z.enum(["save", "submit"]) }),
      z.object({
        intent: z.literal("withdraw"),
        sure: tickBox,
      }),
    ],
    "Choose whether to save, submit or withdraw your application.",
  ),
);
