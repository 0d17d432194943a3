// One zod schema per form on the starter-issue board.
import { z } from "zod";
import { buttonForm, checkbox } from "~/utils/forms";

export const DIFFICULTIES = ["easy", "medium", "hard"] as const;
export const DIFFICULTY_LABELS: Record<(typeof DIFFICULTIES)[number], string> = {
  easy: "Easy",
  medium: "Medium",
  hard: "Hard",
};

export const curateForm = z.object({
  issueId: z.string().min(1),
  recommendedTeamId: z.string().optional().default(""),
  difficulty: z
    .union([z.enum(DIFFICULTIES), z.literal("")])
    .optional()
    .default(""),
  note: z
    .string()
    .max(4000, "Keep the note under 4,000 characters.")
    .optional()
    .default("")
    .transform((s) => s.trim()),
  hidden: checkbox,
});
export type CurateInput = z.infer<typeof curateForm>;

export const claimForm = z.object({ issueId: z.string().min(1) });
export const releaseForm = z.object({ claimId: z.string().min(1) });
export const reassignForm = z.object({
  claimId: z.string().min(1),
  personId: z.string().min(1, "Choose who takes over this issue."),
});

export const addIssueForm = z.object({
  projectId: z.string().min(1, "Choose the project."),
  url: z.string().trim().min(1, "Paste the issue's or ticket's address."),
});
export type AddIssueInput = z.infer<typeof addIssueForm>;

/** Which button was pressed on the board; each has its schema above. */
export const issueButtonForm = buttonForm(
  ["curate", "claim", "release", "reassign", "add"],
  "Unknown action.",
);
