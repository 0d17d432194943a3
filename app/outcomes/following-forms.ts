// The "following" settings page's two forms: the Trac username (its fields are
// `tracAccountForm`), and opting out, which needs its box ticked (the default form).
import { z } from "zod";
import { intentUnion, withDefaultIntent } from "~/utils/forms";

export const followingButtonForm = withDefaultIntent(
  "opt-out",
  intentUnion(
    [
      z.object({ intent: z.literal("trac") }),
      z.object({
        intent: z.literal("opt-out"),
        confirm: z.literal("yes", {
          errorMap: () => ({ message: "Tick the box to confirm; nothing was changed." }),
        }),
      }),
    ],
    "Choose what to save.",
  ),
);
