// One zod schema per form. Errors come back per field and the typed values are
// returned so the page can show them again: nothing typed is lost.
import type { z, ZodTypeAny } from "zod";

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

export function valueOf(values: FormValues | undefined, key: string): string {
  const value = values?.[key];
  return Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
}
