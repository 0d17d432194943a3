import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { OutcomeFigures } from "~/components/outcomes-view";
import { outcomesAcrossCohorts } from "~/outcomes/figures.server";
import { BASELINE_CITATION } from "~/outcomes/retention";

export const meta: MetaFunction = () => [{ title: "Outcomes across cohorts — Cohort" }];

// Admins see every cohort; an organizer sees the cohorts they organize (403 for anyone else).
export async function loader({ request }: LoaderFunctionArgs) {
  const person = await requireUser(request);
  return json({ page: await outcomesAcrossCohorts(person) });
}

export default function OutcomesAcrossCohorts() {
  const { page } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Outcomes across cohorts</h1>
      {page.rows.length === 0 ? (
        <p>No finished cohort yet.</p>
      ) : (
        <OutcomeFigures
          page={page}
          citation={BASELINE_CITATION}
          title="Retention of alumni, per cohort and project"
        />
      )}
      <ul>
        {[...new Set(page.rows.map((r) => r.cohortSlug).filter(Boolean))].map((slug) => (
          <li key={slug}>
            <Link to={`/cohorts/${slug}/outcomes`}>{slug}: outcomes and alumni</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
