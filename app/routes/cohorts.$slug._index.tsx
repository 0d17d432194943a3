import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getSignedIn } from "~/auth/permissions.server";
import { getCohortPage } from "~/cohorts/cohorts.server";
import { PHASE_LABELS } from "~/cohorts/phase";
import { DateText, DayText } from "~/components/dates";
import { Markdown } from "~/components/markdown";
import { cohortPageExtras } from "~/outcomes/impact.server";
import { ParticipantWeek } from "~/components/participant-week";
import { openCallFor } from "~/officers/officers.server";
import { getPublicPageContent } from "~/cohorts/public-page.server";
import { participantWeekOnOverview } from "~/reflections/week.server";
import { renderMarkdown } from "~/utils/markdown.server";
import styles from "~/styles/progress.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.cohort.name} — Cohort` : "Cohort" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Public for published cohorts; drafts only for organizers and admins (checked in getCohortPage).
  const signedIn = await getSignedIn(request);
  const cohort = await getCohortPage(params.slug!, signedIn?.person ?? null);
  // A participant of a running cohort lands on their week (issue 6).
  const week = await participantWeekOnOverview(signedIn?.person ?? null, cohort.slug, cohort.phase);
  const volunteerCall = await openCallFor(cohort.slug);
  // After the end: approved testimonials, the impact report, each project's maintainers' view (issue 14).
  const extras = await cohortPageExtras(cohort.slug);
  const about = await getPublicPageContent(cohort.slug);
  const testimonials = extras.testimonials.map((t) => ({
    id: t.id,
    name: t.person.name,
    html: renderMarkdown(t.body),
  }));
  return json({
    cohort,
    week,
    volunteerCall,
    timeZone: signedIn?.person.timeZone ?? "UTC",
    signedIn: Boolean(signedIn),
    testimonials,
    maintainerViews: extras.maintainerViews,
    about,
  });
}

export default function CohortPage() {
  const data = useLoaderData<typeof loader>();
  const { cohort, week, volunteerCall, timeZone, testimonials, maintainerViews, about } = data;
  // The week is shown below, so no button to it.
  const next = week ? cohort.viewer.next.filter((n) => !n.href.endsWith("/week")) : cohort.viewer.next;
  return (
    <>
      <h1>{cohort.name}</h1>
      <p>
        <span className="badge badge-info">{PHASE_LABELS[cohort.phase]}</span>{" "}
        {cohort.phase === "running" ? (
          <strong>
            Week {cohort.week} of {cohort.weeks}
          </strong>
        ) : null}
      </p>
      {cohort.description ? <p>{cohort.description}</p> : null}
      {next.length > 0 ? (
        <nav aria-label="Your next steps" className="actions">
          {next.map((n) => (
            <Link key={n.href} to={n.href} className="button secondary">
              {n.label}
            </Link>
          ))}
        </nav>
      ) : null}
      {cohort.viewer.mayApply ? (
        <p>
          <Link to={`/cohorts/${cohort.slug}/apply`} className="button">
            {data.signedIn ? "Apply to this cohort" : "Sign in with GitHub to apply"}
          </Link>
        </p>
      ) : null}
      {volunteerCall ? (
        <p className="card">
          <strong>We are looking for navigators and captains.</strong> Guide a team through the cohort —
          alumni especially welcome. <Link to={volunteerCall.href}>Volunteer as a navigator or captain</Link>{" "}
          (until <DateText value={volunteerCall.closesAt} timeZone="Etc/GMT+12" />, anywhere on earth).
        </p>
      ) : null}
      {week ? <ParticipantWeek w={week} timeZone={timeZone} /> : null}
      {about.whoCanApplyHtml ? (
        <section aria-labelledby="who-can-apply">
          <h2 id="who-can-apply">Who can apply</h2>
          <Markdown html={about.whoCanApplyHtml} />
        </section>
      ) : null}
      {about.weeklyHours || about.timeCommitmentHtml ? (
        <section aria-labelledby="time-commitment">
          <h2 id="time-commitment">Time commitment</h2>
          {about.weeklyHours ? (
            <p>
              About <strong>{about.weeklyHours} hours a week</strong> for {cohort.weeks} weeks.
            </p>
          ) : null}
          {about.timeCommitmentHtml ? <Markdown html={about.timeCommitmentHtml} /> : null}
        </section>
      ) : null}
      <h2>Dates</h2>
      <dl className="facts">
        {/* An instant, shown with its time: "21 Nov" at 00:00 UTC is the evening of 20 Nov in São Paulo. */}
        <dt>Applications open</dt>
        <dd>
          <DateText value={cohort.applicationsOpenAt} timeZone={timeZone} withTime />
        </dd>
        <dt>Applications close</dt>
        <dd>
          <DateText value={cohort.applicationsCloseAt} timeZone="Etc/GMT+12" /> (anywhere on earth)
        </dd>
        {about.decisionsBy ? (
          <>
            <dt>Decisions sent by</dt>
            <dd>
              <DayText value={about.decisionsBy} />
            </dd>
          </>
        ) : null}
        <dt>Starts</dt>
        <dd>
          <DayText value={cohort.startsOn} />
        </dd>
        <dt>Ends</dt>
        <dd>
          <DayText value={cohort.lastDay} /> ({cohort.weeks} weeks)
        </dd>
        <dt>Team size</dt>
        <dd>
          {cohort.teamSize.min}–{cohort.teamSize.max} participants and a navigator
        </dd>
      </dl>
      <h2>Projects</h2>
      <ul>
        {cohort.projects.map((p) => (
          <li key={p.slug}>
            <strong>{p.name}</strong>
            {p.description ? ` — ${p.description}` : ""}{" "}
            {p.websiteUrl ? <a href={p.websiteUrl}>website</a> : null}
            {maintainerViews[p.slug] ? (
              <>
                {" · "}
                <Link to={maintainerViews[p.slug]}>
                  for {p.name} maintainers: this cohort's pull requests
                </Link>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {cohort.phase === "running" || cohort.phase === "finished" ? (
        <p>
          <Link to={`/cohorts/${cohort.slug}/impact`}>Impact report</Link>: applicants, completion, pull
          requests per project and who is still contributing.
        </p>
      ) : null}
      {testimonials.length > 0 ? (
        <section aria-labelledby="testimonials">
          <h2 id="testimonials">In their words</h2>
          {testimonials.map((t) => (
            <blockquote key={t.id} className="testimonial">
              <Markdown html={t.html} />
              <footer>— {t.name}</footer>
            </blockquote>
          ))}
        </section>
      ) : null}
      {about.faq.length > 0 ? (
        <section aria-labelledby="faq">
          <h2 id="faq">Frequently asked questions</h2>
          {about.faq.map((f) => (
            <details key={f.id} className="faq">
              <summary>{f.question}</summary>
              <Markdown html={f.answerHtml} />
            </details>
          ))}
        </section>
      ) : null}
      <h2>Teams</h2>
      {cohort.teams.length === 0 ? (
        <p className="muted">Teams are formed after applications are decided.</p>
      ) : null}
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Teams">
        {cohort.teams.length > 0 ? (
          <table>
            <thead>
              <tr>
                <th>Team</th>
                <th>Project</th>
                <th>Navigator and captain</th>
                <th>Participants</th>
              </tr>
            </thead>
            <tbody>
              {cohort.teams.map((team) => (
                <tr key={team.slug}>
                  <td>{team.name}</td>
                  <td>{team.project ?? "—"}</td>
                  <td>{team.guides.map((g) => `${g.name} (${g.role})`).join(", ") || "—"}</td>
                  <td>{team.participants}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </>
  );
}
