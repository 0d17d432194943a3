import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import {
  copyFormFrom,
  deleteCriterion,
  deleteQuestion,
  getFormEditor,
  moveCriterion,
  moveQuestion,
  saveCriterion,
  saveQuestion,
} from "~/applications/form.server";
import {
  criterionForm,
  formEditorButtonForm,
  QUESTION_TYPE_LABELS,
  QUESTION_TYPES,
  questionForm,
  type Question,
} from "~/applications/questions";
import { requireCohortRole } from "~/auth/permissions.server";
import type { Criterion } from "~/applications/form.server";
import { ErrorSummary, Field } from "~/components/forms";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseButton, parseForm, valueOf, type FormValues } from "~/utils/forms";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Application form — Cohort" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["organizer"]);
  const editing = new URL(request.url).searchParams.get("edit");
  return json({ ...(await getFormEditor(access.cohort, access.person)), editing });
}

type ActionData = { formKey: string; errors: Record<string, string>; values: FormValues | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["organizer"]);
  const formData = await readForm(request);
  const cohortId = access.cohort.id;
  const actorId = access.person.id;
  const here = `/cohorts/${params.slug}/form`;
  const fail = (formKey: string, errors: Record<string, string>, values: FormValues | null = null) =>
    json<ActionData>({ formKey, errors, values }, { status: 400 });
  const button = parseButton(formEditorButtonForm, formData);
  if (!button.ok) return fail("page", { form: button.error });
  const { intent, id } = button.data;
  let result: { ok: true; message: string } | { ok: false; error: string };
  switch (intent) {
    case "save-question": {
      const parsed = parseForm(questionForm, formData);
      const key = button.data.questionId || "new-question";
      if (!parsed.ok) return fail(key, parsed.errors, parsed.values);
      result = await saveQuestion(actorId, cohortId, parsed.data);
      if (!result.ok) return fail(key, { form: result.error }, parsed.values);
      break;
    }
    case "save-criterion": {
      const parsed = parseForm(criterionForm, formData);
      const key = button.data.criterionId || "new-criterion";
      if (!parsed.ok) return fail(key, parsed.errors, parsed.values);
      result = await saveCriterion(actorId, cohortId, parsed.data);
      if (!result.ok) return fail(key, { form: result.error }, parsed.values);
      break;
    }
    case "delete-question":
      result = await deleteQuestion(actorId, cohortId, id);
      break;
    case "delete-criterion":
      result = await deleteCriterion(actorId, cohortId, id);
      break;
    case "question-up":
    case "question-down":
      result = await moveQuestion(cohortId, id, intent.endsWith("up") ? "up" : "down");
      break;
    case "criterion-up":
    case "criterion-down":
      result = await moveCriterion(cohortId, id, intent.endsWith("up") ? "up" : "down");
      break;
    case "copy":
      result = await copyFormFrom(access.person, cohortId, button.data.source);
      break;
    default:
      return fail("page", { form: "Unknown action." });
  }
  if (!result.ok)
    return fail(
      intent.includes("criterion") ? `criterion:${id}` : intent === "copy" ? "copy" : `question:${id}`,
      { form: result.error },
    );
  return redirectWithFlash(here, { kind: "success", message: result.message });
}

