import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { readForm } from "~/utils/request-body.server";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCohortRole } from "~/auth/permissions.server";
import { DateText } from "~/components/dates";
import { ErrorSummary, Field } from "~/components/forms";
import { decisionForm, officerApplicationButtonForm, reviewForm } from "~/officers/forms";
import {
  decideOfficerApplication,
  getOfficerApplication,
  reviewOfficerApplication,
} from "~/officers/officers.server";
import { officersPath } from "~/officers/paths";
import { OFFICER_STATUS_LABELS, OFFICER_STATUSES, RUBRIC_SCORES } from "~/officers/rules";
import styles from "~/styles/progress.css";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseButton, parseForm, valueOf, type FormValues } from "~/utils/forms";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.a.person.name} — volunteer for ${data.a.cohort.name}` : "Volunteer application" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["organizer"]);
  return json({ a: await getOfficerApplication(access, params.id!), timeZone: access.person.timeZone });
}

type ActionData = { intent: string; errors: Record<string, string>; values: FormValues };

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["organizer"]);
  const formData = await readForm(request);
  const button = parseButton(officerApplicationButtonForm, formData);
  if (!button.ok)
    return json<ActionData>({ intent: "", errors: { form: button.error }, values: {} }, { status: 400 });
  const intent = button.data.intent;
  const here = officersPath(params.slug!, params.id!);
  if (intent === "review") {
    const parsed = parseForm(reviewForm, formData);
    if (!parsed.ok)
      return json<ActionData>({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
    const saved = await reviewOfficerApplication(access, params.id!, parsed.data);
    if (!saved.ok)
      return json<ActionData>(
        { intent, errors: { form: saved.error }, values: parsed.values },
        { status: 409 },
      );
    return redirectWithFlash(here, { kind: "success", message: "Review saved." });
  }
  const parsed = parseForm(decisionForm, formData);
  if (!parsed.ok)
    return json<ActionData>(
      { intent: "decide", errors: parsed.errors, values: parsed.values },
      { status: 400 },
    );
  const decided = await decideOfficerApplication(access, params.id!, parsed.data);
  if (!decided.ok)
    return json<ActionData>(
      { intent: "decide", errors: { form: decided.error }, values: parsed.values },
      { status: 409 },
    );
  return redirectWithFlash(here, { kind: "success", message: decided.message });
}

export default function OfficerApplicationPage() {
  const { a, timeZone } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const review = data?.intent === "review" ? data : undefined;
  const rv = (k: string, fallback: string) => (review ? valueOf(review.values, k) : fallback);
  return (
    <>
      <p>
        <Link to={officersPath(a.cohort.slug)}>All navigator and captain applications</Link>
      </p>
      <h1>
        {a.person.name} <span className="muted">@{a.person.login}</span>
      </h1>
      <p>
        Applied as <strong>{a.role}</strong> on <DateText value={a.submittedAt} timeZone={timeZone} /> ·{" "}
        <span className="badge badge-info">{a.statusLabel}</span>
      </p>
      <dl className="facts">
        <dt>Earlier cohorts</dt>
        <dd>{a.past.length ? a.past.join("; ") : "None"}</dd>
        <dt>Projects known</dt>
        <dd>{a.projects.join(", ") || "—"}</dd>
        <dt>Hours a week</dt>
        <dd>
          {a.hoursPerWeek} (the cohort asks for {a.cohort.weeklyHours ?? "—"})
        </dd>
        <dt>Other commitments</dt>
        <dd>
          {a.otherCommitments || "—"} ({a.commitmentHours} hours a week)
        </dd>
        <dt>Time check</dt>
        <dd>
          <span className={`badge ${a.commitment.fits ? "badge-good" : "badge-warn"}`}>
            {a.commitment.fits ? "Fits" : "Flagged"}
          </span>{" "}
          {a.commitment.message}
        </dd>
        {a.answers.map((ans) => (
          <div key={ans.label}>
            <dt>{ans.label}</dt>
            <dd style={{ whiteSpace: "pre-wrap" }}>{ans.value || "—"}</dd>
          </div>
        ))}
      </dl>

      <section aria-labelledby="review-heading">
        <h2 id="review-heading">Review</h2>
        <Form method="post" className="stacked" noValidate>
          <ErrorSummary errors={review?.errors} />
          <input type="hidden" name="intent" value="review" />
          <input type="hidden" name="version" value={a.version} />
          <div className="field">
            <label htmlFor="field-status">Status</label>
            <select id="field-status" name="status" defaultValue={rv("status", a.status)}>
              {OFFICER_STATUSES.filter((s) =>
                a.decided ? s === a.status : s !== "selected" && s !== "declined",
              ).map((s) => (
                <option key={s} value={s}>
                  {OFFICER_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          {a.rubric.map((criterion, i) => (
            <fieldset key={criterion} className="confidence">
              <legend>{criterion} (1 to 5)</legend>
              {RUBRIC_SCORES.map((n) => (
                <label key={n}>
                  <input
                    type="radio"
                    name={`score${i}`}
                    value={n}
                    defaultChecked={rv(`score${i}`, a.rubricScores[criterion] ?? "") === String(n)}
                  />{" "}
                  {n}
                </label>
              ))}
            </fieldset>
          ))}
          <Field
            name="notes"
            label="Notes"
            multiline
            rows={4}
            defaultValue={rv("notes", a.notes)}
            error={review?.errors.notes}
          />
          <Field
            name="interviewNotes"
            label="Interview notes"
            multiline
            rows={4}
            defaultValue={rv("interviewNotes", a.interviewNotes)}
            error={review?.errors.interviewNotes}
          />
          <div className="actions">
            <button type="submit">Save review</button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="decide-heading">
        <h2 id="decide-heading">Decision</h2>
        {a.decided ? (
          <p>
            {a.statusLabel}
            {a.decidedAt ? (
              <>
                {" "}
                on <DateText value={a.decidedAt} timeZone={timeZone} />
              </>
            ) : null}
            . The volunteer was told.
          </p>
        ) : (
          <Form method="post" className="stacked" noValidate>
            <ErrorSummary errors={data?.intent === "decide" ? data.errors : undefined} />
            <div className="field">
              <label htmlFor="field-role">Select as</label>
              <select id="field-role" name="role" defaultValue={a.role}>
                <option value="navigator">navigator</option>
                <option value="captain">captain</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="field-team">Team</label>
              <select id="field-team" name="team" defaultValue="">
                <option value="">No team yet</option>
                {a.teams.map((t) => (
                  <option key={t.slug} value={t.slug}>
                    {t.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="actions">
              <button type="submit" name="decision" value="select">
                Select
              </button>
              <button type="submit" name="decision" value="decline" className="secondary">
                Decline with thanks
              </button>
            </div>
          </Form>
        )}
      </section>
    </>
  );
}
