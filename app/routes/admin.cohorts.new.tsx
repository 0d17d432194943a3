import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/auth/permissions.server";
import { cohortForm } from "~/cohorts/admin-forms";
import { listProjectsAndCohorts, saveCohort } from "~/cohorts/admin.server";
import { CohortForm } from "~/components/admin-forms";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "New cohort — Cohort" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const { projects } = await listProjectsAndCohorts();
  return json({ projects });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const parsed = parseForm(cohortForm, await readForm(request));
  if (!parsed.ok) return json({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const saved = await saveCohort(admin.id, parsed.data, null);
  if (!saved.ok) return json({ errors: saved.errors, values: parsed.values }, { status: 400 });
  return redirectWithFlash(`/admin/cohorts/${saved.slug}`, {
    kind: "success",
    message: `Cohort “${parsed.data.name}” created. Now appoint its organizers.`,
  });
}

export default function NewCohort() {
  const { projects } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <>
      <h1>New cohort</h1>
      <CohortForm
        projects={projects}
        values={data?.values}
        errors={data?.errors}
        submitLabel="Create cohort"
      />
    </>
  );
}