function QuestionEditor({ question, data }: { question: Question | null; data: ActionData | undefined }) {
  const key = question?.id ?? "new-question";
  const mine = data?.formKey === key ? data : undefined;
  const values: FormValues =
    mine?.values ??
    (question
      ? {
          label: question.label,
          type: question.type,
          helpText: question.helpText,
          options: question.options.join("\n"),
          required: question.required ? "on" : "",
          sensitive: question.sensitive ? "on" : "",
        }
      : { type: "short_text" });
  const e = mine?.errors ?? {};
  const suffix = question ? ` ${question.position}` : "";
  return (
    <Form
      method="post"
      className="stacked"
      noValidate
      aria-label={question ? `Edit question ${question.position}` : "Add a question"}
    >
      <ErrorSummary errors={mine?.errors} />
      <input type="hidden" name="questionId" value={question?.id ?? ""} />
      <Field
        name={`label`}
        label={`Question${suffix}`}
        defaultValue={valueOf(values, "label")}
        error={e.label}
      />
      <div className="field">
        <label htmlFor={`type-${key}`}>Type</label>
        <select id={`type-${key}`} name="type" defaultValue={valueOf(values, "type")}>
          {QUESTION_TYPES.map((t) => (
            <option key={t} value={t}>
              {QUESTION_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
        {e.type ? <p className="field-error">{e.type}</p> : null}
      </div>
      <Field
        name="helpText"
        label="Help text"
        defaultValue={valueOf(values, "helpText")}
        error={e.helpText}
        help="Shown under the question."
      />
      <Field
        name="options"
        label="Choices (for single and multiple choice), one per line"
        multiline
        rows={3}
        defaultValue={valueOf(values, "options")}
        error={e.options}
      />
      <label className="choice">
        <input
          type="checkbox"
          name="required"
          value="on"
          defaultChecked={valueOf(values, "required") === "on"}
        />{" "}
        Required
      </label>
      <label className="choice">
        <input
          type="checkbox"
          name="sensitive"
          value="on"
          defaultChecked={valueOf(values, "sensitive") === "on"}
        />{" "}
        Sensitive — only organizers see the answers, never reviewers
      </label>
      <div className="actions">
        <button type="submit" name="intent" value="save-question">
          {question ? "Save question" : "Add question"}
        </button>
      </div>
    </Form>
  );
}

function CriterionEditor({ criterion, data }: { criterion: Criterion | null; data: ActionData | undefined }) {
  const key = criterion?.id ?? "new-criterion";
  const mine = data?.formKey === key ? data : undefined;
  const values: FormValues =
    mine?.values ??
    (criterion
      ? {
          name: criterion.name,
          description: criterion.description,
          lowAnchor: criterion.lowAnchor,
          highAnchor: criterion.highAnchor,
        }
      : {});
  const e = mine?.errors ?? {};
  return (
    <Form
      method="post"
      className="stacked"
      noValidate
      aria-label={criterion ? `Edit criterion ${criterion.name}` : "Add a criterion"}
    >
      <ErrorSummary errors={mine?.errors} />
      <input type="hidden" name="criterionId" value={criterion?.id ?? ""} />
      <Field name="name" label="Criterion" defaultValue={valueOf(values, "name")} error={e.name} />
      <Field
        name="description"
        label="What reviewers should look for"
        defaultValue={valueOf(values, "description")}
        error={e.description}
      />
      <Field
        name="lowAnchor"
        label="What a 1 looks like"
        defaultValue={valueOf(values, "lowAnchor")}
        error={e.lowAnchor}
      />
      <Field
        name="highAnchor"
        label="What a 5 looks like"
        defaultValue={valueOf(values, "highAnchor")}
        error={e.highAnchor}
      />
      <div className="actions">
        <button type="submit" name="intent" value="save-criterion">
          {criterion ? "Save criterion" : "Add criterion"}
        </button>
      </div>
    </Form>
  );
}

function RowButtons({ kind, id, label }: { kind: "question" | "criterion"; id: string; label: string }) {
  return (
    <Form method="post" className="actions">
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        name="intent"
        value={`${kind}-up`}
        className="secondary"
        aria-label={`Move “${label}” up`}
      >
        ↑
      </button>
      <button
        type="submit"
        name="intent"
        value={`${kind}-down`}
        className="secondary"
        aria-label={`Move “${label}” down`}
      >
        ↓
      </button>
      <button
        type="submit"
        name="intent"
        value={`delete-${kind}`}
        className="secondary"
        aria-label={`Remove “${label}”`}
      >
        Remove
      </button>
    </Form>
  );
}

export default function FormEditorPage() {
  const page = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  // One editor open at a time, so every field label on the page is unique.
  const editingRow =
    page.editing ??
    (data &&
    !["new-question", "new-criterion", "copy", "page"].includes(data.formKey) &&
    !data.formKey.includes(":")
      ? data.formKey
      : null);
  const rowError = (key: string) =>
    data?.formKey === key ? (
      <p className="field-error" role="alert">
        {data.errors.form}
      </p>
    ) : null;
  return (
    <>
      <h1>Application form for {page.cohort.name}</h1>
      <p className="muted">
        {page.submittedCount} submitted application{page.submittedCount === 1 ? "" : "s"} so far. Changing a
        question after people answered it changes it for everyone; questions with answers cannot be removed.
      </p>

      {page.copySources.length > 0 ? (
        <section className="card" aria-label="Copy a form">
          <Form method="post" className="actions">
            <label htmlFor="copy-source">Copy the questions and rubric of</label>
            <select id="copy-source" name="source" style={{ width: "auto" }}>
              {page.copySources.map((s) => (
                <option key={s.slug} value={s.slug}>
                  {s.name} ({s.questions} questions, {s.criteria} criteria)
                </option>
              ))}
            </select>
            <button type="submit" name="intent" value="copy">
              Copy form
            </button>
          </Form>
          {rowError("copy")}
        </section>
      ) : null}

      <h2>Questions</h2>
      {page.questions.length === 0 ? (
        <p>No questions yet. Add one below, or copy the form of an earlier cohort.</p>
      ) : null}
      <ol className="editor-list">
        {page.questions.map((q) => (
          <li key={q.id} className="card">
            <p style={{ marginTop: 0 }}>
              <strong>{q.label}</strong> <span className="badge">{QUESTION_TYPE_LABELS[q.type]}</span>{" "}
              {q.required ? <span className="badge badge-info">required</span> : null}{" "}
              {q.sensitive ? <span className="badge badge-warn">sensitive</span> : null}
            </p>
            {q.helpText ? <p className="muted">{q.helpText}</p> : null}
            {q.options.length ? <p>Choices: {q.options.join(" · ")}</p> : null}
            <RowButtons kind="question" id={q.id} label={q.label} />
            {rowError(`question:${q.id}`)}
            {page.editing === q.id || data?.formKey === q.id ? (
              <QuestionEditor question={q} data={data} />
            ) : (
              <Link to={`?edit=${q.id}`}>Edit “{q.label}”</Link>
            )}
          </li>
        ))}
      </ol>
      <h3>Add a question</h3>
      {editingRow ? <Link to=".">Add a question</Link> : <QuestionEditor question={null} data={data} />}

      <h2>Scoring rubric</h2>
      <p className="muted">
        Reviewers score each criterion from 1 to 5.{" "}
        {page.scoredCount > 0 ? `${page.scoredCount} scores have been given so far.` : null}
      </p>
      <ol className="editor-list">
        {page.rubric.map((c) => (
          <li key={c.id} className="card">
            <p style={{ marginTop: 0 }}>
              <strong>{c.name}</strong>
              {c.description ? ` — ${c.description}` : ""}
            </p>
            <p>
              <strong>1:</strong> {c.lowAnchor}
              <br />
              <strong>5:</strong> {c.highAnchor}
            </p>
            <RowButtons kind="criterion" id={c.id} label={c.name} />
            {rowError(`criterion:${c.id}`)}
            {page.editing === c.id || data?.formKey === c.id ? (
              <CriterionEditor criterion={c} data={data} />
            ) : (
              <Link to={`?edit=${c.id}`}>Edit “{c.name}”</Link>
            )}
          </li>
        ))}
      </ol>
      <h3>Add a criterion</h3>
      {editingRow ? <Link to=".">Add a criterion</Link> : <CriterionEditor criterion={null} data={data} />}
    </>
  );
}
