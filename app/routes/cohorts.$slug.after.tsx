import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { readForm } from "~/utils/request-body.server";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCohortRole } from "~/auth/permissions.server";
import { PhaseError } from "~/cohorts/phase";
import { ErrorSummary, Field } from "~/components/forms";
import {
  myAfterCohort,
  setCertificateShared,
  setShowcaseOptIn,
  testimonialForm,
  writeTestimonial,
} from "~/outcomes/recognition.server";
import { afterButtonForm } from "~/outcomes/recognition-forms";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseButton, parseForm, valueOf, type FieldErrors, type FormValues } from "~/utils/forms";

export const meta: MetaFunction = () => [{ title: "After the cohort — Cohort" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["participant"]);
  return json({
    slug: access.cohort.slug,
    name: access.cohort.name,
    mine: await myAfterCohort(access.cohort.id, access.person.id),
  });
}

type ActionData = { errors: FieldErrors; values: FormValues };

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["participant"]);
  const form = await readForm(request);
  const back = `/cohorts/${access.cohort.slug}/after`;
  const fail = (errors: FieldErrors, values: FormValues = {}) =>
    json<ActionData>({ errors, values }, { status: 400 });
  const button = parseButton(afterButtonForm, form);
  if (!button.ok) return fail({ form: button.error });
  const intent = button.data.intent;
  try {
    if (intent === "withdraw" || intent === "share") {
      const result = await setCertificateShared(access.cohort.id, access.person.id, intent === "share");
      if (result === "no_certificate") return fail({ form: "You have no certificate for this cohort." });
      return redirectWithFlash(
        back,
        intent === "share"
          ? { kind: "success", message: "Your certificate is shared again, at a new address." }
          : {
              kind: "success",
              message: "Certificate withdrawn: its address now says so and shows nothing about you.",
            },
      );
    }
    if (intent === "showcase-on" || intent === "showcase-off") {
      const result = await setShowcaseOptIn(access.cohort.id, access.person.id, intent === "showcase-on");
      if (result === "not_decided")
        return fail({ form: "You can choose this once the organizers have applied the completion rules." });
      return redirectWithFlash(back, {
        kind: "success",
        message:
          intent === "showcase-on"
            ? "Your merged pull requests are in the public showcase."
            : "Your pull requests are no longer in the showcase.",
      });
    }
    if (intent === "testimonial") {
      const parsed = parseForm(testimonialForm, form);
      if (!parsed.ok) return fail(parsed.errors, parsed.values);
      await writeTestimonial(access.cohort.id, access.person.id, parsed.data.body);
      return redirectWithFlash(back, {
        kind: "success",
        message: "Thank you! An organizer will read it before it appears on the cohort page.",
      });
    }
  } catch (error) {
    if (error instanceof PhaseError)
      return fail({ form: error.message }, Object.fromEntries([...form].map(([k, v]) => [k, String(v)])));
    throw error;
  }
  return fail({ form: "Unknown action." });
}

export default function AfterCohort() {
  const { slug, name, mine } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const c = mine.completion;
  return (
    <>
      <h1>After {name}</h1>
      {data?.errors.form ? (
        <p className="flash flash-error" role="alert">
          {data.errors.form}
        </p>
      ) : null}
      <h2>Your certificate</h2>
      {!c ? (
        <p>
          The organizers apply the completion rules after the cohort has finished; your certificate appears
          here then.
        </p>
      ) : null}
      {c && !c.completed ? (
        <p>
          The cohort's completion rules were not met this time, so there is no certificate. Ask an organizer
          if you think that is wrong.
        </p>
      ) : null}
      {c?.completed && c.certificatePath ? (
        <>
          <p>
            Your certificate of completion is at <Link to={c.certificatePath}>{c.certificatePath}</Link>.
            Anyone with the address can verify it; nobody can guess it.
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="withdraw" />
            <button type="submit" className="secondary">
              Withdraw my certificate
            </button>
          </Form>
        </>
      ) : null}
      {c?.completed && c.withdrawn ? (
        <>
          <p>You withdrew your certificate; its old address shows nothing about you.</p>
          <Form method="post">
            <input type="hidden" name="intent" value="share" />
            <button type="submit">Share it again (at a new address)</button>
          </Form>
        </>
      ) : null}
      {c ? (
        <>
          <h2>Showcase</h2>
          <p>
            {c.showcaseOptIn
              ? "Your merged pull requests are shown in the cohort's public showcase."
              : "Your merged pull requests are not in the cohort's public showcase."}
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value={c.showcaseOptIn ? "showcase-off" : "showcase-on"} />
            <button type="submit" className={c.showcaseOptIn ? "secondary" : undefined}>
              {c.showcaseOptIn ? "Leave the showcase" : "Show my merged pull requests"}
            </button>
          </Form>
        </>
      ) : null}
      <h2>Your testimonial</h2>
      {mine.testimonial ? (
        <p>
          Status:{" "}
          <strong>
            {mine.testimonial.status === "approved"
              ? "approved — shown on the cohort page"
              : mine.testimonial.status === "rejected"
                ? "not shown"
                : "waiting for an organizer"}
          </strong>
          . Editing it sends it for approval again.
        </p>
      ) : null}
      {mine.finished ? (
        <Form method="post" className="stacked" noValidate>
          <input type="hidden" name="intent" value="testimonial" />
          <ErrorSummary errors={data?.errors.body ? data.errors : undefined} />
          <Field
            name="body"
            label="What did the cohort mean to you? (Markdown)"
            multiline
            rows={6}
            defaultValue={data ? valueOf(data.values, "body") : (mine.testimonial?.body ?? "")}
            error={data?.errors.body}
          />
          <div className="actions">
            <button type="submit">Send my testimonial</button>
          </div>
        </Form>
      ) : (
        <p className="muted">You can write one once the cohort has finished.</p>
      )}
      <p>
        <Link to={`/cohorts/${slug}/impact`}>The cohort's impact report</Link> ·{" "}
        <Link to="/settings">Settings (following after the cohort)</Link>
      </p>
    </>
  );
}
