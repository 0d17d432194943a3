import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireCohortRole } from "~/auth/permissions.server";
import { DateText } from "~/components/dates";
import { OutcomeFigures } from "~/components/outcomes-view";
import { outcomeFigures } from "~/outcomes/figures.server";
import { BASELINE_CITATION } from "~/outcomes/retention";

export const meta: MetaFunction = () => [{ title: "Outcomes — Cohort" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["organizer"]);
  return json({
    slug: access.cohort.slug,
    name: access.cohort.name,
    page: await outcomeFigures([access.cohort.id]),
    timeZone: access.person.timeZone,
  });
}

export default function CohortOutcomes() {
  const { slug, name, page, timeZone } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Outcomes of {name}</h1>
      <p>
        Alumni's upstream activity is read from GitHub at 1, 3, 6 and 12 months after the end by the scheduled
        sync.{" "}
        <a href={`/cohorts/${slug}/outcomes.csv`} download>
          Download the figures as CSV
        </a>{" "}
        · <Link to="/outcomes">All cohorts</Link>
      </p>
      {page.rows.length === 0 ? (
        <p>Outcomes are followed once the cohort has finished.</p>
      ) : (
        <OutcomeFigures page={page} citation={BASELINE_CITATION} title={`Retention of ${name} alumni`} />
      )}
      <h2>Alumni</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Outcomes">
        <table>
          <thead>
            <tr>
              <th>Alumnus</th>
              <th>Project</th>
              <th>Contributions since the end</th>
              <th>Latest</th>
              <th>Next check</th>
            </tr>
          </thead>
          <tbody>
            {page.alumni.map((a) => (
              <tr key={a.personId}>
                <td>
                  {a.optedOut ? (
                    <>
                      {a.name} <span className="muted">(opted out)</span>
                    </>
                  ) : (
                    <Link to={`/cohorts/${slug}/alumni/${a.login}`}>{a.name}</Link>
                  )}
                </td>
                <td>{a.project ?? "—"}</td>
                <td>{a.optedOut ? "—" : a.contributions}</td>
                <td>{a.lastAt ? <DateText value={a.lastAt} timeZone={timeZone} /> : "—"}</td>
                <td>
                  {a.nextMark ? (
                    <>
                      {a.nextOverdue ? "Due since " : null}
                      <DateText value={a.nextMark} timeZone={timeZone} />
                    </>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
