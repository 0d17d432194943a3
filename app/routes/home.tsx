import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { applicationStatusesFor, type ApplicationStatusLine } from "~/applications/apply.server";
import { requireUser } from "~/auth/permissions.server";
import { cohortsForPerson, listPublicCohorts } from "~/cohorts/cohorts.server";
import { PHASE_LABELS } from "~/cohorts/phase";
import { DateText, DayText } from "~/components/dates";
import { DueEvaluations } from "~/components/due-evaluations";
import { OpenSurveys } from "~/components/survey-form";
import { dueEvaluationsFor } from "~/evaluations/evaluations.server";
import { openSurveysFor } from "~/surveys/surveys.server";

export const meta: MetaFunction = () => [{ title: "My cohorts — Cohort" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const person = await requireUser(request);
  const [cohorts, publicCohorts, applications, evaluations, surveys] = await Promise.all([
    cohortsForPerson(person.id),
    listPublicCohorts(),
    applicationStatusesFor(person.id),
    dueEvaluationsFor(person.id),
    openSurveysFor(person.id),
  ]);
  const mine = new Set([...cohorts.map((c) => c.slug), ...applications.map((a) => a.cohort.slug)]);
  return json({
    person,
    cohorts,
    applications,
    evaluations,
    surveys,
    openToApply: publicCohorts.open.filter((c) => c.phase === "applications_open" && !mine.has(c.slug)),
  });
}

export default function Home() {
  const { person, cohorts, applications, evaluations, surveys, openToApply } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Welcome, {person.name}</h1>
      <DueEvaluations items={evaluations} timeZone={person.timeZone} showCohort />
      <OpenSurveys items={surveys} timeZone={person.timeZone} returnTo="/home" showCohort />
      {applications.length > 0 ? (
        <section aria-labelledby="my-applications">
          <h2 id="my-applications">Your applications</h2>
          <ul className="application-statuses">
            {applications.map((a) => (
              <li key={a.cohort.slug}>
                Application to <strong>{a.cohort.name}</strong>:{" "}
                <ApplicationStatus line={a} timeZone={person.timeZone} /> —{" "}
                <Link to={a.link.href}>{a.link.label}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {cohorts.length === 0 && applications.length === 0 ? <p>You are not in a cohort yet.</p> : null}
      <div className="cards">
        {cohorts.map((c) => (
          <article key={c.slug} className="card" aria-label={c.name}>
            <h2 style={{ marginTop: 0 }}>
              <Link to={`/cohorts/${c.slug}`}>{c.name}</Link>
            </h2>
            <p>
              <span className="badge">{PHASE_LABELS[c.phase]}</span>{" "}
              {c.phase === "running" ? (
                <strong>
                  Week {c.week} of {c.weeks}
                </strong>
              ) : c.phase === "finished" ? (
                <>
                  Ended <DayText value={c.lastDay} />
                </>
              ) : (
                <>
                  Starts <DayText value={c.startsOn} />
                </>
              )}
            </p>
            <ul>
              {c.roles.map((r) => (
                <li key={r.role}>
                  You are <strong>{r.role}</strong>
                  {r.team ? <> in {r.team.name}</> : null} — <Link to={r.next.href}>{r.next.label}</Link>
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
                <Link to={`/cohorts/${c.slug}/apply`}>Apply to {c.name}</Link> — by{" "}
                <DateText value={c.applicationsCloseAt} timeZone="Etc/GMT+12" /> (anywhere on earth)
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

const AOE = "Etc/GMT+12";

function ApplicationStatus({
  line,
  timeZone,
}: {
  line: Omit<ApplicationStatusLine, "submittedAt" | "deadline"> & {
    submittedAt: string | null;
    deadline: string | null;
  };
  timeZone: string;
}) {
  switch (line.state) {
    case "draft":
      return (
        <>
          <span className="badge">draft</span> not submitted yet
          {line.canEdit && line.deadline ? (
            <>
              {" "}
              — submit by <DateText value={line.deadline} timeZone={AOE} /> (anywhere on earth)
            </>
          ) : (
            <> — applications are closed</>
          )}
        </>
      );
    case "submitted":
      return (
        <>
          <span className="badge badge-info">submitted</span>
          {line.submittedAt ? (
            <>
              {" "}
              on <DateText value={line.submittedAt} timeZone={timeZone} />
            </>
          ) : null}
          {line.canEdit && line.deadline ? (
            <>
              ; you can edit it until <DateText value={line.deadline} timeZone={AOE} /> (anywhere on earth)
            </>
          ) : (
            <>; decisions are being made</>
          )}
        </>
      );
    case "withdrawn":
      return (
        <>
          <span className="badge">withdrawn</span>
          {line.canEdit ? " — you can submit it again while applications are open" : null}
        </>
      );
    case "offer_pending":
      return (
        <>
          <span className="badge badge-good">accepted</span> — confirm by{" "}
          <DateText value={line.deadline!} timeZone={timeZone} withTime />
        </>
      );
    case "confirmed":
      return (
        <>
          <span className="badge badge-good">accepted</span> — you confirmed your place
        </>
      );
    case "declined":
      return (
        <>
          <span className="badge">declined</span> — you declined the offer
        </>
      );
    case "expired":
      return (
        <>
          <span className="badge badge-warn">offer expired</span> — the deadline passed without an answer
        </>
      );
    case "waitlisted":
      return (
        <>
          <span className="badge badge-warn">waitlisted</span>
          {line.waitlistPosition ? <> — number {line.waitlistPosition} on the waitlist</> : null}; if a seat
          opens you get an offer
        </>
      );
    case "not_accepted":
      return (
        <>
          <span className="badge badge-bad">not accepted</span> this time
        </>
      );
  }
}
