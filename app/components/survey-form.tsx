// A survey's answer form: Likert statements as five labelled choices, free text
// as a text box. One answer per person, no drafts. Used on the home page, the
// participant's week and the survey's own page (which shows the errors).
import { Form } from "@remix-run/react";
import { DateText } from "./dates";
import { LIKERT_LEVELS, type SurveyQuestion } from "~/surveys/rules";
import { ErrorSummary, Field } from "./forms";

type SurveyQuestionView = SurveyQuestion;

export function SurveyForm({
  id,
  action,
  questions,
  values = {},
  errors,
  returnTo,
  preview = false,
}: {
  id: string;
  action: string;
  questions: SurveyQuestionView[];
  values?: Record<string, string>;
  errors?: Record<string, string>;
  returnTo?: string;
  /** the organizers' preview: the same form, which sends nothing */
  preview?: boolean;
}) {
  const fields = questions.map((q) => {
    const name = `q-${q.key}`;
    const error = errors?.[name];
    if (q.type === "text")
      return (
        <Field
          key={q.key}
          id={`${id}-${name}`}
          name={name}
          label={`${q.label} (optional)`}
          multiline
          rows={3}
          defaultValue={values[name] ?? ""}
          error={error}
        />
      );
    return (
      <fieldset key={q.key} className="likert" aria-describedby={error ? `${id}-${name}-error` : undefined}>
        <legend>{q.label}</legend>
        {LIKERT_LEVELS.map((choice, i) => (
          <label key={choice}>
            <input
              type="radio"
              name={name}
              value={i + 1}
              defaultChecked={values[name] === String(i + 1)}
              disabled={preview}
            />{" "}
            {choice}
          </label>
        ))}
        {error ? (
          <p id={`${id}-${name}-error`} className="field-error">
            {error}
          </p>
        ) : null}
      </fieldset>
    );
  });
  if (preview)
    return (
      <div className="stacked survey-preview">
        {fields}
        <div className="actions">
          <button type="button" disabled>
            Send my answer
          </button>
        </div>
      </div>
    );
  return (
    <Form method="post" action={action} className="stacked" noValidate aria-labelledby={`${id}-title`}>
      <ErrorSummary errors={errors} />
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
      {fields}
      <div className="actions">
        <button type="submit">Send my answer</button>
      </div>
    </Form>
  );
}

export type OpenSurveyView = {
  id: string;
  cohort: { slug: string; name: string };
  title: string;
  closesAt: string | Date | null;
  questions: SurveyQuestionView[];
  action: string;
};

/** "Surveys": the open surveys a participant has not answered yet, each answerable in place. */
export function OpenSurveys({
  items,
  timeZone,
  returnTo,
  showCohort = false,
}: {
  items: OpenSurveyView[];
  timeZone: string;
  returnTo: string;
  showCohort?: boolean;
}) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="open-surveys" className="card">
      <h2 id="open-surveys" style={{ marginTop: 0 }}>
        {items.length === 1 ? "A quick survey" : "Quick surveys"}
      </h2>
      <p className="muted">
        Your answers are counted with others&apos;: results by week or team are shown to the organizers only
        when at least three people answered.
      </p>
      {items.map((s) => (
        <div key={s.id}>
          <h3 id={`survey-${s.id}-title`}>
            {s.title}
            {showCohort ? ` (${s.cohort.name})` : ""}
          </h3>
          {s.closesAt ? (
            <p className="muted">
              Open until <DateText value={s.closesAt} timeZone={timeZone} withTime />.
            </p>
          ) : null}
          <SurveyForm id={`survey-${s.id}`} action={s.action} questions={s.questions} returnTo={returnTo} />
        </div>
      ))}
    </section>
  );
}
