// Form schemas for appointments, availability, the team's meeting and links.
import { z } from "zod";
import { idField, intentUnion, tickBox, withDefaultIntent } from "~/utils/forms";
import { isSlotString, setToSlots, slotIndexFromKey } from "~/availability/slots";
import { isValidTimeZone } from "~/utils/time";

const timeZone = z
  .string()
  .trim()
  .refine(isValidTimeZone, "Choose a time zone from the list, e.g. Europe/Berlin.");

export const appointForm = z.object({
  login: z
    .string()
    .trim()
    .transform((v) => v.replace(/^@/, ""))
    .pipe(
      z
        .string()
        .min(1, "Enter a GitHub login.")
        .max(39, "GitHub logins are at most 39 characters.")
        .regex(
          /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9]))*$/,
          "That is not a GitHub login (letters, digits and single hyphens).",
        ),
    ),
  role: z.enum(["navigator", "captain"], { errorMap: () => ({ message: "Choose navigator or captain." }) }),
  project: z.string().trim().default(""),
});
export type AppointInput = z.infer<typeof appointForm>;

/** The appointments page's buttons: appoint (the default) or remove a navigator or captain. */
export const appointmentsButtonForm = withDefaultIntent(
  "appoint",
  intentUnion(
    [
      z.object({ intent: z.literal("appoint") }),
      z.object({ intent: z.literal("remove"), membershipId: idField("That appointment no longer exists.") }),
    ],
    "Choose what to save.",
  ),
);

export const availabilityForm = z
  .object({
    timeZone,
    slot: z.union([z.string(), z.array(z.string())]).optional(),
  })
  .transform((v, ctx) => {
    const keys = v.slot === undefined ? [] : Array.isArray(v.slot) ? v.slot : [v.slot];
    const indices = keys.map(slotIndexFromKey);
    if (indices.some((i) => i === null)) {
      ctx.addIssue({
        code: "custom",
        path: ["slot"],
        message: "The availability grid was not readable; please tick the slots again.",
      });
      return z.NEVER;
    }
    if (indices.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["slot"],
        message: "Tick the half-hours in a typical week when you can meet your team.",
      });
      return z.NEVER;
    }
    const localSlots = setToSlots(indices as number[]);
    if (!isSlotString(localSlots)) {
      ctx.addIssue({ code: "custom", path: ["slot"], message: "The availability grid was not readable." });
      return z.NEVER;
    }
    return { timeZone: v.timeZone, localSlots };
  });

/** Setting the meeting; removing it is a separate button (clear=on) with nothing to validate. */
export const meetingForm = z
  .object({
    weekday: z.coerce
      .number({ invalid_type_error: "Choose a day." })
      .int()
      .min(1, "Choose a day.")
      .max(7, "Choose a day."),
    time: z.string().regex(/^([01]\d|2[0-3]):([0-5]\d)$/, "Enter a time like 17:30."),
    timeZone,
    duration: z.coerce
      .number({ invalid_type_error: "Enter the length in minutes." })
      .int()
      .min(15, "A meeting lasts at least 15 minutes.")
      .max(240, "Keep meetings under four hours."),
  })
  .transform((v) => ({
    clear: false as const,
    weekday: v.weekday,
    minute: Number(v.time.slice(0, 2)) * 60 + Number(v.time.slice(3, 5)),
    timeZone: v.timeZone,
    duration: v.duration,
  }));
export type MeetingInput = z.infer<typeof meetingForm> | { clear: true };

const httpUrl = z
  .string()
  .url("Enter a full web address starting with https://")
  .refine((u) => /^https?:\/\//.test(u), "Enter a full web address starting with https://");

export const linksForm = z.object({
  chatUrl: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(httpUrl.nullable()),
  links: z
    .string()
    .default("")
    .transform((text, ctx) => {
      const out: { label: string; url: string }[] = [];
      for (const [n, raw] of text.split(/\r?\n/).entries()) {
        const line = raw.trim();
        if (!line) continue;
        const match = /^(.*?)\s*\|\s*(\S+)$/.exec(line) ?? /^()(\S+)$/.exec(line);
        const url = match?.[2] ?? "";
        if (!httpUrl.safeParse(url).success) {
          ctx.addIssue({ code: "custom", message: `Line ${n + 1}: write “Label | https://…”.` });
          return z.NEVER;
        }
        out.push({ label: (match?.[1] || url).slice(0, 80), url });
      }
      if (out.length > 20) {
        ctx.addIssue({ code: "custom", message: "Keep it to 20 links." });
        return z.NEVER;
      }
      return out;
    }),
});
export type LinksInput = z.infer<typeof linksForm>;

/** The team-forming page's buttons; each carries the draft as the organizer sees it. */
const draft = z.string().default("");
export const teamFormingForm = intentUnion(
  [
    z.object({ intent: z.literal("suggest"), draft }),
    z.object({
      intent: z.literal("move"),
      draft,
      person: z.string().max(64).default(""),
      to: z.string().max(64).default(""),
    }),
    z.object({
      intent: z.literal("publish"),
      draft,
      confirm: z.literal("on", {
        errorMap: () => ({
          message: "Nothing was published: tick “I have read who gets a welcome notice” first.",
        }),
      }),
      acceptWarnings: tickBox,
    }),
  ],
  "Choose what to do: suggest, move or publish.",
);

/** A team page's buttons; the meeting (unless cleared) and the links have their schemas above. */
export const teamPageButtonForm = intentUnion(
  [
    z.object({
      intent: z.literal("meeting"),
      clear: tickBox,
    }),
    z.object({ intent: z.enum(["links", "calendar"]) }),
  ],
  "Nothing was changed.",
);
