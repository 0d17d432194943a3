import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { readForm } from "~/utils/request-body.server";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCohortRole } from "~/auth/permissions.server";
import { DateText } from "~/components/dates";
import { ErrorSummary, Field } from "~/components/forms";
import { evaluationsPath, getEvaluationForm, saveEvaluation } from "~/evaluations/evaluations.server";
import styles from "~/styles/progress.css";
import { redirectWithFlash } from "~/utils/flash.server";
import { formValues, valueOf, type FormValues } from "~/utils/forms";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.form.round.title} — ${data.form.cohort.name}` : "Evaluation" },
];

const ROLES = ["navigator", "participant"] as const;
const about = (request: Request) => new URL(request.url).searchParams.get("about");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ROLES);
  return json({
    form: await getEvaluationForm(access, params.round!, about(request)),
    timeZone: access.person.timeZone,
  });
}

type ActionData = { errors: Record<string, string>; values: FormValues };

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ROLES);
  const values = formValues(await readForm(request));
  if (values.intent !== "draft" && values.intent !== "submit")
    return json<ActionData>({ errors: { form: "Choose save draft or submit." }, values }, { status: 400 });
  const saved = await saveEvaluation(access, params.round!, about(request), values);
  if (!saved.ok) return json<ActionData>({ errors: saved.errors, values }, { status: 400 });
  if (saved.status === "draft") {
    return redirectWithFlash(new URL(request.url).pathname + new URL(request.url).search, {
      kind: "success",
      message: "Draft saved. Nobody reads it until you submit.",
    });
  }
  return redirectWithFlash(evaluationsPath(params.slug!), {
    kind: "success",
    message: saved.late ? "Evaluation submitted (late). Thank you!" : "Evaluation submitted. Thank you!",
  });
}

export default function WriteEvaluation() {
  const { form, timeZone } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const values = data?.values ?? form.values;
  const submitted = form.response?.status === "submitted";
  return (
    <>
      <h1>
        {form.round.title}:{" "}
        {form.direction === "participant" ? "your team, navigator and learning" : form.about}
      </h1>
      <p>
        {submitted ? (
          <span className={`badge ${form.response?.late ? "badge-warn" : "badge-good"}`}>
            {form.response?.late ? "Submitted late" : "Submitted"}
          </span>
        ) : form.response ? (
          <span className="badge badge-info">Draft</span>
        ) : null}{" "}
        {form.window.open && form.window.late && !submitted ? (
          <span className="badge badge-bad">Late</span>
        ) : null}{" "}
        Due <DateText value={form.round.dueAt} timeZone={timeZone} withTime />.{" "}
        <Link to={`/cohorts/${form.cohort.slug}/evaluations`}>All evaluations</Link>
      </p>
      <p className="muted">{form.visibility}</p>
      {!form.window.open ? (
        <p className="error-summary" role="alert">
          {form.window.reason}
        </p>
      ) : (
        <Form method="post" className="stacked" noValidate>
          <ErrorSummary errors={data?.errors} />
          {form.questions.map((q) =>
            q.type === "scale" ? (
              <fieldset
                key={q.key}
                className="confidence"
                aria-describedby={data?.errors?.[`q-${q.key}`] ? `q-${q.key}-error` : undefined}
              >
                <legend>{q.label} (1 = disagree, 5 = agree)</legend>
                {[1, 2, 3, 4, 5].map((n) => (
                  <label key={n}>
                    <input
                      type="radio"
                      name={`q-${q.key}`}
                      value={n}
                      defaultChecked={valueOf(values, `q-${q.key}`) === String(n)}
                    />{" "}
                    {n}
                  </label>
                ))}
                {data?.errors?.[`q-${q.key}`] ? (
                  <p id={`q-${q.key}-error`} className="field-error">
                    {data.errors[`q-${q.key}`]}
                  </p>
                ) : null}
              </fieldset>
            ) : (
              <Field
                key={q.key}
                name={`q-${q.key}`}
                label={q.label}
                multiline
                rows={4}
                defaultValue={valueOf(values, `q-${q.key}`)}
                error={data?.errors?.[`q-${q.key}`]}
              />
            ),
          )}
          <div className="field">
            <label>
              <input
                type="checkbox"
                name="wantsToTalk"
                defaultChecked={valueOf(values, "wantsToTalk") === "on"}
              />{" "}
              {form.talkLabel}
            </label>
          </div>
          <div className="actions">
            {!submitted ? (
              <button type="submit" name="intent" value="draft" className="secondary">
                Save draft
              </button>
            ) : null}
            <button type="submit" name="intent" value="submit">
              {submitted ? "Save changes" : "Submit evaluation"}
            </button>
          </div>
        </Form>
      )}
    </>
  );
}
