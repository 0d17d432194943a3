// The participant's week: the reflection due, what they are working on, their team's
// meeting in their own time zone and their navigator. Shown on "My week" and at the
// top of a running cohort's overview page.
import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import type { getParticipantWeek } from "~/reflections/week.server";
import { DateText } from "./dates";
import { ExternalLink } from "./external-link";
import { PreReviewedBadge, PullStatusBadge } from "./pull-request-card";

export type ParticipantWeekData = SerializeFrom<Awaited<ReturnType<typeof getParticipantWeek>>>;

function ReflectionStatus({
  r,
  timeZone,
}: {
  r: {
    week: number;
    state: string;
    label: string;
    dueAt: string;
    editable: boolean;
    editPath: string;
    readPath: string;
    needsHelp: boolean;
    replies: number;
  };
  timeZone: string;
}) {
  const submitted = r.state === "submitted" || r.state === "late";
  const badge = submitted
    ? r.state === "late"
      ? "badge-warn"
      : "badge-good"
    : r.state === "missing"
      ? "badge-bad"
      : "badge-info";
  return (
    <p>
      <span className={`badge ${badge}`}>{r.label}</span>{" "}
      {submitted ? null : (
        <>
          Due <DateText value={r.dueAt} timeZone={timeZone} withTime />.{" "}
        </>
      )}
      {r.replies > 0 ? (
        <>
          {r.replies} {r.replies === 1 ? "reply" : "replies"}.{" "}
        </>
      ) : null}
      {r.editable ? (
        <Link to={r.editPath} className="button">
          {submitted
            ? `Edit your week ${r.week} reflection`
            : r.state === "draft"
              ? `Finish your week ${r.week} reflection`
              : `Write your week ${r.week} reflection`}
        </Link>
      ) : null}{" "}
      {submitted ? <Link to={r.readPath}>Read it and the replies</Link> : null}
    </p>
  );
}

export function ParticipantWeek({ w, timeZone }: { w: ParticipantWeekData; timeZone: string }) {
  return (
    <>
      <section aria-labelledby="reflection-heading">
        <h2 id="reflection-heading">This week's reflection</h2>
        <ReflectionStatus r={w.thisWeek} timeZone={timeZone} />
        {w.catchUp ? (
          <div className="card">
            <p>
              <strong>Your week {w.catchUp.week} reflection is missing.</strong> You can still write it until
              the end of this week; it will be marked late.
            </p>
            <ReflectionStatus r={w.catchUp} timeZone={timeZone} />
          </div>
        ) : null}
        <details>
          <summary>All weeks</summary>
          <ul className="week-list">
            {w.allWeeks.map((r) => (
              <li key={r.week}>
                {r.state === "submitted" || r.state === "late" ? (
                  <Link to={r.readPath}>Week {r.week}</Link>
                ) : r.editable ? (
                  <Link to={r.editPath}>Week {r.week}</Link>
                ) : (
                  <>Week {r.week}</>
                )}{" "}
                <span className="badge">{r.label}</span>
              </li>
            ))}
          </ul>
        </details>
      </section>

      <section aria-labelledby="work-heading">
        <h2 id="work-heading">What you are working on</h2>
        {w.claims.length === 0 ? (
          <p>
            You have not claimed a starter issue yet.{" "}
            <Link to={`/cohorts/${w.cohort.slug}/issues`}>Find one</Link>.
          </p>
        ) : (
          <ul>
            {w.claims.map((c) => (
              <li key={c.id}>
                <ExternalLink href={c.url} newTab={false}>
                  {c.title}
                </ExternalLink>{" "}
                <span className="muted">
                  ({c.key}, claimed <DateText value={c.claimedAt} timeZone={timeZone} />)
                </span>
              </li>
            ))}
          </ul>
        )}
        <h3>Your pull requests</h3>
        {w.pulls.length === 0 ? (
          <p className="muted">
            No linked pull requests yet. Opened one?{" "}
            <Link to={`/cohorts/${w.cohort.slug}/pulls`}>Link it</Link>.
          </p>
        ) : (
          <ul>
            {w.pulls.map((p) => (
              <li key={p.id}>
                <ExternalLink href={p.url} newTab={false}>
                  {p.name}
                </ExternalLink>{" "}
                {p.title} <PullStatusBadge status={p.status} label={p.statusLabel} />{" "}
                {p.preReviewedBy ? <PreReviewedBadge by={p.preReviewedBy} /> : null}{" "}
                {p.lastActivityAt ? (
                  <span className="muted">
                    last activity <DateText value={p.lastActivityAt} timeZone={timeZone} />
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="team-heading">
        <h2 id="team-heading">Your team</h2>
        {w.team ? (
          <>
            <p>
              <Link to={`/cohorts/${w.cohort.slug}/teams/${w.team.slug}`}>{w.team.name}</Link>
              {w.team.chatUrl ? (
                <>
                  {" "}
                  · <a href={w.team.chatUrl}>team chat</a>
                </>
              ) : null}
            </p>
            {w.meeting ? (
              <p>
                Team meeting: <strong>{w.meeting.label}</strong>{" "}
                <span className="muted">
                  (your time, {w.meeting.timeZone}; set as {w.meeting.asSet})
                </span>
                {w.meeting.next ? (
                  <>
                    . Next: <DateText value={w.meeting.next} timeZone={timeZone} withTime />
                  </>
                ) : null}
                {w.meeting.changes.map((c) => (
                  <span key={String(c.from)}>
                    {" "}
                    From <DateText value={c.from} timeZone={timeZone} />: {c.label}.
                  </span>
                ))}
              </p>
            ) : (
              <p className="muted">Your team has not set a meeting time yet.</p>
            )}
            {w.guides.length > 0 ? (
              <ul>
                {w.guides.map((g) => (
                  <li key={g.login}>
                    {g.role === "navigator" ? "Navigator" : "Captain"}: <strong>{g.name}</strong> (@{g.login})
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">Your navigator has not been appointed yet.</p>
            )}
          </>
        ) : (
          <p className="muted">You have not been placed in a team yet.</p>
        )}
      </section>
    </>
  );
}
