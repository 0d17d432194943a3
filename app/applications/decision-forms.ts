// The decisions page's buttons, as one zod union keyed by `intent`: each button's
// fields are checked the same way, and a refusal comes back as one sentence.
import { z } from "zod";
import { intentUnion } from "~/utils/forms";
import { DECISIONS } from "./decision-labels";

const NOT_SENT_IN_FULL =
  "This page was not sent in full; reload it and tick the applications again. Nothing was saved.";

/** Ticked applications, each with the version the organizer saw (`v_<id>`), so a stale page refuses. */
const decide = z.object({
  intent: z.enum(DECISIONS),
  items: z
    .array(
      z.object({
        id: z.string().min(1).max(64),
        version: z
          .string({ required_error: NOT_SENT_IN_FULL, invalid_type_error: NOT_SENT_IN_FULL })
          .regex(/^\d{1,9}$/, NOT_SENT_IN_FULL)
          .transform(Number),
      }),
    )
    .min(1, "Tick at least one application first.")
    .max(1000),
});

// `from` is the place the organizer saw, so pressing twice moves once.
const moveOnWaitlist = z.object({
  intent: z.enum(["waitlist-up", "waitlist-down"]),
  id: z.string({ required_error: "Choose someone on the waitlist to move." }).min(1).max(64),
  from: z.coerce.number().int().min(1).max(100_000).optional(),
});

const publish = z.object({
  intent: z.literal("publish"),
  confirm: z.literal("on").optional(),
  reason: z.string().trim().max(500, "Keep the reason under 500 characters.").optional(),
});

const checkOffers = z.object({ intent: z.literal("check-offers") });

const purge = z.object({
  intent: z.literal("purge"),
  confirm: z.literal("on", {
    errorMap: () => ({ message: "Tick the box to confirm that the answers will be removed for good." }),
  }),
});

const union = intentUnion([decide, moveOnWaitlist, publish, checkOffers, purge], "Unknown action.");

/** The ticked `id`s paired with their `v_<id>` versions, for the decide buttons. */
function withItems(values: unknown): unknown {
  if (typeof values !== "object" || values === null) return values;
  const form = values as Record<string, unknown>;
  const ids = Array.isArray(form.id) ? form.id : typeof form.id === "string" && form.id ? [form.id] : [];
  return { ...form, items: ids.map((id) => ({ id, version: form[`v_${String(id)}`] })) };
}

export const decisionsIntent = z.preprocess(withItems, union);
export type DecisionsIntent = z.output<typeof union>;

/** One press of a decisions-page button, or the sentence that says why it was refused. */
export function parseDecisionsForm(
  values: Record<string, unknown>,
): { ok: true; data: DecisionsIntent } | { ok: false; error: string } {
  const parsed = decisionsIntent.safeParse(values);
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, error: parsed.error.issues[0]?.message ?? "Unknown action." };
}
