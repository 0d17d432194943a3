import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { readForm } from "~/utils/request-body.server";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { requireUser } from "~/auth/permissions.server";
import { QuestionField } from "~/components/application-form";
import { DateText, DayText } from "~/components/dates";
import { ErrorSummary, Field } from "~/components/forms";
import { Markdown } from "~/components/markdown";
import { applyAsOfficer, getVolunteerPage } from "~/officers/officers.server";
import { volunteerPath } from "~/officers/paths";
import { checkCommitment } from "~/officers/rules";
import { redirectWithFlash } from "~/utils/flash.server";
import { formValues, valueOf, type FormValues } from "~/utils/forms";
import { renderMarkdown } from "~/utils/markdown.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Volunteer for ${data.page.cohort.name}` : "Volunteer" },
];

// Anyone signed in may apply to be a navigator or captain.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const person = await requireUser(request);
  const page = await getVolunteerPage(person, params.slug!);
  return json({ page, introHtml: renderMarkdown(page.call?.intro ?? ""), timeZone: person.timeZone });
}

type ActionData = { errors: Record<string, string>; values: FormValues };

export async function action({ request, params }: ActionFunctionArgs) {
  const person = await requireUser(request);
  const values = formValues(await readForm(request));
  const result = await applyAsOfficer(person, params.slug!, values);
  if (!result.ok) return json<ActionData>({ errors: result.errors, values }, { status: 400 });
  return redirectWithFlash(volunteerPath(params.slug!), {
    kind: "success",
    message: result.updated
      ? "Your application is updated."
      : "Thank you! Your application is in; the organizers will write to you.",
  });
}

/** Says, as the applicant types, whether their hours leave what the cohort asks. */
function CommitmentHint({
  cohortHours,
  hours,
  commitments,
}: {
  cohortHours: number | null;
  hours: string;
  commitments: string;
}) {
  if (hours.trim() === "")
    return (
      <p className="muted" id="commitment-hint" aria-live="polite">
        {cohortHours ? `The cohort asks for about ${cohortHours} hours a week.` : ""}
      </p>
    );
  const check = checkCommitment(
    cohortHours,
    Number(hours),
    commitments.trim() === "" ? 0 : Number(commitments),
  );
  return (
    <p
      id="commitment-hint"
      aria-live="polite"
      className={check.valid && check.fits ? "badge badge-good" : "badge badge-warn"}
    >
      {check.message}
    </p>
  );
}

export default function Volunteer() {
  const { page, introHtml, timeZone } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const values = data?.values ?? page.values ?? {};
  const [hours, setHours] = useState(valueOf(values, "hoursPerWeek"));
  const [commitments, setCommitments] = useState(valueOf(values, "commitmentHours"));
  const chosenProjects = (() => {
    const v = values["projects[]"];
    return Array.isArray(v) ? v : v ? [v] : [];
  })();
  const { cohort, call } = page;
  return (
    <>
      <h1>Volunteer as a navigator or captain of {cohort.name}</h1>
      {!call ? (
        <p>This cohort has no call for navigators and captains.</p>
      ) : (
        <>
          <p>
            Open from <DateText value={call.opensAt} timeZone={timeZone} /> until{" "}
            <DateText value={call.closesAt} timeZone="Etc/GMT+12" /> (anywhere on earth). The cohort starts{" "}
            <DayText value={cohort.startsOn} /> and runs {cohort.weeks} weeks
            {cohort.weeklyHours ? (
              <>
                , about <strong>{cohort.weeklyHours} hours a week</strong>
              </>
            ) : null}
            .
          </p>
          {introHtml ? <Markdown html={introHtml} /> : null}
          <p className="muted">
            Navigators guide a team of three or four participants, curate starter issues and pre-review their
            pull requests. Captains check in on people and help the navigator.
          </p>
          {page.application ? (
            <p>
              <span className="badge badge-info">{page.application.statusLabel}</span> You applied as{" "}
              {page.application.role}.
            </p>
          ) : null}
          {!call.open ? (
            <p className="error-summary" role="alert">
              {new Date(call.opensAt) > new Date() ? "The call has not opened yet." : "The call has closed."}
            </p>
          ) : page.application &&
            (page.application.status === "selected" || page.application.status === "declined") ? null : (
            <Form method="post" className="stacked" noValidate>
              <ErrorSummary errors={data?.errors} />
              <fieldset className="field">
                <legend>I would like to be a</legend>
                {(["navigator", "captain"] as const).map((r) => (
                  <label key={r} className="choice">
                    <input
                      type="radio"
                      name="role"
                      value={r}
                      defaultChecked={valueOf(values, "role") === r}
                    />{" "}
                    {r}
                  </label>
                ))}
                {data?.errors.role ? <p className="field-error">{data.errors.role}</p> : null}
              </fieldset>
              <fieldset className="field">
                <legend>Projects I know</legend>
                {cohort.projects.map((p) => (
                  <label key={p.slug} className="choice">
                    <input
                      type="checkbox"
                      name="projects[]"
                      value={p.slug}
                      defaultChecked={chosenProjects.includes(p.slug)}
                    />{" "}
                    {p.name}
                  </label>
                ))}
              </fieldset>
              <div className="field">
                <label htmlFor="field-hoursPerWeek">Hours a week I can give</label>
                <input
                  id="field-hoursPerWeek"
                  name="hoursPerWeek"
                  type="number"
                  min={0}
                  max={168}
                  step={1}
                  inputMode="numeric"
                  value={hours}
                  onChange={(e) => setHours(e.target.value)}
                  aria-describedby="commitment-hint"
                  aria-invalid={data?.errors.hoursPerWeek ? true : undefined}
                />
                {data?.errors.hoursPerWeek ? <p className="field-error">{data.errors.hoursPerWeek}</p> : null}
              </div>
              <Field
                name="otherCommitments"
                label="Other commitments during the cohort (work, school, other programs)"
                multiline
                rows={3}
                defaultValue={valueOf(values, "otherCommitments")}
                error={data?.errors.otherCommitments}
              />
              <div className="field">
                <label htmlFor="field-commitmentHours">Hours a week those commitments take</label>
                <input
                  id="field-commitmentHours"
                  name="commitmentHours"
                  type="number"
                  min={0}
                  max={168}
                  step={1}
                  inputMode="numeric"
                  value={commitments}
                  onChange={(e) => setCommitments(e.target.value)}
                  aria-describedby="commitment-hint"
                  aria-invalid={data?.errors.commitmentHours ? true : undefined}
                />
                {data?.errors.commitmentHours ? (
                  <p className="field-error">{data.errors.commitmentHours}</p>
                ) : null}
              </div>
              <CommitmentHint cohortHours={cohort.weeklyHours} hours={hours} commitments={commitments} />
              {page.questions.map((q) => (
                <QuestionField
                  key={q.id}
                  question={q}
                  value={values[`q_${q.id}`]}
                  error={data?.errors[`q_${q.id}`]}
                />
              ))}
              <div className="actions">
                <button type="submit">{page.application ? "Update my application" : "Apply"}</button>
              </div>
            </Form>
          )}
        </>
      )}
    </>
  );
}
