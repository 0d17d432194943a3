// The organizers' texts on a cohort's public page: who can apply, the weekly time
// commitment, when decisions come, and a FAQ. Forms only; pure, shared by the page and the server.
import { z } from "zod";
import { HOURS_IN_WEEK } from "~/officers/rules";
import { buttonForm, optionalId } from "~/utils/forms";

export const PUBLIC_TEXT_MAX = 5000;
export const FAQ_QUESTION_MAX = 300;
export const FAQ_ANSWER_MAX = 5000;
export const FAQ_ITEMS_MAX = 30;

const markdownText = (what: string) =>
  z
    .string()
    .trim()
    .max(
      PUBLIC_TEXT_MAX,
      `Keep ${what} to ${PUBLIC_TEXT_MAX.toLocaleString("en")} characters; shorten it or link to a longer page.`,
    )
    .default("");

/** The page's texts, the cohort's weekly hours and the planned decisions day. */
export const publicPageForm = z.object({
  whoCanApply: markdownText("“Who can apply”"),
  timeCommitment: markdownText("the time commitment"),
  weeklyHours: z
    .string()
    .trim()
    .default("")
    .refine(
      (v) => v === "" || /^\d{1,3}$/.test(v),
      "Give the weekly hours as a whole number, or leave it empty.",
    )
    .transform((v) => (v === "" ? null : Number(v)))
    .refine(
      (v) => v === null || (v >= 1 && v <= HOURS_IN_WEEK),
      `Give between 1 and ${HOURS_IN_WEEK} hours a week.`,
    ),
  decisionsBy: z
    .string()
    .trim()
    .default("")
    .refine((v) => v === "" || isDay(v), "Give the day as a date, e.g. 2027-01-15, or leave it empty.")
    .transform((v) => (v === "" ? null : new Date(`${v}T00:00:00Z`))),
});
export type PublicPageInput = z.infer<typeof publicPageForm>;

function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** One FAQ entry, new (no id) or edited. */
export const faqItemForm = z.object({
  id: z.string().optional().default(""),
  question: z
    .string()
    .trim()
    .min(1, "Write the question.")
    .max(FAQ_QUESTION_MAX, `Keep the question to ${FAQ_QUESTION_MAX} characters.`),
  answer: z
    .string()
    .trim()
    .min(1, "Write the answer.")
    .max(FAQ_ANSWER_MAX, `Keep the answer to ${FAQ_ANSWER_MAX.toLocaleString("en")} characters.`),
});
export type FaqItemInput = z.infer<typeof faqItemForm>;

/** The public-page editor's buttons, with the FAQ item they act on (none for a new one). */
export const publicPageButtonForm = buttonForm(
  ["save-page", "save-faq", "delete-faq", "faq-up", "faq-down"],
  "That button is not known; reload the page and try again.",
).extend({ id: optionalId });
