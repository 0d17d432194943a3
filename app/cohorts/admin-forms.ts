// Form schemas for creating and editing projects and cohorts (admin pages).
import { z } from "zod";
import { checkbox, idField, intentUnion, withDefaultIntent } from "~/utils/forms";

const slug = z
  .string()
  .trim()
  .min(2, "Give a short address name of at least 2 characters.")
  .max(60, "Keep the address name under 60 characters.")
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    "Use lowercase letters, digits and single hyphens, e.g. django-session-5.",
  );

const optionalUrl = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : null))
  // zod's url() accepts javascript: and data: addresses; these are shown as links.
  .pipe(
    z
      .string()
      .url("Enter a full web address starting with https://")
      .refine((u) => /^https?:\/\//i.test(u), "Enter a full web address starting with https://")
      .nullable(),
  );

const repoLine = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;

export const projectForm = z.object({
  slug,
  name: z.string().trim().min(1, "Give the project a name.").max(100, "Keep the name under 100 characters."),
  description: z.string().trim().max(2000, "Keep the description under 2,000 characters.").default(""),
  websiteUrl: optionalUrl,
  repositories: z
    .string()
    .default("")
    .transform((text) =>
      text
        .split(/[\s,]+/)
        .map((line) => line.trim().replace(/^https:\/\/github\.com\//, ""))
        .filter(Boolean),
    )
    .refine((lines) => lines.every((line) => repoLine.test(line)), {
      message: "List repositories as owner/name, one per line, e.g. django/django.",
    }),
  starterLabels: z
    .string()
    .default("")
    .transform((text) =>
      text
        .split(/\n|,/)
        .map((label) => label.trim())
        .filter(Boolean),
    ),
  tracUrl: optionalUrl,
  tracQuery: z.string().trim().max(500, "Keep the Trac query under 500 characters.").default(""),
  aiPolicyText: z.string().trim().max(5000, "Keep the AI policy under 5,000 characters.").default(""),
  aiPolicyUrl: optionalUrl,
});
export type ProjectInput = z.infer<typeof projectForm>;

/** A real calendar day "YYYY-MM-DD": 2026-13-01 and 2026-02-30 are not days. */
export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return false;
  const date = new Date(`${value.trim()}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value.trim();
}

const day = (label: string) =>
  z
    .string({ required_error: `Enter the ${label} as a date, e.g. 2027-01-15.` })
    .trim()
    .refine(isCalendarDay, `Enter the ${label} as a date, e.g. 2027-01-15.`);

const count = (what: string) =>
  z.coerce
    .number({ invalid_type_error: `Enter the ${what} as a whole number.` })
    .int(`Enter the ${what} as a whole number.`);

const cohortFields = z.object({
  slug,
  name: z.string().trim().min(1, "Give the cohort a name.").max(100, "Keep the name under 100 characters."),
  description: z.string().trim().max(5000, "Keep the description under 5,000 characters.").default(""),
  projectSlugs: z
    .union([z.string(), z.array(z.string())])
    .default([])
    .transform((v) => (Array.isArray(v) ? v : [v]).filter(Boolean)),
  applicationsOpenOn: day("day applications open"),
  applicationsCloseOn: day("day applications close"),
  startsOn: day("start date"),
  weeks: z.coerce
    .number({ invalid_type_error: "Enter a number of weeks." })
    .int("Enter a whole number of weeks.")
    .min(1, "A cohort runs between 1 and 12 weeks.")
    .max(12, "A cohort runs between 1 and 12 weeks."),
  teamSizeMin: count("smallest team size")
    .min(1, "Teams need at least 1 participant.")
    .max(10, "Teams have at most 10 participants."),
  teamSizeMax: count("largest team size")
    .min(1, "Teams need at least 1 participant.")
    .max(10, "Teams have at most 10 participants."),
  minSharedHours: z.coerce
    .number({ invalid_type_error: "Enter a number of hours." })
    .min(0, "Hours cannot be negative.")
    .max(40, "At most 40 shared hours a week."),
  blindReview: checkbox,
  published: checkbox,
});

/**
 * The cohort form. The order checks look at the raw values so that they are
 * reported together with any other mistake, not only once everything else is right.
 */
export const cohortForm = z
  .preprocess((raw) => raw, z.any())
  .superRefine((raw, ctx) => {
    const v = (raw ?? {}) as Record<string, unknown>;
    const parsed = cohortFields.safeParse(v);
    if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue(issue);
    if (
      isCalendarDay(v.applicationsOpenOn) &&
      isCalendarDay(v.applicationsCloseOn) &&
      v.applicationsCloseOn < v.applicationsOpenOn
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["applicationsCloseOn"],
        message: "Applications must close on or after the day they open.",
      });
    }
    if (
      isCalendarDay(v.applicationsCloseOn) &&
      isCalendarDay(v.startsOn) &&
      v.startsOn <= v.applicationsCloseOn
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["startsOn"],
        message: "The cohort must start after applications close.",
      });
    }
    if (Number(v.teamSizeMax) < Number(v.teamSizeMin)) {
      ctx.addIssue({
        code: "custom",
        path: ["teamSizeMax"],
        message: "The largest team size must be at least the smallest.",
      });
    }
  })
  .transform((raw) => cohortFields.parse(raw));
export type CohortInput = z.infer<typeof cohortFields>;

export const appointForm = z.object({
  login: z
    .string()
    .trim()
    .transform((v) => v.replace(/^@/, ""))
    .pipe(z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, "Enter a GitHub login, e.g. sarahboyce.")),
});

/** The cohort page's buttons: save the cohort (the default), appoint or remove an organizer. */
export const adminCohortButtonForm = withDefaultIntent(
  "save",
  intentUnion(
    [
      z.object({ intent: z.literal("save") }),
      z.object({ intent: z.literal("appoint") }),
      z.object({ intent: z.literal("remove"), membershipId: idField("That organizer was already removed.") }),
    ],
    "Choose what to save.",
  ),
);
