import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireCohortRole } from "~/auth/permissions.server";
import { listCohortAudit } from "~/cohorts/audit.server";
import { DateText } from "~/components/dates";

export const meta: MetaFunction = () => [{ title: "Audit log — Cohort" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["organizer"]);
  return json({
    cohort: { slug: access.cohort.slug, name: access.cohort.name },
    entries: await listCohortAudit(access.cohort.id),
    timeZone: access.person.timeZone,
  });
}

export default function AuditLog() {
  const { cohort, entries, timeZone } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Audit log of {cohort.name}</h1>
      <p className="muted">
        Who changed what in this cohort, newest first (the last 200 entries). Only organizers see this page.
      </p>
      {entries.length === 0 ? (
        <p>Nothing has been recorded yet.</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Audit log entries">
          <table aria-label="Audit log">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>
                    <DateText value={e.at} timeZone={timeZone} withTime />
                  </td>
                  <td>{e.actor ?? "The system"}</td>
                  <td>{e.label}</td>
                  <td>
                    {[
                      e.fromValue && e.toValue ? `${e.fromValue} → ${e.toValue}` : (e.toValue ?? e.fromValue),
                      e.detail,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
