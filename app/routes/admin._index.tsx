import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/auth/permissions.server";
import { listProjectsAndCohorts } from "~/cohorts/admin.server";
import { DayText } from "~/components/dates";

export const meta: MetaFunction = () => [{ title: "Admin — Cohort" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const person = await requireAdmin(request);
  return json({ ...(await listProjectsAndCohorts()), timeZone: person.timeZone });
}

export default function Admin() {
  const { projects, cohorts } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Admin</h1>
      <nav className="subnav" aria-label="Admin">
        <Link to="/admin/outbox">Outbox</Link>
      </nav>
      <h2>Cohorts</h2>
      <p>
        <Link to="/admin/cohorts/new" className="button">
          New cohort
        </Link>
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Cohorts">
        <table>
          <thead>
            <tr>
              <th>Cohort</th>
              <th>Starts</th>
              <th>Weeks</th>
              <th>Status</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {cohorts.map((c) => (
              <tr key={c.slug}>
                <td>
                  <Link to={`/cohorts/${c.slug}`}>{c.name}</Link>
                </td>
                <td>
                  <DayText value={c.startsOn} />
                </td>
                <td>{c.weeks}</td>
                <td>{c.publishedAt ? "Published" : "Draft"}</td>
                <td>
                  <Link to={`/admin/cohorts/${c.slug}`}>Edit {c.name}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Projects</h2>
      <p>
        <Link to="/admin/projects/new" className="button">
          New project
        </Link>
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Projects">
        <table>
          <thead>
            <tr>
              <th>Project</th>
              <th>Sources</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {projects.map((p) => (
              <tr key={p.slug}>
                <td>{p.name}</td>
                <td>
                  {[
                    ...p.repositories.map((r) => `${r.owner}/${r.name}`),
                    p.tracUrl ? `Trac ${p.tracUrl}` : null,
                  ]
                    .filter(Boolean)
                    .join(", ")}
                </td>
                <td>
                  <Link to={`/admin/projects/${p.slug}`}>Edit {p.name}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
