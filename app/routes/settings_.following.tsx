import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { readForm } from "~/utils/request-body.server";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { isOptedOut, optOutOfOutcomes } from "~/outcomes/figures.server";
import { redirectWithFlash } from "~/utils/flash.server";

export const meta: MetaFunction = () => [{ title: "Following after a cohort — Cohort" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const person = await requireUser(request);
  return json({ optedOut: await isOptedOut(person.id) });
}

export async function action({ request }: ActionFunctionArgs) {
  const person = await requireUser(request);
  const form = await readForm(request);
  if (form.get("confirm") !== "yes")
    return redirectWithFlash("/settings/following", {
      kind: "error",
      message: "Tick the box to confirm; nothing was changed.",
    });
  await optOutOfOutcomes(person.id);
  return redirectWithFlash("/settings/following", {
    kind: "success",
    message: "Done: you are no longer followed, and what was recorded about you has been deleted.",
  });
}

export default function Following() {
  const { optedOut } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Following after a cohort</h1>
      <p>
        To learn whether cohorts make lasting contributors, the platform reads alumni's public activity in
        their cohort's project repositories on GitHub (pull requests, reviews, issues) 1, 3, 6 and 12 months
        after the cohort ends. Organizers see it; the public impact report shows only totals.
      </p>
      {optedOut ? (
        <p>
          <strong>You opted out.</strong> Nothing about you is read or shown, you are left out of every
          figure, and you will not be asked again.
        </p>
      ) : (
        <Form method="post" className="stacked">
          <label>
            <input type="checkbox" name="confirm" value="yes" /> Stop following me and delete what was
            recorded (this cannot be undone)
          </label>
          <div className="actions">
            <button type="submit">Opt out</button>
          </div>
        </Form>
      )}
    </>
  );
}
