// The reflection form and the reply form. Prompts are set per cohort, so the
// reflection schema is built for the cohort's number of prompts: answer-0, answer-1…
import { z } from "zod";
import { checkbox } from "~/utils/forms";

export const MAX_ANSWER_LENGTH = 20_000;
export const MAX_COMMENT_LENGTH = 10_000;

export function reflectionForm(promptCount: number) {
  const answers: Record<string, z.ZodDefault<z.ZodString>> = {};
  for (let i = 0; i < promptCount; i++) {
    answers[`answer-${i}`] = z
      .string()
      .max(
        MAX_ANSWER_LENGTH,
        `Please keep each answer under ${MAX_ANSWER_LENGTH.toLocaleString("en")} characters.`,
      )
      .default("");
  }
  return z
    .object({
      ...answers,
      intent: z.enum(["preview", "draft", "submit"], { message: "Choose preview, save draft or submit." }),
      confidence: z
        .string()
        .optional()
        .transform((value) => (value ? Number(value) : null))
        .refine(
          (value) => value === null || (Number.isInteger(value) && value >= 1 && value <= 5),
          "Choose a confidence from 1 to 5.",
        ),
      needsHelp: checkbox,
      sharedWithTeam: checkbox,
    })
    .superRefine((data, ctx) => {
      if (data.intent !== "submit") return;
      if (data.confidence === null)
        ctx.addIssue({
          code: "custom",
          path: ["confidence"],
          message: "Choose how confident you feel this week (1 to 5) before submitting.",
        });
      const written = Object.entries(data).some(
        ([key, value]) => key.startsWith("answer-") && typeof value === "string" && value.trim() !== "",
      );
      if (!written)
        ctx.addIssue({
          code: "custom",
          path: ["answer-0"],
          message: "Write an answer to at least one prompt before submitting.",
        });
    });
}

export type ReflectionFormData = z.infer<ReturnType<typeof reflectionForm>>;

export const commentForm = z.object({
  body: z
    .string()
    .trim()
    .min(1, "Write a reply before sending it.")
    .max(
      MAX_COMMENT_LENGTH,
      `Please keep a reply under ${MAX_COMMENT_LENGTH.toLocaleString("en")} characters.`,
    ),
});

export const nudgeForm = z.object({
  personId: z.string().min(1),
  reason: z.string().max(200).default(""),
});

const days = (label: string, max: number) =>
  z.coerce
    .number({ invalid_type_error: `Enter ${label} as a whole number of days.` })
    .int(`Enter ${label} as a whole number of days.`)
    .min(1, `${label[0].toUpperCase()}${label.slice(1)} must be at least 1 day.`)
    .max(max, `${label[0].toUpperCase()}${label.slice(1)} can be at most ${max} days.`);

/** The organizer's settings: reflection prompts (one per line) and the needs-attention thresholds. */
export const reflectionSettingsForm = z.object({
  prompts: z
    .string()
    .transform((text) =>
      text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .refine((prompts) => prompts.length >= 1, "Write at least one prompt, one per line.")
    .refine((prompts) => prompts.length <= 8, "Keep it to at most 8 prompts.")
    .refine((prompts) => prompts.every((p) => p.length <= 200), "Keep each prompt under 200 characters.")
    .refine((prompts) => new Set(prompts).size === prompts.length, "Each prompt must be different."),
  inactivityDays: days("the inactivity threshold", 60),
  changesRequestedDays: days("the changes-requested threshold", 60),
  staleClaimDays: days("the claim threshold", 90),
  largePullRequestLines: z.coerce
    .number({ invalid_type_error: "Enter a number of changed lines." })
    .int("Enter a whole number of changed lines.")
    .min(10, "A large pull request is at least 10 changed lines.")
    .max(100_000, "Enter at most 100,000 lines."),
});

export type ReflectionSettings = z.infer<typeof reflectionSettingsForm>;
