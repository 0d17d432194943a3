import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { requireCohortRole } from "~/auth/permissions.server";
import { ErrorSummary, Field } from "~/components/forms";
import { appointForm, appointmentsButtonForm } from "~/teams/team-forms";
import { appointGuide, getAppointments, removeGuide } from "~/teams/teams.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseButton, parseForm, valueOf, type FormValues } from "~/utils/forms";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Navigators and captains — Cohort" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["organizer"]);
  return json({
    cohort: { slug: access.cohort.slug, name: access.cohort.name },
    ...(await getAppointments(access.cohort.id)),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["organizer"]);
  const here = `/cohorts/${access.cohort.slug}/appointments`;
  const formData = await readForm(request);
  const button = parseButton(appointmentsButtonForm, formData);
  if (!button.ok) return redirectWithFlash(here, { kind: "error", message: button.error });
  if (button.data.intent === "remove") {
    const message = await removeGuide(access.person.id, access.cohort.id, button.data.membershipId);
    return redirectWithFlash(
      here,
      message
        ? { kind: "success", message }
        : { kind: "error", message: "That appointment no longer exists." },
    );
  }
  const parsed = parseForm(appointForm, formData);
  if (!parsed.ok) return json({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await appointGuide(access.person.id, access.cohort.id, parsed.data);
  if (!result.ok)
    return json({ errors: result.errors, values: parsed.values as FormValues }, { status: 400 });
  const { login, role } = parsed.data;
  return redirectWithFlash(here, {
    kind: "success",
    message: result.pending
      ? `@${login} will become a ${role} when they first sign in.`
      : `@${login} is now a ${role} of ${access.cohort.name}.`,
  });
}

export default function Appointments() {
  const { cohort, projects, guides } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const values = data?.values;
  // a new location after each saved appointment: the form starts empty again
  const { key } = useLocation();
  return (
    <>
      <h1>Navigators and captains</h1>
      <p className="muted">
        Navigators lead a team; captains check in on one. Appoint them by GitHub login — someone who has never
        signed in here is appointed as soon as they first sign in with that login. Each one then gives their
        weekly availability at <Link to={`/cohorts/${cohort.slug}/availability`}>Availability</Link>, and the
        team suggestions use it.
      </p>
      {guides.length === 0 ? (
        <p>No navigators or captains yet.</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Navigators and captains">
          <table>
            <thead>
              <tr>
                <th>Person</th>
                <th>Role</th>
                <th>Project</th>
                <th>Availability</th>
                <th>Team</th>
                <th>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {guides.map((g) => (
                <tr key={g.id}>
                  <td>
                    {g.avatarUrl ? (
                      <img src={g.avatarUrl} alt="" width={24} height={24} className="avatar" />
                    ) : null}{" "}
                    {g.name ? `${g.name} (@${g.login})` : `@${g.login}`}{" "}
                    {g.pending ? <span className="badge badge-warn">has not signed in yet</span> : null}
                  </td>
                  <td>{g.role}</td>
                  <td>{g.project ?? "Any project"}</td>
                  <td>
                    {g.pending ? (
                      "—"
                    ) : g.availabilityHours === null ? (
                      <span className="badge badge-warn">not given</span>
                    ) : (
                      `${g.availabilityHours} h a week`
                    )}
                  </td>
                  <td>
                    {g.team ? (
                      <Link to={`/cohorts/${cohort.slug}/teams/${g.team.slug}`}>{g.team.name}</Link>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="membershipId" value={g.id} />
                      <button type="submit" name="intent" value="remove" className="link-button">
                        Remove @{g.login}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Appoint someone</h2>
      <Form key={key} method="post" className="stacked" noValidate>
        <ErrorSummary errors={data?.errors} />
        <Field
          name="login"
          label="GitHub login"
          defaultValue={valueOf(values, "login")}
          error={data?.errors.login}
          placeholder="e.g. octocat"
        />
        <fieldset className="field">
          <legend>Role</legend>
          {(["navigator", "captain"] as const).map((role) => (
            <label key={role}>
              <input
                type="radio"
                name="role"
                value={role}
                defaultChecked={(valueOf(values, "role") || "navigator") === role}
              />{" "}
              {role === "navigator" ? "Navigator — leads a team" : "Captain — checks in on a team"}
            </label>
          ))}
          {data?.errors.role ? <p className="field-error">{data.errors.role}</p> : null}
        </fieldset>
        <div className="field">
          <label htmlFor="field-project">Project</label>
          <span className="help" id="field-project-help">
            The suggestions only put participants who chose this project in their team.
          </span>
          <select
            id="field-project"
            name="project"
            defaultValue={valueOf(values, "project")}
            aria-describedby="field-project-help"
          >
            <option value="">Any of the cohort’s projects</option>
            {projects.map((p) => (
              <option key={p.slug} value={p.slug}>
                {p.name}
              </option>
            ))}
          </select>
          {data?.errors.project ? <p className="field-error">{data.errors.project}</p> : null}
        </div>
        <div className="actions">
          <button type="submit" name="intent" value="appoint">
            Appoint
          </button>
        </div>
      </Form>
    </>
  );
}
