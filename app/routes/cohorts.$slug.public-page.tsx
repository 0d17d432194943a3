import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCohortRole } from "~/auth/permissions.server";
import { faqItemForm, publicPageButtonForm, publicPageForm } from "~/cohorts/public-page";
import {
  deleteFaqItem,
  getPublicPageEditor,
  moveFaqItem,
  saveFaqItem,
  savePublicPage,
} from "~/cohorts/public-page.server";
import { ErrorSummary, Field } from "~/components/forms";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseButton, parseForm, valueOf, type FormValues } from "~/utils/forms";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Public page — Cohort" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["organizer"]);
  return json(await getPublicPageEditor(access));
}

type ActionData = { formKey: string; errors: Record<string, string>; values: FormValues | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["organizer"]);
  const formData = await readForm(request);
  const fail = (formKey: string, errors: Record<string, string>, values: FormValues | null = null) =>
    json<ActionData>({ formKey, errors, values }, { status: 400 });
  const button = parseButton(publicPageButtonForm, formData);
  if (!button.ok) return fail("page", { form: button.error });
  const { intent, id } = button.data;
  let result: { ok: true; message: string } | { ok: false; error: string };
  let formKey = id || "new-faq";
  switch (intent) {
    case "save-page": {
      formKey = "page";
      const parsed = parseForm(publicPageForm, formData);
      if (!parsed.ok) return fail(formKey, parsed.errors, parsed.values);
      result = await savePublicPage(access, parsed.data);
      break;
    }
    case "save-faq": {
      const parsed = parseForm(faqItemForm, formData);
      if (!parsed.ok) return fail(formKey, parsed.errors, parsed.values);
      result = await saveFaqItem(access, parsed.data);
      if (!result.ok) return fail(formKey, { form: result.error }, parsed.values);
      break;
    }
    case "delete-faq":
      result = await deleteFaqItem(access, id);
      break;
    case "faq-up":
    case "faq-down":
      result = await moveFaqItem(access, id, intent === "faq-up" ? "up" : "down");
      break;
    default:
      return fail("page", { form: "That button is not known; reload the page and try again." });
  }
  if (!result.ok) return fail(formKey, { form: result.error });
  return redirectWithFlash(`/cohorts/${params.slug}/public-page`, {
    kind: "success",
    message: result.message,
  });
}

const MARKDOWN_HELP = "Markdown: **bold**, lists with “- ”, links as [text](https://…).";

function FaqFields({
  idPrefix,
  values,
  errors,
}: {
  idPrefix: string;
  values: FormValues;
  errors?: Record<string, string>;
}) {
  return (
    <>
      <Field
        name="question"
        id={`${idPrefix}-question`}
        label="Question"
        defaultValue={valueOf(values, "question")}
        error={errors?.question}
      />
      <Field
        name="answer"
        id={`${idPrefix}-answer`}
        label="Answer"
        multiline
        rows={4}
        help={MARKDOWN_HELP}
        defaultValue={valueOf(values, "answer")}
        error={errors?.answer}
      />
    </>
  );
}

export default function PublicPageEditor() {
  const { cohort, page, faq } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errorsFor = (key: string) => (actionData?.formKey === key ? actionData.errors : undefined);
  const valuesFor = (key: string, saved: FormValues): FormValues =>
    actionData?.formKey === key && actionData.values ? actionData.values : saved;
  const pageErrors = errorsFor("page");
  const pageValues = valuesFor("page", page);
  const newErrors = errorsFor("new-faq");
  const newValues = valuesFor("new-faq", {});
  return (
    <>
      <h1>Public page — {cohort.name}</h1>
      <p>
        What people who might apply read on <Link to={`/cohorts/${cohort.slug}`}>the cohort’s page</Link>,
        beside its dates and projects. Anyone can read it, signed in or not.
      </p>

      <section aria-labelledby="texts">
        <h2 id="texts">Who can apply and the time it takes</h2>
        <ErrorSummary errors={pageErrors} />
        <Form method="post" className="stacked" noValidate>
          <Field
            name="whoCanApply"
            label="Who can apply"
            multiline
            rows={5}
            help={`For example: people who already program, what experience is expected, who is especially welcome. ${MARKDOWN_HELP}`}
            defaultValue={valueOf(pageValues, "whoCanApply")}
            error={pageErrors?.whoCanApply}
          />
          <Field
            name="weeklyHours"
            label="Hours a week the cohort asks of participants"
            help="Applicants see whether their availability and other commitments leave these hours; reviewers see who falls short."
            defaultValue={valueOf(pageValues, "weeklyHours")}
            error={pageErrors?.weeklyHours}
          />
          <Field
            name="timeCommitment"
            label="The time commitment in words"
            multiline
            rows={4}
            help={`What the hours are spent on: meetings, reading, pull requests. ${MARKDOWN_HELP}`}
            defaultValue={valueOf(pageValues, "timeCommitment")}
            error={pageErrors?.timeCommitment}
          />
          <Field
            name="decisionsBy"
            label="Decisions are sent by (optional)"
            type="date"
            help="Shown on the public page and on the page applicants land on after submitting."
            defaultValue={valueOf(pageValues, "decisionsBy")}
            error={pageErrors?.decisionsBy}
          />
          <div className="actions">
            <button type="submit" name="intent" value="save-page">
              Save the public page
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="faq">
        <h2 id="faq">Frequently asked questions</h2>
        {faq.length === 0 ? <p className="muted">No questions yet.</p> : null}
        {faq.map((item, i) => {
          const errors = errorsFor(item.id);
          const values = valuesFor(item.id, item);
          return (
            <details key={item.id} className="card" open={Boolean(errors)}>
              <summary>{item.question}</summary>
              <ErrorSummary errors={errors} />
              <Form method="post" className="stacked" noValidate>
                <input type="hidden" name="id" value={item.id} />
                <FaqFields idPrefix={`faq-${item.id}`} values={values} errors={errors} />
                <div className="actions">
                  <button type="submit" name="intent" value="save-faq">
                    Save this question
                  </button>
                  {i > 0 ? (
                    <button type="submit" name="intent" value="faq-up" className="secondary">
                      Move up
                    </button>
                  ) : null}
                  {i < faq.length - 1 ? (
                    <button type="submit" name="intent" value="faq-down" className="secondary">
                      Move down
                    </button>
                  ) : null}
                  <button type="submit" name="intent" value="delete-faq" className="secondary">
                    Delete
                  </button>
                </div>
              </Form>
            </details>
          );
        })}
        <h3>Add a question</h3>
        <ErrorSummary errors={newErrors} />
        <Form method="post" className="stacked" noValidate>
          <FaqFields idPrefix="faq-new" values={newValues} errors={newErrors} />
          <div className="actions">
            <button type="submit" name="intent" value="save-faq">
              Add to the FAQ
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}
