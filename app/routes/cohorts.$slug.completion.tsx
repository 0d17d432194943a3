import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { readForm } from "~/utils/request-body.server";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireCohortRole } from "~/auth/permissions.server";
import { PhaseError } from "~/cohorts/phase";
import { DateText } from "~/components/dates";
import { ErrorSummary, Field } from "~/components/forms";
import { Markdown } from "~/components/markdown";
import {
  afterSettingsForm,
  applyCompletionRules,
  completionOverview,
  decideTestimonial,
  exceptionForm,
  markCompletionException,
  saveAfterSettings,
  testimonialsForReview,
} from "~/outcomes/recognition.server";
import { maintainerLinks } from "~/outcomes/maintainers.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { completionButtonForm } from "~/outcomes/recognition-forms";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseButton, parseForm, valueOf, type FieldErrors, type FormValues } from "~/utils/forms";

export const meta: MetaFunction = () => [{ title: "Completion and testimonials — Cohort" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["organizer"]);
  const [overview, testimonials, maintainers] = await Promise.all([
    completionOverview(access.cohort.id),
    testimonialsForReview(access.cohort.id),
    maintainerLinks(access.cohort.id, access.cohort.slug),
  ]);
  return json({
    slug: access.cohort.slug,
    overview,
    maintainers,
    testimonials: testimonials.map((t) => ({ ...t, html: renderMarkdown(t.body) })),
    timeZone: access.person.timeZone,
  });
}

type ActionData = { intent: string; errors: FieldErrors; values: FormValues };

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["organizer"]);
  const form = await readForm(request);
  const back = `/cohorts/${access.cohort.slug}/completion`;
  const fail = (errors: FieldErrors, values: FormValues = {}) =>
    json<ActionData>({ intent, errors, values }, { status: 400 });
  const button = parseButton(completionButtonForm, form);
  if (!button.ok)
    return json<ActionData>({ intent: "", errors: { form: button.error }, values: {} }, { status: 400 });
  const intent = button.data.intent;
  try {
    if (intent === "settings") {
      const parsed = parseForm(afterSettingsForm, form);
      if (!parsed.ok) return fail(parsed.errors, parsed.values);
      await saveAfterSettings(access.cohort.id, access.person.id, parsed.data);
      return redirectWithFlash(back, { kind: "success", message: "Settings saved." });
    }
    if (intent === "apply") {
      const result = await applyCompletionRules(access.cohort.id, access.person.id);
      return redirectWithFlash(back, {
        kind: "success",
        message: `Rules applied: ${result.completed} completed, ${result.notCompleted} did not. Exceptions you marked were kept.`,
      });
    }
    if (intent === "exception") {
      const parsed = parseForm(exceptionForm, form);
      if (!parsed.ok) return fail(parsed.errors, parsed.values);
      const result = await markCompletionException(access.cohort.id, access.person.id, parsed.data);
      if (result === "not_participant")
        return fail({ personId: "That person is not a participant of this cohort." }, parsed.values);
      return redirectWithFlash(back, {
        kind: "success",
        message: "Exception recorded with its reason in the audit log.",
      });
    }
    if (intent === "testimonial") {
      const parsed = z
        .object({ id: z.string().min(1), decision: z.enum(["approved", "rejected"]) })
        .safeParse(Object.fromEntries(form));
      if (!parsed.success) return fail({ form: "Choose approve or reject." });
      const result = await decideTestimonial(
        access.cohort.id,
        access.person.id,
        parsed.data.id,
        parsed.data.decision,
      );
      if (result === "not_found") return fail({ form: "That testimonial no longer exists." });
      return redirectWithFlash(back, {
        kind: "success",
        message:
          parsed.data.decision === "approved"
            ? "Approved: it now shows on the public cohort page."
            : "Rejected: it will not be shown.",
      });
    }
  } catch (error) {
    if (error instanceof PhaseError) return fail({ form: error.message });
    throw error;
  }
  return fail({ form: "Unknown action." });
}

