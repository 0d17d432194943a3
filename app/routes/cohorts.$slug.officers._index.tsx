import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { readForm } from "~/utils/request-body.server";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { QUESTION_TYPE_LABELS, QUESTION_TYPES, questionForm } from "~/applications/questions";
import { requireCohortRole } from "~/auth/permissions.server";
import { DateText } from "~/components/dates";
import { ErrorSummary, Field } from "~/components/forms";
import { callForm, callPageButtonForm } from "~/officers/forms";
import {
  addCallQuestion,
  getCallReview,
  inviteAlumni,
  removeCallQuestion,
  saveCall,
} from "~/officers/officers.server";
import { officersPath, volunteerPath } from "~/officers/paths";
import styles from "~/styles/progress.css";
import { redirectWithFlash } from "~/utils/flash.server";
import { formValues, parseButton, parseForm, valueOf, type FormValues } from "~/utils/forms";
import { isoDay } from "~/utils/time";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Navigators and captains — ${data.review.cohort.name}` : "Navigators and captains" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["organizer"]);
  return json({ review: await getCallReview(access), timeZone: access.person.timeZone });
}

type ActionData = { intent: string; errors: Record<string, string>; values: FormValues };

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["organizer"]);
  const formData = await readForm(request);
  const button = parseButton(callPageButtonForm, formData);
  if (!button.ok)
    return json<ActionData>(
      { intent: "", errors: { form: button.error }, values: button.values },
      { status: 400 },
    );
  const { intent } = button.data;
  const back = officersPath(params.slug!);
  if (intent === "call") {
    const parsed = parseForm(callForm, formData);
    if (!parsed.ok)
      return json<ActionData>({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
    const saved = await saveCall(access, parsed.data);
    if (!saved.ok)
      return json<ActionData>({ intent, errors: saved.errors, values: parsed.values }, { status: 400 });
    return redirectWithFlash(back, { kind: "success", message: saved.message });
  }
  if (intent === "question") {
    const parsed = parseForm(questionForm, formData);
    if (!parsed.ok)
      return json<ActionData>({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
    return redirectWithFlash(back, { kind: "success", message: await addCallQuestion(access, parsed.data) });
  }
  if (button.data.intent === "remove-question") {
    return redirectWithFlash(back, {
      kind: "success",
      message: await removeCallQuestion(access, button.data.questionId),
    });
  }
  if (intent === "invite") {
    const sent = await inviteAlumni(access);
    return redirectWithFlash(back, {
      kind: "success",
      message: sent === 0 ? "Every alumnus was already invited." : `Invitations sent to ${sent} alumni.`,
    });
  }
  return json<ActionData>(
    { intent, errors: { form: "Choose what to save." }, values: formValues(formData) },
    { status: 400 },
  );
}

export default function OfficersPage() {
  const { review, timeZone } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const call = review.call;
  const callData = data?.intent === "call" ? data : undefined;
  const v = (k: string, fallback: string) => (callData ? valueOf(callData.values, k) : fallback);
  return (
    <>
      <h1>Navigators and captains — {review.cohort.name}</h1>
      {call ? (
        <p>
          {call.open ? <span className="badge badge-good">Open</span> : <span className="badge">Closed</span>}{" "}
          <DateText value={call.opensAt} timeZone={timeZone} /> to{" "}
          <DateText value={call.closesAt} timeZone="Etc/GMT+12" /> (anywhere on earth) ·{" "}
          <Link to={volunteerPath(review.cohort.slug)}>the applicants' form</Link>
        </p>
      ) : (
        <p>No call yet: set its dates below to open it.</p>
      )}

      <section aria-labelledby="applications-heading">
        <h2 id="applications-heading">Applications ({review.applications.length})</h2>
        {review.applications.length === 0 ? (
          <p className="muted">No applications yet.</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Volunteer applications">
            <table>
              <thead>
                <tr>
                  <th scope="col">Volunteer</th>
                  <th scope="col">Role</th>
                  <th scope="col">Hours</th>
                  <th scope="col">Earlier cohorts</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {review.applications.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <Link to={officersPath(review.cohort.slug, a.id)}>{a.name}</Link>{" "}
                      <span className="muted">@{a.login}</span>
                    </td>
                    <td>{a.role}</td>
                    <td>
                      {a.hoursPerWeek} h/week
                      {a.commitmentFlag ? (
                        <>
                          {" "}
                          <span className="badge badge-warn" title={a.commitmentFlag}>
                            Time flagged
                          </span>
                        </>
                      ) : null}
                    </td>
                    <td>{a.past.length ? a.past.join("; ") : <span className="muted">none</span>}</td>
                    <td>{a.statusLabel}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {call ? (
          <Form method="post">
            <p>
              <button type="submit" name="intent" value="invite" className="secondary">
                Invite alumni of earlier cohorts
              </button>{" "}
              {call.invitesSentAt ? (
                <span className="muted">
                  Last invited <DateText value={call.invitesSentAt} timeZone={timeZone} withTime />; each
                  alumnus is invited once.
                </span>
              ) : null}
            </p>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="call-heading">
        <h2 id="call-heading">The call</h2>
        <Form method="post" className="stacked" noValidate>
          <ErrorSummary errors={callData?.errors} />
          <input type="hidden" name="intent" value="call" />
          <Field
            name="opensOn"
            label="Opens on"
            type="date"
            defaultValue={v("opensOn", isoDay(call?.opensAt ?? review.defaults.opensAt))}
            error={callData?.errors.opensOn}
          />
          <Field
            name="closesOn"
            label="Closes on (end of the day anywhere on earth)"
            type="date"
            defaultValue={v("closesOn", isoDay(call?.closesAt ?? review.defaults.closesAt))}
            error={callData?.errors.closesOn ?? callData?.errors.closesAt}
          />
          <Field
            name="weeklyHours"
            label="Hours a week the cohort asks for"
            type="number"
            min={1}
            max={60}
            defaultValue={v(
              "weeklyHours",
              review.cohort.weeklyHours ? String(review.cohort.weeklyHours) : "",
            )}
            error={callData?.errors.weeklyHours}
          />
          <Field
            name="intro"
            label="Introduction (Markdown)"
            multiline
            rows={4}
            defaultValue={v("intro", call?.intro ?? "")}
            error={callData?.errors.intro}
          />
          <Field
            name="rubric"
            label="Rubric criteria, one per line (scored 1 to 5)"
            multiline
            rows={3}
            defaultValue={v(
              "rubric",
              (
                call?.rubric ?? ["Experience with the project", "Mentoring and communication", "Availability"]
              ).join("\n"),
            )}
            error={callData?.errors.rubric}
          />
          <div className="actions">
            <button type="submit">{call ? "Save the call" : "Open the call"}</button>
          </div>
        </Form>
      </section>

      {call ? (
        <section aria-labelledby="questions-heading">
          <h2 id="questions-heading">Questions</h2>
          <p className="muted">
            Besides these, every applicant chooses navigator or captain, the projects they know, the hours a
            week they can give and their other commitments.
          </p>
          <ol>
            {call.questions.map((q) => (
              <li key={q.id}>
                {q.label}{" "}
                <span className="muted">
                  ({QUESTION_TYPE_LABELS[q.type]}
                  {q.required ? ", required" : ""})
                </span>{" "}
                <Form method="post" style={{ display: "inline" }}>
                  <input type="hidden" name="questionId" value={q.id} />
                  <button type="submit" name="intent" value="remove-question" className="secondary">
                    Remove<span className="sr-only"> “{q.label}”</span>
                  </button>
                </Form>
              </li>
            ))}
          </ol>
          <details open={data?.intent === "question"}>
            <summary>Add a question</summary>
            <Form method="post" className="stacked" noValidate>
              <ErrorSummary errors={data?.intent === "question" ? data.errors : undefined} />
              <input type="hidden" name="intent" value="question" />
              <Field
                name="label"
                label="Question"
                defaultValue={data?.intent === "question" ? valueOf(data.values, "label") : ""}
                error={data?.intent === "question" ? data.errors.label : undefined}
              />
              <div className="field">
                <label htmlFor="field-type">Type</label>
                <select
                  id="field-type"
                  name="type"
                  defaultValue={data?.intent === "question" ? valueOf(data.values, "type") : "long_text"}
                >
                  {QUESTION_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {QUESTION_TYPE_LABELS[t]}
                    </option>
                  ))}
                </select>
              </div>
              <Field
                name="helpText"
                label="Help text"
                defaultValue={data?.intent === "question" ? valueOf(data.values, "helpText") : ""}
              />
              <Field
                name="options"
                label="Choices, one per line (single and multiple choice)"
                multiline
                rows={3}
                defaultValue={data?.intent === "question" ? valueOf(data.values, "options") : ""}
                error={data?.intent === "question" ? data.errors.options : undefined}
              />
              <div className="field">
                <label>
                  <input type="checkbox" name="required" /> Required
                </label>
              </div>
              <div className="actions">
                <button type="submit">Add question</button>
              </div>
            </Form>
          </details>
        </section>
      ) : null}
    </>
  );
}
