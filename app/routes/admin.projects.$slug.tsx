import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireAdmin } from "~/auth/permissions.server";
import { projectForm } from "~/cohorts/admin-forms";
import { getProjectForEdit, saveProject } from "~/cohorts/admin.server";
import { ProjectForm } from "~/components/admin-forms";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Edit project — Cohort" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const project = await getProjectForEdit(params.slug!);
  if (!project) throw notFound("There is no project at this address.");
  return json({ project });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  if (!(await getProjectForEdit(params.slug!))) throw notFound("There is no project at this address.");
  const parsed = parseForm(projectForm, await readForm(request));
  if (!parsed.ok) return json({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const saved = await saveProject(admin.id, parsed.data, params.slug!);
  if (!saved.ok) return json({ errors: saved.errors, values: parsed.values }, { status: 400 });
  return redirectWithFlash("/admin", { kind: "success", message: `Project “${parsed.data.name}” saved.` });
}

export default function EditProject() {
  const { project } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <>
      <h1>Edit {project.name}</h1>
      <ProjectForm values={data?.values ?? project} errors={data?.errors} submitLabel="Save project" />
    </>
  );
}
