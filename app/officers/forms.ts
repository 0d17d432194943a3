// The organizers' forms for a call for navigators and captains.
import { z } from "zod";
import { buttonForm, idField, intentUnion, withDefaultIntent } from "~/utils/forms";
import { endOfDayAnywhereOnEarth } from "~/utils/time";
import { OFFICER_STATUSES } from "./rules";

const day = (message: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, message);

export const callForm = z
  .object({
    opensOn: day("Give the day the call opens (YYYY-MM-DD).").transform((d) => new Date(`${d}T00:00:00Z`)),
    closesOn: day("Give the day the call closes (YYYY-MM-DD).").transform((d) => endOfDayAnywhereOnEarth(d)),
    weeklyHours: z
      .string()
      .trim()
      .transform((v, ctx) => {
        if (v === "") return null;
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1 || n > 60) {
          ctx.addIssue({
            code: "custom",
            message: "Weekly hours are a whole number from 1 to 60, or empty.",
          });
          return z.NEVER;
        }
        return n;
      }),
    intro: z.string().trim().max(5000, "Keep the introduction under 5,000 characters.").default(""),
    rubric: z
      .string()
      .default("")
      .transform((t) => [
        ...new Set(
          t
            .split("\n")
            .map((l) => l.trim())
            .filter(Boolean),
        ),
      ])
      .refine(
        (list) => list.length >= 1 && list.length <= 8,
        "List one to eight rubric criteria, one per line.",
      ),
  })
  .transform(({ opensOn, closesOn, ...rest }) => ({ ...rest, opensAt: opensOn, closesAt: closesOn }));
export type CallInput = z.infer<typeof callForm>;

const score = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > 5) {
      ctx.addIssue({ code: "custom", message: "Rubric scores are 1 to 5." });
      return z.NEVER;
    }
    return n;
  });

export const reviewForm = z
  .object({
    version: z.coerce.number().int(),
    status: z.enum(OFFICER_STATUSES, { message: "Choose a status." }),
    notes: z.string().max(10_000, "Keep notes under 10,000 characters.").default(""),
    interviewNotes: z.string().max(10_000, "Keep interview notes under 10,000 characters.").default(""),
    score0: score,
    score1: score,
    score2: score,
    score3: score,
    score4: score,
    score5: score,
    score6: score,
    score7: score,
  })
  .transform(({ score0, score1, score2, score3, score4, score5, score6, score7, ...rest }) => ({
    ...rest,
    scores: [score0, score1, score2, score3, score4, score5, score6, score7],
  }));
export type ReviewInput = z.infer<typeof reviewForm>;

export const decisionForm = z.object({
  decision: z.enum(["select", "decline"], { message: "Choose select or decline." }),
  role: z.enum(["navigator", "captain"]).optional(),
  team: z
    .string()
    .optional()
    .transform((v) => v || null),
});
export type DecisionInput = z.infer<typeof decisionForm>;

/** An officer application's two forms: the review (named), and the decision (the default). */
export const officerApplicationButtonForm = withDefaultIntent(
  "decide",
  buttonForm(["review", "decide"], "Choose whether to save the review or the decision."),
);

/** The call page's buttons; the call and a new question have their schemas above. */
export const callPageButtonForm = intentUnion(
  [
    z.object({ intent: z.enum(["call", "question", "invite"]) }),
    z.object({
      intent: z.literal("remove-question"),
      questionId: idField("That question was already removed."),
    }),
  ],
  "Choose what to save.",
);
