import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { readForm } from "~/utils/request-body.server";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCohortRole } from "~/auth/permissions.server";
import { DateText } from "~/components/dates";
import { ErrorSummary, Field } from "~/components/forms";
import { SurveyForm } from "~/components/survey-form";
import { endSurveyForm, pulseForm, surveyIntent } from "~/surveys/forms";
import {
  getSurveysPage,
  openEndSurvey,
  saveEndSurvey,
  savePulse,
  setPulse,
  surveysPath,
} from "~/surveys/surveys.server";
import styles from "~/styles/progress.css";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, valueOf, type FormValues } from "~/utils/forms";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Surveys — ${data.page.cohort.name}` : "Surveys" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["organizer"]);
  return json({ page: await getSurveysPage(access), timeZone: access.person.timeZone });
}

type ActionData = { part: "pulse" | "end"; errors: Record<string, string>; values: FormValues };

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["organizer"]);
  const form = await readForm(request);
  const intent = parseForm(surveyIntent, form);
  if (!intent.ok)
    return json<ActionData>({ part: "pulse", errors: intent.errors, values: intent.values }, { status: 400 });
  const part = intent.data.intent.startsWith("pulse") ? "pulse" : "end";
  let outcome;
  if (intent.data.intent === "pulse-save") {
    const parsed = parseForm(pulseForm, form);
    if (!parsed.ok)
      return json<ActionData>({ part, errors: parsed.errors, values: parsed.values }, { status: 400 });
    outcome = await savePulse(access, parsed.data);
  } else if (intent.data.intent === "end-save") {
    const parsed = parseForm(endSurveyForm, form);
    if (!parsed.ok)
      return json<ActionData>({ part, errors: parsed.errors, values: parsed.values }, { status: 400 });
    outcome = await saveEndSurvey(access, parsed.data.questions);
  } else if (intent.data.intent === "end-open") outcome = await openEndSurvey(access);
  else outcome = await setPulse(access, intent.data.intent === "pulse-on");
  if (!outcome.ok)
    return json<ActionData>({ part, errors: outcome.errors, values: intent.values }, { status: 400 });
  return redirectWithFlash(surveysPath(params.slug!), { kind: "success", message: outcome.message });
}

const STATE: Record<string, string> = {
  draft: "Not open yet — only you see it",
  open: "Open",
  closed: "Closed",
  "not yet open": "Not open yet",
};

export default function SurveysPage() {
  const { page, timeZone } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const pulseData = data?.part === "pulse" ? data : undefined;
  const endData = data?.part === "end" ? data : undefined;
  const { pulse, end } = page;
  return (
    <>
      <h1>Surveys — {page.cohort.name}</h1>
      <p>
        A weekly one-question pulse (optional) and a survey at the end of the cohort. Participants answer on
        their home and week pages, once each. <Link to={page.resultsHref}>See the results</Link>
      </p>

      <section aria-labelledby="pulse" className="card">
        <h2 id="pulse" style={{ marginTop: 0 }}>
          Weekly pulse{" "}
          <span className={`badge ${pulse.enabled ? "badge-good" : "badge-info"}`}>
            {pulse.enabled ? "On" : "Off"}
          </span>
        </h2>
        {pulse.thisWeek ? (
          <p>
            Week {pulse.thisWeek.week}: {pulse.thisWeek.answers}{" "}
            {pulse.thisWeek.answers === 1 ? "answer" : "answers"} so far.
          </p>
        ) : null}
        <Form method="post" className="stacked" noValidate>
          <ErrorSummary errors={pulseData?.errors} />
          <fieldset className="likert">
            <legend>Kind of question</legend>
            <label>
              <input
                type="radio"
                name="questionType"
                value="likert"
                defaultChecked={
                  (valueOf(pulseData?.values, "questionType") || pulse.questionType) === "likert"
                }
              />{" "}
              A statement answered from “strongly disagree” to “strongly agree”
            </label>
            <label>
              <input
                type="radio"
                name="questionType"
                value="text"
                defaultChecked={(valueOf(pulseData?.values, "questionType") || pulse.questionType) === "text"}
              />{" "}
              A free-text question
            </label>
          </fieldset>
          <Field
            name="question"
            label="The question asked each week"
            defaultValue={pulseData ? valueOf(pulseData.values, "question") : pulse.question}
            error={pulseData?.errors.question}
          />
          <div className="actions">
            <button type="submit" name="intent" value="pulse-save" className="secondary">
              Save question
            </button>
          </div>
        </Form>
        <p>Or pick a statement (CHAOSS Newcomer Experience and the program&apos;s own):</p>
        <ul>
          {pulse.suggestions.map((s) => (
            <li key={s}>
              <Form method="post" className="inline-form">
                <input type="hidden" name="questionType" value="likert" />
                <input type="hidden" name="question" value={s} />“{s}”{" "}
                <button
                  type="submit"
                  name="intent"
                  value="pulse-save"
                  className="link-button"
                  aria-label={`Use this: “${s}”`}
                >
                  Use this
                </button>
              </Form>
            </li>
          ))}
        </ul>
        <h3>Preview: what participants see each week</h3>
        <SurveyForm id="pulse-preview" action="" questions={pulse.preview} preview />
        <Form method="post">
          {pulse.enabled ? (
            <button type="submit" name="intent" value="pulse-off" className="secondary">
              Switch the pulse off
            </button>
          ) : (
            <button type="submit" name="intent" value="pulse-on">
              Switch the weekly pulse on with this question
            </button>
          )}
        </Form>
      </section>

      <section aria-labelledby="end-survey" className="card">
        <h2 id="end-survey" style={{ marginTop: 0 }}>
          End-of-cohort survey <span className="badge badge-info">{STATE[end.state]}</span>
        </h2>
        {end.sentAt ? (
          <p>
            Opened <DateText value={end.sentAt} timeZone={timeZone} withTime />
            {end.closesAt ? (
              <>
                , takes answers until <DateText value={end.closesAt} timeZone={timeZone} withTime />
              </>
            ) : null}
            ; {end.answers} {end.answers === 1 ? "answer" : "answers"}.
          </p>
        ) : (
          <Form method="post" className="stacked" noValidate>
            <ErrorSummary errors={endData?.errors} />
            <Field
              name="questions"
              label="Questions, one per line"
              help="Start each line with “likert:” (a statement answered from strongly disagree to strongly agree) or “text:” (a free-text question)."
              multiline
              rows={7}
              defaultValue={endData ? valueOf(endData.values, "questions") : end.lines}
              error={endData?.errors.questions}
            />
            <div className="actions">
              <button type="submit" name="intent" value="end-save" className="secondary">
                Save and preview
              </button>
            </div>
          </Form>
        )}
        <h3>{end.sentAt ? "The questions" : "Preview: what participants will see"}</h3>
        <SurveyForm id="end-preview" action="" questions={end.questions} preview />
        {!end.sentAt ? (
          end.mayOpen ? (
            <Form method="post">
              <button type="submit" name="intent" value="end-open">
                Open this survey to participants
              </button>
            </Form>
          ) : (
            <p className="muted">It can be opened once the cohort is running.</p>
          )
        ) : null}
      </section>
    </>
  );
}
