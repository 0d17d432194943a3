import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { ErrorSummary, Field } from "~/components/forms";
import { followingButtonForm } from "~/outcomes/following-forms";
import { isOptedOut, optOutOfOutcomes } from "~/outcomes/figures.server";
import { getTracUsername, saveTracUsername, tracAccountForm } from "~/outcomes/trac-account.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseButton, parseForm, valueOf } from "~/utils/forms";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Following after a cohort — Cohort" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const person = await requireUser(request);
  const [optedOut, tracUsername] = await Promise.all([isOptedOut(person.id), getTracUsername(person.id)]);
  return json({ optedOut, tracUsername });
}

export async function action({ request }: ActionFunctionArgs) {
  const person = await requireUser(request);
  const form = await readForm(request);
  const button = parseButton(followingButtonForm, form);
  if (!button.ok) return redirectWithFlash("/settings/following", { kind: "error", message: button.error });
  if (button.data.intent === "trac") {
    const parsed = parseForm(tracAccountForm, form);
    if (!parsed.ok) return json({ errors: parsed.errors, values: parsed.values }, { status: 400 });
    await saveTracUsername(person.id, parsed.data.tracUsername);
    return redirectWithFlash("/settings/following", {
      kind: "success",
      message: parsed.data.tracUsername
        ? `Saved: your Trac username is ${parsed.data.tracUsername}.`
        : "Your Trac username is removed.",
    });
  }
  await optOutOfOutcomes(person.id);
  return redirectWithFlash("/settings/following", {
    kind: "success",
    message: "Done: you are no longer followed, and what was recorded about you has been deleted.",
  });
}

export default function Following() {
  const { optedOut, tracUsername } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <>
      <h1>Following after a cohort</h1>
      <p>
        To learn whether cohorts make lasting contributors, the platform reads alumni's public activity in
        their cohort's project repositories on GitHub (pull requests, reviews, issues) 1, 3, 6 and 12 months
        after the cohort ends, and, for projects with a Trac such as Django, the tickets they reported or own
        there. Organizers see it; the public impact report shows only totals.
      </p>
      {optedOut ? (
        <p>
          <strong>You opted out.</strong> Nothing about you is read or shown, you are left out of every
          figure, and you will not be asked again.
        </p>
      ) : (
        <>
          <h2>Your Trac username</h2>
          <Form method="post" className="stacked" noValidate>
            <input type="hidden" name="intent" value="trac" />
            <ErrorSummary errors={data?.errors} />
            <Field
              name="tracUsername"
              label="Trac username"
              help="Your account on code.djangoproject.com (Trac accounts are not GitHub logins). Leave it empty and no Trac activity is read."
              defaultValue={data ? valueOf(data.values, "tracUsername") : (tracUsername ?? "")}
              error={data?.errors.tracUsername}
            />
            <div className="actions">
              <button type="submit">Save Trac username</button>
            </div>
          </Form>
          <h2>Stop being followed</h2>
          <Form method="post" className="stacked">
            <label>
              <input type="checkbox" name="confirm" value="yes" /> Stop following me and delete what was
              recorded (this cannot be undone)
            </label>
            <div className="actions">
              <button type="submit">Opt out</button>
            </div>
          </Form>
        </>
      )}
    </>
  );
}
