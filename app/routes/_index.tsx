import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getSignedIn } from "~/auth/permissions.server";
import { listPublicCohorts } from "~/cohorts/cohorts.server";
import { PHASE_LABELS } from "~/cohorts/phase";
import { DateText, DayText } from "~/components/dates";

export const meta: MetaFunction = () => [
  { title: "Cohort — mentored open-source contribution" },
  {
    name: "description",
    content: "Small teams, a navigator each, six weeks of real contributions to open source.",
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  // Public page.
  const signedIn = await getSignedIn(request);
  const cohorts = await listPublicCohorts();
  return json({ ...cohorts, timeZone: signedIn?.person.timeZone ?? "UTC", signedIn: Boolean(signedIn) });
}

export default function Landing() {
  const { open, starting, running, past, timeZone, signedIn } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="hero">
        <h1>Contribute to open source with a navigator beside you</h1>
        <p>
          Cohort runs mentored contribution sessions in the style of Djangonaut Space. People who already
          program apply, join a small team of three or four with an experienced navigator, pick starter issues
          the navigator has checked, and over six weeks open pull requests that reach maintainers explained in
          their own words, right-sized and pre-reviewed. Each week they write down what they learned, so
          nobody is stuck alone.
        </p>
        {signedIn ? (
          <Link to="/home" className="button">
            Go to my cohorts
          </Link>
        ) : (
          <Link to="/login" className="button">
            Sign in
          </Link>
        )}
      </section>

      <h2>Open for applications</h2>
      {open.length === 0 ? <p className="muted">No cohort is taking applications right now.</p> : null}
      <div className="cards">
        {open.map((c) => (
          <article key={c.slug} className="card">
            <h3>
              <Link to={`/cohorts/${c.slug}`}>{c.name}</Link>
            </h3>
            <p>{c.projects.map((p) => p.name).join(", ")}</p>
            <p>
              {c.phase === "upcoming" ? (
                <>
                  Applications open <DateText value={c.applicationsOpenAt} timeZone={timeZone} withTime />
                  .{" "}
                </>
              ) : null}
              Apply by <DateText value={c.applicationsCloseAt} timeZone="Etc/GMT+12" /> (anywhere on earth).
              Starts <DayText value={c.startsOn} />, {c.weeks} weeks.
            </p>
            {c.phase === "applications_open" ? (
              <Link className="button" to={`/cohorts/${c.slug}/apply`}>
                {signedIn ? "Apply" : "Sign in with GitHub to apply"}
              </Link>
            ) : (
              <span className="badge">{PHASE_LABELS[c.phase]}</span>
            )}
          </article>
        ))}
      </div>

      <h2>Running now</h2>
      {running.length === 0 ? <p className="muted">No cohort is running right now.</p> : null}
      <ul>
        {running.map((c) => (
          <li key={c.slug}>
            <Link to={`/cohorts/${c.slug}`}>{c.name}</Link> — week {c.week} of {c.weeks}
          </li>
        ))}
      </ul>

      {starting.length > 0 ? (
        <>
          <h2>Starting soon</h2>
          <ul>
            {starting.map((c) => (
              <li key={c.slug}>
                <Link to={`/cohorts/${c.slug}`}>{c.name}</Link> — {PHASE_LABELS[c.phase].toLowerCase()},
                starts <DayText value={c.startsOn} />
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>Past cohorts</h2>
      {past.length === 0 ? <p className="muted">None yet.</p> : null}
      <ul>
        {past.map((c) => (
          <li key={c.slug}>
            <Link to={`/cohorts/${c.slug}`}>{c.name}</Link> — ended <DayText value={c.lastDay} />
          </li>
        ))}
      </ul>
    </>
  );
}
