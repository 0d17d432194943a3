// The organizers' survey forms: the pulse question, and the end-of-cohort
// survey's questions written one per line ("likert: …", "text: …").
import { z } from "zod";
import { questionsFromLines, type SurveyQuestion } from "./rules";

export const pulseForm = z.object({
  questionType: z.enum(["likert", "text"], {
    message: "Choose a statement (1 to 5) or a free-text question.",
  }),
  question: z
    .string()
    .trim()
    .min(3, "Write the question participants answer each week.")
    .max(200, "Keep the question under 200 characters."),
});
export type PulseInput = z.infer<typeof pulseForm>;

export const endSurveyForm = z.object({
  questions: z.string().transform((text, ctx): SurveyQuestion[] => {
    const parsed = questionsFromLines(text);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.error });
      return z.NEVER;
    }
    return parsed.questions;
  }),
});

export const SURVEY_INTENTS = ["pulse-save", "pulse-on", "pulse-off", "end-save", "end-open"] as const;
export const surveyIntent = z.object({
  intent: z.enum(SURVEY_INTENTS, { message: "Choose what to do with the survey." }),
});
