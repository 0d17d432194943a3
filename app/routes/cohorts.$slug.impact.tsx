import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RetentionChart } from "~/components/retention-chart";
import { impactReport } from "~/outcomes/impact.server";
import { BASELINE_CITATION, GSOC_BASELINE, MARKS } from "~/outcomes/retention";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Impact of ${data.report.cohort.name} — Cohort` : "Impact — Cohort" },
];

// Public for a published cohort: figures only, and only the showcase of people who opted in.
export async function loader({ params }: LoaderFunctionArgs) {
  return json({ report: await impactReport(params.slug ?? "") });
}

const pct = (n: number, d: number) => (d ? `${Math.round((n / d) * 100)}%` : "—");

export default function ImpactPage() {
  const { report } = useLoaderData<typeof loader>();
  const cohortRow = report.retention.find((r) => r.projectSlug === null && r.group === "alumni");
  const comparisonRow = report.retention.find((r) => r.group === "comparison");
  const points = (row: NonNullable<typeof cohortRow>) =>
    row.marks.map((m) => ({
      mark: m.mark,
      share: m.share,
      active: m.active,
      eligible: m.eligible,
      unchecked: m.unchecked,
    }));
  return (
    <>
      <h1>Impact of {report.cohort.name}</h1>
      <p>
        <a href={`/cohorts/${report.cohort.slug}/impact.csv`} download>
          Download as CSV
        </a>
      </p>
      <dl className="facts">
        <dt>Applicants</dt>
        <dd>{report.applicants}</dd>
        <dt>Participants</dt>
        <dd>{report.participants}</dd>
        <dt>Completed</dt>
        <dd>
          {report.completionApplied
            ? `${report.completed} (${pct(report.completed, report.participants)})`
            : "not decided yet"}
        </dd>
        <dt>Pull requests opened</dt>
        <dd>{report.totals.opened}</dd>
        <dt>Merged</dt>
        <dd>{report.totals.merged}</dd>
        <dt>Pre-reviewed by a navigator</dt>
        <dd>{pct(report.totals.preReviewed, report.totals.opened)}</dd>
      </dl>
      <h2>Pull requests per project</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Impact">
        <table>
          <thead>
            <tr>
              <th>Project</th>
              <th>Opened</th>
              <th>Merged</th>
              <th>Accepted</th>
              <th>Pre-reviewed</th>
              <th>Maintainers' view</th>
            </tr>
          </thead>
          <tbody>
            {report.projects.map((p) => (
              <tr key={p.slug}>
                <td>{p.name}</td>
                <td>{p.opened}</td>
                <td>{p.merged}</td>
                <td>{p.accepted}</td>
                <td>{pct(p.preReviewed, p.opened)}</td>
                <td>
                  <Link to={`/cohorts/${report.cohort.slug}/maintainers/${p.slug}`}>
                    for {p.name} maintainers
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Still contributing after the cohort</h2>
      {!report.cohort.finished ? (
        <p>Retention is measured once the cohort has finished.</p>
      ) : cohortRow ? (
        <RetentionChart
          title={`Retention of ${report.cohort.name} alumni`}
          series={[
            { label: report.cohort.name, points: points(cohortRow) },
            ...(comparisonRow
              ? [{ label: comparisonRow.label, hollow: true, points: points(comparisonRow) }]
              : []),
            {
              label: "GSoC newcomers",
              dashed: true,
              points: MARKS.map((m) => ({ mark: m, share: GSOC_BASELINE[m] })),
            },
          ]}
        />
      ) : null}
      {report.cohort.finished ? (
        <p className="muted">
          Counted only for people past each mark whose activity at it has been read; alumni who opted out are
          left out
          {cohortRow && cohortRow.optedOut ? ` (${cohortRow.optedOut})` : ""}. Baseline: {BASELINE_CITATION}
        </p>
      ) : null}
      <h2>Showcase of merged pull requests</h2>
      {report.showcase.length === 0 ? (
        <p className="muted">Nobody has joined the showcase yet (it is opt-in).</p>
      ) : (
        <ul>
          {report.showcase.map((s) => (
            <li key={s.url}>
              <a href={s.url}>{s.title}</a> <span className="muted">({s.repository})</span> — {s.name}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
