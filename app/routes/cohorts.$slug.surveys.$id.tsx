import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { readForm } from "~/utils/request-body.server";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireCohortRole } from "~/auth/permissions.server";
import { DateText } from "~/components/dates";
import { SurveyForm } from "~/components/survey-form";
import { afterAnswerPath, answerSurvey, getSurveyForm } from "~/surveys/surveys.server";
import styles from "~/styles/progress.css";
import { redirectWithFlash } from "~/utils/flash.server";
import { formValues, type FormValues } from "~/utils/forms";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.form.survey.title} — ${data.form.cohort.name}` : "Survey" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["participant"]);
  return json({ form: await getSurveyForm(access, params.id!), timeZone: access.person.timeZone });
}

type ActionData = { errors: Record<string, string>; values: FormValues };

/** A participant answers (once). The form may come from their home page or their week. */
export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["participant"]);
  const values = formValues(await readForm(request));
  const answered = await answerSurvey(access, params.id!, values);
  if (!answered.ok) return json<ActionData>({ errors: answered.errors, values }, { status: 400 });
  return redirectWithFlash(afterAnswerPath(params.slug!, values.returnTo), {
    kind: "success",
    message: answered.message,
  });
}

export default function AnswerSurvey() {
  const { form, timeZone } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const values = Object.fromEntries(
    Object.entries(data?.values ?? {}).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? "") : v]),
  );
  return (
    <>
      <h1 id="survey-page-title">
        {form.survey.title} — {form.cohort.name}
      </h1>
      <p className="muted">
        Your answers are counted with others&apos;: results by week or team are shown to the organizers only
        when at least three people answered. Free-text answers are read by the organizers only.
      </p>
      {form.answeredAt ? (
        <p>
          <span className="badge badge-good">Answered</span> You answered on{" "}
          <DateText value={form.answeredAt} timeZone={timeZone} withTime />. Thank you!
        </p>
      ) : form.closedReason ? (
        <p className="error-summary" role="alert">
          {form.closedReason}
        </p>
      ) : (
        <>
          {form.survey.closesAt ? (
            <p>
              Open until <DateText value={form.survey.closesAt} timeZone={timeZone} withTime />.
            </p>
          ) : null}
          <SurveyForm
            id="survey-page"
            action={`/cohorts/${form.cohort.slug}/surveys/${form.survey.id}`}
            questions={form.survey.questions}
            values={values}
            errors={data?.errors}
            returnTo={typeof data?.values.returnTo === "string" ? data.values.returnTo : undefined}
          />
        </>
      )}
    </>
  );
}
