// The organizer's round form. Question sets are written one per line ("scale: …",
// "text: …") so a round can be changed without JavaScript.
import { z } from "zod";
import { questionsFromLines, type EvaluationQuestion } from "./rules";

const questionLines = (field: string) =>
  z
    .string()
    .transform((text, ctx): EvaluationQuestion[] => {
      const parsed = questionsFromLines(text);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: parsed.error, path: [] });
        return z.NEVER;
      }
      return parsed.questions;
    })
    .describe(field);

export const roundForm = z.object({
  roundId: z
    .string()
    .optional()
    .transform((v) => v || null),
  title: z
    .string()
    .trim()
    .min(1, "Give the round a title, e.g. “Midpoint evaluation”.")
    .max(80, "Keep the title under 80 characters."),
  afterWeek: z.coerce
    .number({ invalid_type_error: "Choose the week the round falls in." })
    .int("Choose a whole week.")
    .min(1, "Choose week 1 or later."),
  participantQuestions: questionLines("participantQuestions"),
  navigatorQuestions: questionLines("navigatorQuestions"),
});
export type RoundsInput = z.infer<typeof roundForm>;

export const shareForm = z.object({
  intent: z.enum(["share", "unshare"], { message: "Choose share or stop sharing." }),
});
