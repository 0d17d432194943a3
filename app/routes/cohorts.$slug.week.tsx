import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireCohortRole } from "~/auth/permissions.server";
import { PHASE_LABELS } from "~/cohorts/phase";
import { DateText } from "~/components/dates";
import { getParticipantWeek } from "~/reflections/week.server";
import styles from "~/styles/progress.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Week ${data.week.week} — ${data.week.cohort.name}` : "My week" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["participant"]);
  const week = await getParticipantWeek(access);
  return json({ week, timeZone: access.person.timeZone });
}

const PR_STATE: Record<string, { label: string; badge: string }> = {
  open: { label: "Open", badge: "badge-info" },
  merged: { label: "Merged", badge: "badge-good" },
  closed: { label: "Closed", badge: "badge-bad" },
};
const REVIEW_STATE: Record<string, string> = {
  none: "no review yet",
  commented: "reviewed with comments",
  changes_requested: "changes requested",
  approved: "approved",
};

function ReflectionStatus({ r, timeZone }: { r: { week: number; state: string; label: string; dueAt: string; editable: boolean; editPath: string; readPath: string; needsHelp: boolean; replies: number }; timeZone: string }) {
  const submitted = r.state === "submitted" || r.state === "late";
  const badge = submitted ? (r.state === "late" ? "badge-warn" : "badge-good") : r.state === "missing" ? "badge-bad" : "badge-info";
  return (
    <p>
      <span className={`badge ${badge}`}>{r.label}</span>{" "}
      {submitted ? null : <>Due <DateText value={r.dueAt} timeZone={timeZone} withTime />. </>}
      {r.replies > 0 ? <>{r.replies} {r.replies === 1 ? "reply" : "replies"}. </> : null}
      {r.editable ? (
        <Link to={r.editPath} className="button">{submitted ? `Edit your week ${r.week} reflection` : r.state === "draft" ? `Finish your week ${r.week} reflection` : `Write your week ${r.week} reflection`}</Link>
      ) : null}{" "}
      {submitted ? <Link to={r.readPath}>Read it and the replies</Link> : null}
    </p>
  );
}

export default function ParticipantWeek() {
  const { week: w, timeZone } = useLoaderData<typeof loader>();
  const running = w.phase === "running";
  return (
    <>
      <h1>{running ? `Week ${w.week} of ${w.cohort.weeks}` : w.cohort.name}</h1>
      {!running ? <p><span className="badge badge-info">{PHASE_LABELS[w.phase]}</span> {w.phase === "finished" ? "The cohort has ended; your reflections and pull requests are below." : "The cohort has not started yet."}</p> : null}

      <section aria-labelledby="reflection-heading">
        <h2 id="reflection-heading">This week's reflection</h2>
        <ReflectionStatus r={w.thisWeek} timeZone={timeZone} />
        {w.catchUp ? (
          <div className="card">
            <p><strong>Your week {w.catchUp.week} reflection is missing.</strong> You can still write it until the end of this week; it will be marked late.</p>
            <ReflectionStatus r={w.catchUp} timeZone={timeZone} />
          </div>
        ) : null}
        <details>
          <summary>All weeks</summary>
          <ul className="week-list">
            {w.allWeeks.map((r) => (
              <li key={r.week}>
                {r.state === "submitted" || r.state === "late" ? <Link to={r.readPath}>Week {r.week}</Link> : r.editable ? <Link to={r.editPath}>Week {r.week}</Link> : <>Week {r.week}</>}{" "}
                <span className="badge">{r.label}</span>
              </li>
            ))}
          </ul>
        </details>
      </section>

      <section aria-labelledby="work-heading">
        <h2 id="work-heading">What you are working on</h2>
        {w.claims.length === 0 ? <p>You have not claimed a starter issue yet. <Link to={`/cohorts/${w.cohort.slug}/issues`}>Find one</Link>.</p> : (
          <ul>
            {w.claims.map((c) => (
              <li key={c.id}><a href={c.url}>{c.title}</a> <span className="muted">({c.key}, claimed <DateText value={c.claimedAt} timeZone={timeZone} />)</span></li>
            ))}
          </ul>
        )}
        <h3>Your pull requests</h3>
        {w.pulls.length === 0 ? <p className="muted">No linked pull requests yet.</p> : (
          <ul>
            {w.pulls.map((p) => (
              <li key={p.id}>
                <a href={p.url}>{p.name}</a> {p.title}{" "}
                <span className={`badge ${PR_STATE[p.state]?.badge ?? ""}`}>{p.draft && p.state === "open" ? "Draft" : PR_STATE[p.state]?.label ?? p.state}</span>{" "}
                {p.state === "open" ? <span className="muted">{REVIEW_STATE[p.reviewState] ?? p.reviewState}{p.preReviewed ? ", pre-reviewed by your navigator" : ""}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="team-heading">
        <h2 id="team-heading">Your team</h2>
        {w.team ? (
          <>
            <p><Link to={`/cohorts/${w.cohort.slug}/teams/${w.team.slug}`}>{w.team.name}</Link>{w.team.chatUrl ? <> · <a href={w.team.chatUrl}>team chat</a></> : null}</p>
            {w.meeting ? (
              <p>
                Team meeting: <strong>{w.meeting.label}</strong> <span className="muted">(your time, {w.meeting.timeZone}; set as {w.meeting.asSet})</span>
                {w.meeting.next ? <>. Next: <DateText value={w.meeting.next} timeZone={timeZone} withTime /></> : null}
                {w.meeting.changes.map((c) => <span key={String(c.from)}> From <DateText value={c.from} timeZone={timeZone} />: {c.label}.</span>)}
              </p>
            ) : <p className="muted">Your team has not set a meeting time yet.</p>}
            {w.guides.length > 0 ? (
              <ul>
                {w.guides.map((g) => <li key={g.login}>{g.role === "navigator" ? "Navigator" : "Captain"}: <strong>{g.name}</strong> (@{g.login})</li>)}
              </ul>
            ) : <p className="muted">Your navigator has not been appointed yet.</p>}
          </>
        ) : <p className="muted">You have not been placed in a team yet.</p>}
      </section>
    </>
  );
}
