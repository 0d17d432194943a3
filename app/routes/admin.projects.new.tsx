import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { requireAdmin } from "~/auth/permissions.server";
import { projectForm } from "~/cohorts/admin-forms";
import { saveProject } from "~/cohorts/admin.server";
import { ProjectForm } from "~/components/admin-forms";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "New project — Cohort" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const parsed = parseForm(projectForm, await readForm(request));
  if (!parsed.ok) return json({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const saved = await saveProject(admin.id, parsed.data, null);
  if (!saved.ok) return json({ errors: saved.errors, values: parsed.values }, { status: 400 });
  return redirectWithFlash("/admin", { kind: "success", message: `Project “${parsed.data.name}” created.` });
}

export default function NewProject() {
  const data = useActionData<typeof action>();
  return (
    <>
      <h1>New project</h1>
      <ProjectForm values={data?.values} errors={data?.errors} submitLabel="Create project" />
    </>
  );
}
