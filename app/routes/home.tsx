import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { cohortsForPerson, listPublicCohorts } from "~/cohorts/cohorts.server";
import { PHASE_LABELS } from "~/cohorts/phase";
import { DateText, DayText } from "~/components/dates";

export const meta: MetaFunction = () => [{ title: "My cohorts — Cohort" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const person = await requireUser(request);
  const [cohorts, publicCohorts] = await Promise.all([cohortsForPerson(person.id), listPublicCohorts()]);
  const mine = new Set(cohorts.map((c) => c.slug));
  return json({
    person,
    cohorts,
    openToApply: publicCohorts.open.filter((c) => c.phase === "applications_open" && !mine.has(c.slug)),
  });
}

export default function Home() {
  const { person, cohorts, openToApply } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Welcome, {person.name}</h1>
      {cohorts.length === 0 ? <p>You are not in a cohort yet.</p> : null}
      <div className="cards">
        {cohorts.map((c) => (
          <article key={c.slug} className="card" aria-label={c.name}>
            <h2 style={{ marginTop: 0 }}><Link to={`/cohorts/${c.slug}`}>{c.name}</Link></h2>
            <p>
              <span className="badge">{PHASE_LABELS[c.phase]}</span>{" "}
              {c.phase === "running" ? <strong>Week {c.week} of {c.weeks}</strong> : <>Starts <DayText value={c.startsOn} /></>}
            </p>
            <ul>
              {c.roles.map((r) => (
                <li key={r.role}>
                  You are <strong>{r.role}</strong>{r.team ? <> in {r.team.name}</> : null} — <Link to={r.next.href}>{r.next.label}</Link>
                </li>
              ))}
            </ul>
          </article>
        ))}
      </div>
      {openToApply.length > 0 ? (
        <>
          <h2>Open for applications</h2>
          <ul>
            {openToApply.map((c) => (
              <li key={c.slug}>
                <Link to={`/cohorts/${c.slug}/apply`}>Apply to {c.name}</Link> — by <DateText value={c.applicationsCloseAt} timeZone="Etc/GMT+12" /> (anywhere on earth)
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
