import { useNavigation } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";

type FieldProps = {
  name: string;
  /** needed when the same field appears in several forms of one page */
  id?: string;
  label: string;
  error?: string;
  help?: ReactNode;
  defaultValue?: string | number | null;
  type?: string;
  required?: boolean;
  multiline?: boolean;
  rows?: number;
  min?: number | string;
  max?: number | string;
  step?: number | string;
  placeholder?: string;
  autoComplete?: string;
};

/** A labelled input with its help text and its error announced beside it. */
export function Field({
  name,
  id: givenId,
  label,
  error,
  help,
  defaultValue,
  type = "text",
  required,
  multiline,
  rows,
  ...rest
}: FieldProps) {
  const id = givenId ?? `field-${name}`;
  const describedBy =
    [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name,
    required,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    defaultValue: defaultValue ?? undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {help ? (
        <span id={`${id}-help`} className="help">
          {help}
        </span>
      ) : null}
      {multiline ? (
        <textarea dir="auto" {...common} rows={rows ?? 5} placeholder={rest.placeholder} />
      ) : (
        <input dir="auto" {...common} type={type} {...rest} />
      )}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export type ErrorLink = { label: string; href: string };

/**
 * The problems of a form that came back. With `linkTo`, each field's problem is
 * listed with a link to the field and the summary takes the focus (and scrolls
 * into view), so someone who pressed a button at the end of a long form sees
 * at once that nothing was saved and where to look.
 */
export function ErrorSummary({
  errors,
  linkTo,
}: {
  errors?: Record<string, string> | null;
  linkTo?: (field: string) => ErrorLink | null;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = Boolean(errors && Object.keys(errors).length > 0);
  const takesFocus = Boolean(linkTo);
  // Once per answer from the server (a new `errors` object), not on every render.
  useEffect(() => {
    if (shown && takesFocus) ref.current?.focus();
  }, [errors, shown, takesFocus]);
  if (!errors || !shown) return null;
  // "form" is a problem with no field to correct (GitHub or the database was down, a
  // wrong phase): it is said on its own, never introduced as a field to correct.
  const count = Object.keys(errors).filter((field) => field !== "form").length;
  const links = linkTo
    ? Object.entries(errors).flatMap(([field, message]) => {
        const link = field === "form" ? null : linkTo(field);
        return link ? [{ field, message, ...link }] : [];
      })
    : [];
  return (
    <div className="error-summary" role="alert" ref={ref} tabIndex={linkTo ? -1 : undefined}>
      {errors.form ? <p>{errors.form}</p> : null}
      <p>
        {count === 0
          ? "Nothing was saved."
          : `Please correct ${count === 1 ? "the field" : `the ${count} fields`} marked below; nothing was saved.`}
      </p>
      {links.length ? (
        <ul>
          {links.map((l) => (
            <li key={l.field}>
              <a href={l.href}>{l.label}</a>: {l.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * A submit button that says what is happening while its form is on its way (for
 * actions that wait on GitHub or Trac). `isMine` tells this form's submission apart
 * when a page has several forms.
 */
export function PendingButton({
  children,
  pendingLabel,
  name = "intent",
  value,
  isMine,
  className,
}: {
  children: ReactNode;
  pendingLabel: string;
  name?: string;
  value?: string;
  isMine?: (formData: FormData) => boolean;
  className?: string;
}) {
  const navigation = useNavigation();
  const pending =
    navigation.state === "submitting" &&
    Boolean(navigation.formData) &&
    (value === undefined || navigation.formData!.get(name) === value) &&
    (!isMine || isMine(navigation.formData!));
  return (
    <button
      type="submit"
      name={value === undefined ? undefined : name}
      value={value}
      className={className}
      disabled={pending}
      aria-disabled={pending || undefined}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
