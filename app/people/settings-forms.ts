// The settings page's buttons: save the profile (the default), end one device's session,
// or sign out everywhere. The profile's fields are checked by `profileForm`.
import { z } from "zod";
import { idField, intentUnion, withDefaultIntent } from "~/utils/forms";

export const settingsButtonForm = withDefaultIntent(
  "profile",
  intentUnion(
    [
      z.object({ intent: z.literal("profile") }),
      z.object({
        intent: z.literal("end-session"),
        sessionId: idField("That device was already signed out."),
      }),
      z.object({ intent: z.literal("sign-out-everywhere") }),
    ],
    "Choose what to save.",
  ),
);