export default function CompletionPage() {
  const { slug, overview, testimonials, maintainers, timeZone } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const errorsFor = (intent: string) => (data?.intent === intent ? data.errors : undefined);
  const s = overview.settings;
  return (
    <>
      <h1>Completion, certificates and testimonials</h1>
      {data?.errors.form ? (
        <p className="flash flash-error" role="alert">
          {data.errors.form}
        </p>
      ) : null}
      <h2>Rules and settings</h2>
      <Form method="post" className="stacked" noValidate>
        <input type="hidden" name="intent" value="settings" />
        <ErrorSummary errors={errorsFor("settings")} />
        <Field
          name="minReflectionWeeks"
          label="Reflections submitted in at least this many weeks"
          type="number"
          min={0}
          defaultValue={
            data?.intent === "settings" ? valueOf(data.values, "minReflectionWeeks") : s.minReflectionWeeks
          }
          error={errorsFor("settings")?.minReflectionWeeks}
        />
        <Field
          name="minLinkedPulls"
          label="At least this many linked pull requests"
          type="number"
          min={0}
          defaultValue={
            data?.intent === "settings" ? valueOf(data.values, "minLinkedPulls") : s.minLinkedPulls
          }
          error={errorsFor("settings")?.minLinkedPulls}
        />
        <Field
          name="maxOpenPullsPerProject"
          label="Open linked pull requests a participant may have per project"
          type="number"
          min={1}
          defaultValue={
            data?.intent === "settings"
              ? valueOf(data.values, "maxOpenPullsPerProject")
              : s.maxOpenPullsPerProject
          }
          error={errorsFor("settings")?.maxOpenPullsPerProject}
          help="Linking one more is refused with a sentence saying why: maintainers review every one of them."
        />
        <fieldset>
          <legend>Maintainers' view of each project</legend>
          <label>
            <input
              type="radio"
              name="maintainerView"
              value="public"
              defaultChecked={s.maintainerViewPublic}
            />{" "}
            Public
          </label>{" "}
          <label>
            <input
              type="radio"
              name="maintainerView"
              value="token"
              defaultChecked={!s.maintainerViewPublic}
            />{" "}
            Only with the project's private link
          </label>
        </fieldset>
        <div className="actions">
          <button type="submit">Save settings</button>
        </div>
      </Form>
      <h2>Participants</h2>
      <p>
        {s.completionAppliedAt ? (
          <>
            Rules last applied <DateText value={s.completionAppliedAt} timeZone={timeZone} withTime />.
          </>
        ) : (
          "The rules have not been applied yet; they can be once the cohort has finished."
        )}
      </p>
      <Form method="post">
        <input type="hidden" name="intent" value="apply" />
        <button type="submit">Apply the completion rules</button>
      </Form>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Completion">
        <table>
          <thead>
            <tr>
              <th>Participant</th>
              <th>Weeks with a reflection</th>
              <th>Linked PRs</th>
              <th>By the rules</th>
              <th>Decided</th>
            </tr>
          </thead>
          <tbody>
            {overview.rows.map((r) => (
              <tr key={r.personId}>
                <td>
                  {r.name} <span className="muted">@{r.login}</span>
                </td>
                <td>{r.reflectionWeeks}</td>
                <td>{r.linkedPulls}</td>
                <td>{r.meetsRules ? "meets them" : "does not meet them"}</td>
                <td>
                  {r.completion ? (r.completion.completed ? "Completed" : "Not completed") : "—"}
                  {r.completion?.exceptionReason ? (
                    <>
                      <br />
                      <small>Exception: {r.completion.exceptionReason}</small>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>Mark an exception</h3>
      <Form method="post" className="stacked" noValidate>
        <input type="hidden" name="intent" value="exception" />
        <ErrorSummary errors={errorsFor("exception")} />
        <div className="field">
          <label htmlFor="field-personId">Participant</label>
          <select
            id="field-personId"
            name="personId"
            defaultValue={data?.intent === "exception" ? valueOf(data.values, "personId") : ""}
          >
            <option value="">Choose…</option>
            {overview.rows.map((r) => (
              <option key={r.personId} value={r.personId}>
                {r.name}
              </option>
            ))}
          </select>
          {errorsFor("exception")?.personId ? (
            <p className="field-error">{errorsFor("exception")?.personId}</p>
          ) : null}
        </div>
        <fieldset>
          <legend>Completed?</legend>
          <label>
            <input type="radio" name="completed" value="yes" defaultChecked /> Completed
          </label>{" "}
          <label>
            <input type="radio" name="completed" value="no" /> Not completed
          </label>
        </fieldset>
        <Field
          name="reason"
          label="Reason (kept in the audit log)"
          multiline
          rows={2}
          defaultValue={data?.intent === "exception" ? valueOf(data.values, "reason") : ""}
          error={errorsFor("exception")?.reason}
        />
        <div className="actions">
          <button type="submit">Record the exception</button>
        </div>
      </Form>
      <h2>Testimonials</h2>
      {testimonials.length === 0 ? (
        <p className="muted">
          No testimonials yet. Participants write them from “After the cohort” once it has finished.
        </p>
      ) : null}
      {testimonials.map((t) => (
        <article key={t.id} className="card">
          <p>
            <strong>{t.person.name}</strong> — <span className="badge">{t.status}</span>
          </p>
          <Markdown html={t.html} />
          <Form method="post" className="actions">
            <input type="hidden" name="intent" value="testimonial" />
            <input type="hidden" name="id" value={t.id} />
            <button type="submit" name="decision" value="approved">
              Approve
            </button>
            <button type="submit" name="decision" value="rejected" className="secondary">
              Reject
            </button>
          </Form>
        </article>
      ))}
      <h2>Links for each project's maintainers</h2>
      <ul>
        {maintainers.map((m) => (
          <li key={m.href}>
            {m.project}: <Link to={m.href}>{m.href}</Link>
          </li>
        ))}
      </ul>
      <p>
        <Link to={`/cohorts/${slug}/impact`}>Impact report</Link> ·{" "}
        <Link to={`/cohorts/${slug}/outcomes`}>Outcomes</Link>
      </p>
    </>
  );
}
