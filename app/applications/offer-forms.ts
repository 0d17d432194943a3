// The offer page's two buttons: confirm the seat, or decline it with the box ticked.
import { z } from "zod";
import { intentUnion } from "~/utils/forms";

export const offerResponseForm = intentUnion(
  [
    z.object({ intent: z.literal("confirm") }),
    z.object({
      intent: z.literal("decline"),
      sure: z.literal("on", {
        errorMap: () => ({ message: "Tick the box to confirm that you are giving up your seat." }),
      }),
    }),
  ],
  "Choose whether to confirm or decline the offer.",
);
