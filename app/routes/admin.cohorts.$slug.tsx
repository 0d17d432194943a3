import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireAdmin } from "~/auth/permissions.server";
import { adminCohortButtonForm, appointForm, cohortForm } from "~/cohorts/admin-forms";
import {
  appointByLogin,
  getCohortForEdit,
  listProjectsAndCohorts,
  removeMembership,
  saveCohort,
} from "~/cohorts/admin.server";
import { CohortForm } from "~/components/admin-forms";
import { Field } from "~/components/forms";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseButton, parseForm, valueOf } from "~/utils/forms";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Edit cohort — Cohort" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const cohort = await getCohortForEdit(params.slug!);
  if (!cohort) throw notFound("There is no cohort at this address.");
  const { projects } = await listProjectsAndCohorts();
  return json({ cohort, projects });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const cohort = await getCohortForEdit(params.slug!);
  if (!cohort) throw notFound("There is no cohort at this address.");
  const formData = await readForm(request);
  const button = parseButton(adminCohortButtonForm, formData);
  if (!button.ok)
    return redirectWithFlash(`/admin/cohorts/${params.slug}`, { kind: "error", message: button.error });
  if (button.data.intent === "appoint") {
    const parsed = parseForm(appointForm, formData);
    if (!parsed.ok)
      return json(
        { appointError: parsed.errors.login, appointLogin: valueOf(parsed.values, "login") },
        { status: 400 },
      );
    const result = await appointByLogin(admin.id, cohort.id, parsed.data.login, "organizer");
    if (!result.ok)
      return json({ appointError: result.error, appointLogin: parsed.data.login }, { status: 400 });
    return redirectWithFlash(`/admin/cohorts/${params.slug}`, {
      kind: "success",
      message: result.pending
        ? `@${parsed.data.login} will become an organizer when they first sign in.`
        : `@${parsed.data.login} is now an organizer.`,
    });
  }
  if (button.data.intent === "remove") {
    await removeMembership(admin.id, cohort.id, button.data.membershipId);
    return redirectWithFlash(`/admin/cohorts/${params.slug}`, {
      kind: "success",
      message: "Organizer removed.",
    });
  }
  const parsed = parseForm(cohortForm, formData);
  if (!parsed.ok) return json({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const saved = await saveCohort(admin.id, parsed.data, params.slug!);
  if (!saved.ok) return json({ errors: saved.errors, values: parsed.values }, { status: 400 });
  return redirectWithFlash(`/admin/cohorts/${saved.slug}`, {
    kind: "success",
    message: `Cohort “${parsed.data.name}” saved.`,
  });
}

export default function EditCohort() {
  const { cohort, projects } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as
    | {
        errors?: Record<string, string>;
        values?: Record<string, string | string[]>;
        appointError?: string;
        appointLogin?: string;
      }
    | undefined;
  return (
    <>
      <h1>Edit {cohort.values.name}</h1>
      <CohortForm
        projects={projects}
        values={data?.values ?? cohort.values}
        errors={data?.errors}
        submitLabel="Save cohort"
      />
      <h2>Organizers</h2>
      <ul>
        {cohort.organizers.map((o) => (
          <li key={o.id}>
            {o.name ? `${o.name} (@${o.login})` : `@${o.login}`}{" "}
            {o.pending ? <span className="badge badge-warn">has not signed in yet</span> : null}{" "}
            <Form method="post" style={{ display: "inline" }}>
              <input type="hidden" name="membershipId" value={o.id} />
              <button type="submit" name="intent" value="remove" className="link-button">
                Remove @{o.login}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <Form method="post" className="stacked" noValidate>
        <Field
          name="login"
          label="Appoint an organizer by GitHub login"
          defaultValue={data?.appointLogin}
          error={data?.appointError}
        />
        <div className="actions">
          <button type="submit" name="intent" value="appoint">
            Appoint organizer
          </button>
        </div>
      </Form>
    </>
  );
}
