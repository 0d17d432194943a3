import { useState } from "react";
import { answerMaxLength, type Question } from "~/applications/questions";
import { CharacterCount } from "./character-count";

type Value = string | string[] | undefined;

const asList = (v: Value): string[] => (Array.isArray(v) ? v : v ? [v] : []);
const asText = (v: Value): string => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));

/** One question of an application form, with its help text and error beside it. */
export function QuestionField({
  question,
  value,
  error,
}: {
  question: Question;
  value: Value;
  error?: string;
}) {
  const name = `q_${question.id}`;
  const id = `field-${name}`;
  const describedBy =
    [question.helpText ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") ||
    undefined;
  const label = (
    <>
      {question.label}
      {question.required ? <span aria-hidden="true"> *</span> : null}
      {question.sensitive ? (
        <span className="badge" style={{ marginLeft: ".5rem" }}>
          only organizers see this answer
        </span>
      ) : null}
    </>
  );
  const help = question.helpText ? (
    <span id={`${id}-help`} className="help">
      {question.helpText}
    </span>
  ) : null;
  const errorText = error ? (
    <p id={`${id}-error`} className="field-error">
      {error}
    </p>
  ) : null;

  if (
    question.type === "single_choice" ||
    question.type === "multiple_choice" ||
    question.type === "yes_no"
  ) {
    const options =
      question.type === "yes_no"
        ? [
            { value: "yes", label: "Yes" },
            { value: "no", label: "No" },
          ]
        : question.options.map((o) => ({ value: o, label: o }));
    const chosen = asList(value);
    const multiple = question.type === "multiple_choice";
    return (
      <fieldset className="field" aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
        <legend>{label}</legend>
        {help}
        {options.map((o, i) => (
          <label key={o.value} className="choice">
            <input
              type={multiple ? "checkbox" : "radio"}
              name={name}
              value={o.value}
              defaultChecked={chosen.includes(o.value)}
              id={i === 0 ? id : undefined}
            />{" "}
            {o.label}
          </label>
        ))}
        {errorText}
      </fieldset>
    );
  }
  return (
    <TextQuestion
      question={question}
      id={id}
      name={name}
      text={asText(value)}
      label={label}
      help={help}
      errorText={errorText}
      describedBy={describedBy}
      invalid={Boolean(error)}
    />
  );
}

/** A text, number or address answer; text answers show their limit and a live count. */
function TextQuestion({
  question,
  id,
  name,
  text,
  label,
  help,
  errorText,
  describedBy,
  invalid,
}: {
  question: Question;
  id: string;
  name: string;
  text: string;
  label: React.ReactNode;
  help: React.ReactNode;
  errorText: React.ReactNode;
  describedBy: string | undefined;
  invalid: boolean;
}) {
  const [length, setLength] = useState(text.length);
  const max = answerMaxLength(question.type);
  const countId = `${id}-count`;
  const common = {
    id,
    name,
    defaultValue: text,
    "aria-invalid": invalid ? true : undefined,
    "aria-describedby": [describedBy, max ? countId : null].filter(Boolean).join(" ") || undefined,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      setLength(e.target.value.length),
  } as const;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {help}
      {question.type === "long_text" ? (
        <textarea dir="auto" rows={6} {...common} />
      ) : (
        <input
          dir="auto"
          type={question.type === "url" ? "url" : "text"}
          inputMode={question.type === "number" ? "decimal" : undefined}
          {...common}
        />
      )}
      {max ? <CharacterCount id={countId} max={max} length={length} /> : null}
      {errorText}
    </div>
  );
}
