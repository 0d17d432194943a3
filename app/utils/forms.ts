// One zod schema per form. Errors come back per field and the typed values are
// returned so the page can show them again: nothing typed is lost.
import { z, type ZodDiscriminatedUnionOption, type ZodTypeAny } from "zod";

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string | string[]>;

export type FormResult<T> =
  { ok: true; data: T; values: FormValues } | { ok: false; errors: FieldErrors; values: FormValues };

export function formValues(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = all.length > 1 || key.endsWith("[]") ? all : (all[0] ?? "");
  }
  return values;
}

export function parseForm<S extends ZodTypeAny>(schema: S, formData: FormData): FormResult<z.infer<S>> {
  const values = formValues(formData);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data, values };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "form";
    errors[key] ??= issue.message;
  }
  return { ok: false, errors, values };
}

/** A tick box: ticked when the browser sent "on", unticked when it sent nothing (or anything else). */
export const tickBox = z
  .string()
  .optional()
  .transform((v) => v === "on");

/**
 * A tick box that refuses what no browser or script would send: ticked for "on" (a
 * browser's default) or "true" / "1" (scripts), unticked when nothing or "" came.
 */
export const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("1"), z.literal("")])
  .optional()
  .transform((v) => v === "on" || v === "true" || v === "1");

/** A page's buttons as one zod union keyed by `intent`; an unknown button reads `unknown`. */
export function intentUnion<
  Options extends [ZodDiscriminatedUnionOption<"intent">, ...ZodDiscriminatedUnionOption<"intent">[]],
>(options: Options, unknown: string) {
  return z.discriminatedUnion("intent", options, {
    errorMap: (issue, ctx) =>
      issue.code === z.ZodIssueCode.invalid_union_discriminator
        ? { message: unknown }
        : { message: ctx.defaultError },
  });
}

/** Which of a page's buttons was pressed, when each button's fields have a schema of their own. */
export function buttonForm<const T extends readonly [string, ...string[]]>(intents: T, unknown: string) {
  return z.object({
    intent: z.enum(intents as unknown as [T[number], ...T[number][]], {
      errorMap: () => ({ message: unknown }),
    }),
  });
}

/** The id of a row a button acts on (a hidden field); `message` when it is missing or absurd. */
export function idField(message: string) {
  return z.string({ required_error: message, invalid_type_error: message }).min(1, message).max(64, message);
}

/** The id a button may carry (none for a new row); "" when absent. */
export const optionalId = z
  .string()
  .max(64, "That item is not known; reload the page and try again.")
  .default("");

/** A form sent with Enter names no button: read it as `intent`, the form's main button. */
export function withDefaultIntent<S extends ZodTypeAny>(intent: string, schema: S) {
  return z.preprocess(
    (values) =>
      typeof values === "object" && values !== null && !("intent" in values) ? { ...values, intent } : values,
    schema,
  );
}

/** One press of a button, or the one sentence (the first refusal) that says why it was refused. */
export function parseButton<S extends ZodTypeAny>(
  schema: S,
  formData: FormData,
): { ok: true; data: z.infer<S>; values: FormValues } | { ok: false; error: string; values: FormValues } {
  const parsed = parseForm(schema, formData);
  if (parsed.ok) return parsed;
  return { ok: false, error: Object.values(parsed.errors)[0] ?? "Unknown action.", values: parsed.values };
}

export function valueOf(values: FormValues | undefined, key: string): string {
  const value = values?.[key];
  return Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
}
