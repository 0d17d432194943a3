// The sign-in page's buttons: with GitHub, or (outside production) as a demo person.
// `redirectTo` is where to go afterwards, kept only when it is a path on this site.
import { z } from "zod";
import { idField, intentUnion } from "~/utils/forms";
import { safeRedirect } from "./safe-redirect";

const redirectTo = z
  .unknown()
  .optional()
  .transform((to) => safeRedirect(typeof to === "string" ? to : null));

export const signInForm = intentUnion(
  [
    z.object({ intent: z.literal("github"), redirectTo }),
    z.object({
      intent: z.literal("demo"),
      redirectTo,
      personId: idField("That demo person no longer exists. Choose another."),
    }),
  ],
  "Choose how to sign in.",
);
