import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireCohortRole } from "~/auth/permissions.server";
import { DateText } from "~/components/dates";
import { ErrorSummary, Field } from "~/components/forms";
import { Markdown } from "~/components/markdown";
import { reflectionForm } from "~/reflections/forms";
import {
  getReflectionEditor,
  parseWeek,
  previewAnswers,
  saveReflection,
} from "~/reflections/reflections.server";
import styles from "~/styles/progress.css";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, valueOf, type FormValues } from "~/utils/forms";
import { readForm } from "~/utils/request-body.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Week ${data.editor.week} reflection — ${data.editor.cohort.name}` : "Reflection" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["participant"]);
  const editor = await getReflectionEditor(access, parseWeek(params.week));
  return json({ editor, timeZone: access.person.timeZone });
}

type ActionData = {
  errors?: Record<string, string>;
  values?: FormValues;
  preview?: { prompt: string; html: string }[];
};

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["participant"]);
  const week = parseWeek(params.week);
  const editor = await getReflectionEditor(access, week);
  const parsed = parseForm(reflectionForm(editor.prompts.length), await readForm(request));
  if (!parsed.ok) return json<ActionData>({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  if (parsed.data.intent === "preview") {
    return json<ActionData>({
      values: parsed.values,
      preview: previewAnswers(editor.prompts, parsed.data as Record<string, unknown>),
    });
  }
  const saved = await saveReflection(access, week, parsed.data);
  if (!saved.ok)
    return json<ActionData>({ errors: { form: saved.error }, values: parsed.values }, { status: 400 });
  if (saved.status === "draft") {
    return redirectWithFlash(`/cohorts/${params.slug}/reflections/${week}`, {
      kind: "success",
      message: `Draft saved. Only you can see it until you submit.`,
    });
  }
  return redirectWithFlash(`/cohorts/${params.slug}/reflections/${week}/${access.person.login}`, {
    kind: "success",
    message: saved.late
      ? `Week ${week} reflection submitted (late). Thank you!`
      : `Week ${week} reflection submitted. Thank you!`,
  });
}

export default function WriteReflection() {
  const { editor, timeZone } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  const values = data?.values ?? editor.values;
  const submitted = editor.reflection?.status === "submitted";
  const confidence = valueOf(values, "confidence");
  const checked = (name: string) => valueOf(values, name) === "on" || valueOf(values, name) === "true";
  return (
    <>
      <h1>Week {editor.week} reflection</h1>
      <p>
        {submitted ? (
          <span className={`badge ${editor.reflection?.late ? "badge-warn" : "badge-good"}`}>
            {editor.reflection?.late ? "Submitted late" : "Submitted"}
          </span>
        ) : editor.reflection ? (
          <span className="badge badge-info">Draft</span>
        ) : null}{" "}
        Due <DateText value={editor.dueAt} timeZone={timeZone} withTime />.{" "}
        {editor.window.open ? (
          <>
            You can edit it until{" "}
            <DateText value={editor.window.editableUntil} timeZone={timeZone} withTime />.
          </>
        ) : null}{" "}
        {submitted ? (
          <Link to={editor.threadPath}>Read it with the replies ({editor.reflection?.comments ?? 0})</Link>
        ) : null}
      </p>
      {!editor.window.open ? (
        <p className="error-summary" role="alert">
          {editor.window.reason}
        </p>
      ) : (
        <Form method="post" className="stacked" noValidate>
          <ErrorSummary errors={data?.errors} />
          <p className="muted">
            Your navigator, your captain and the organizers read your reflection once you submit it. Answers
            accept Markdown: **bold**, `code`, lists, [links](https://example.org).
          </p>
          {editor.prompts.map((prompt, i) => (
            <Field
              key={prompt.id}
              name={`answer-${i}`}
              label={prompt.text}
              multiline
              rows={5}
              defaultValue={valueOf(values, `answer-${i}`)}
              error={data?.errors?.[`answer-${i}`]}
            />
          ))}
          <fieldset
            className="confidence"
            aria-describedby={data?.errors?.confidence ? "confidence-error" : undefined}
          >
            <legend>How confident do you feel this week? (1 = lost, 5 = confident)</legend>
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n}>
                <input type="radio" name="confidence" value={n} defaultChecked={confidence === String(n)} />{" "}
                {n}
              </label>
            ))}
            {data?.errors?.confidence ? (
              <p id="confidence-error" className="field-error">
                {data.errors.confidence}
              </p>
            ) : null}
          </fieldset>
          <div className="field">
            <label>
              <input type="checkbox" name="needsHelp" defaultChecked={checked("needsHelp")} /> I need help —
              my navigator sees this first
            </label>
          </div>
          <div className="field">
            <label>
              <input type="checkbox" name="sharedWithTeam" defaultChecked={checked("sharedWithTeam")} /> Share
              with my team (teammates can read it once it is submitted)
            </label>
          </div>
          <div className="actions">
            <button type="submit" name="intent" value="preview" className="secondary">
              Preview
            </button>
            {!submitted ? (
              <button type="submit" name="intent" value="draft" className="secondary">
                Save draft
              </button>
            ) : null}
            <button type="submit" name="intent" value="submit" disabled={navigation.state === "submitting"}>
              {submitted ? "Save changes" : "Submit reflection"}
            </button>
          </div>
        </Form>
      )}
      {data?.preview ? (
        <section aria-labelledby="preview-heading" className="preview">
          <h2 id="preview-heading">Preview</h2>
          {data.preview.map((p) => (
            <div key={p.prompt} className="reflection-answer">
              <h3>{p.prompt}</h3>
              {p.html ? <Markdown html={p.html} /> : <p className="muted">(no answer)</p>}
            </div>
          ))}
          <p className="muted">Nothing is saved until you save a draft or submit.</p>
        </section>
      ) : null}
    </>
  );
}
