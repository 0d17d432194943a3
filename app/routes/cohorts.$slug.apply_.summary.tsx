import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getApplicationSummary } from "~/applications/apply.server";
import { requireUser } from "~/auth/permissions.server";
import { AvailabilityGrid } from "~/components/availability-grid";
import { DateText, DayText } from "~/components/dates";
import { Markdown } from "~/components/markdown";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Your application to ${data.summary.cohort.name} — Cohort` : "Your application — Cohort" },
];

// The applicant's own page: what they sent and what happens next.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const person = await requireUser(request);
  const summary = await getApplicationSummary(person, params.slug!);
  // Nothing submitted (a draft, withdrawn, or no application): the form says where they stand.
  if (!summary) throw redirect(`/cohorts/${params.slug}/apply`);
  return json({ summary, viewerZone: person.timeZone });
}

export default function ApplicationSummaryPage() {
  const { summary: s, viewerZone } = useLoaderData<typeof loader>();
  const apply = `/cohorts/${s.cohort.slug}/apply`;
  const c = s.commitment;
  return (
    <>
      <h1>Your application to {s.cohort.name}</h1>
      <p>
        <span className="badge badge-good">Submitted</span>{" "}
        {s.submittedAt ? (
          <>
            on <DateText value={s.submittedAt} timeZone={viewerZone} withTime />
          </>
        ) : null}
      </p>

      <section className="card" aria-labelledby="next">
        <h2 id="next">What happens next</h2>
        <ol>
          <li>
            Applications close <DateText value={s.cohort.applicationsCloseAt} timeZone="Etc/GMT+12" />{" "}
            (anywhere on earth). Then reviewers read and score every application against the same rubric.
          </li>
          <li>
            Decisions are sent{" "}
            {s.cohort.decisionsBy ? (
              <>
                by <DayText value={s.cohort.decisionsBy} />
              </>
            ) : (
              <>
                before the cohort starts on <DayText value={s.cohort.startsOn} />
              </>
            )}
            : accepted, waitlisted or not this time. If you are accepted you confirm your seat on an offer
            page within a few days.
          </li>
          <li>
            The cohort starts on <DayText value={s.cohort.startsOn} />, in teams of three or four with a
            navigator.
          </li>
        </ol>
        <p>
          Every message we send you about this cohort arrives{" "}
          {s.email ? (
            <>
              by e-mail at <strong>{s.email}</strong> and
            </>
          ) : null}{" "}
          on <Link to={apply}>your application page</Link> under “Messages we sent you”.
        </p>
        {s.canEdit ? (
          <p>
            Until applications close you can <Link to={apply}>change your answers</Link> or withdraw your
            application from the same page; it stays submitted while you edit.
          </p>
        ) : s.canWithdraw ? (
          <p>
            Applications have closed, so your answers can no longer change. You can still{" "}
            <Link to={apply}>withdraw your application</Link> until a decision is sent.
          </p>
        ) : null}
      </section>

      <h2>What you sent</h2>
      <dl className="answers">
        {s.answers.map((a) => (
          <div key={a.id}>
            <dt>
              {a.label} {a.sensitive ? <span className="badge">only organizers see this answer</span> : null}
            </dt>
            <dd dir="auto">
              {a.html ? <Markdown html={a.html} /> : a.text || <span className="muted">No answer</span>}
            </dd>
          </div>
        ))}
        <div>
          <dt>Projects</dt>
          <dd>
            {[
              ...s.preferences.map((p, i) => `${i + 1}. ${p}`),
              ...(s.anyProject ? ["any project"] : []),
            ].join(", ") || "—"}
          </dd>
        </div>
        <div>
          <dt>Hours a week you can give</dt>
          <dd>{c.hoursPerWeek ?? "—"}</dd>
        </div>
        <div>
          <dt>Other commitments</dt>
          <dd dir="auto">
            {c.commitments || "—"}
            {c.commitmentHours !== null ? ` (${c.commitmentHours} hours a week)` : ""}
          </dd>
        </div>
        <div>
          <dt>Your time and the cohort’s</dt>
          <dd>{c.check.message || "—"}</dd>
        </div>
      </dl>
      <h3>Your weekly availability: {s.hours} hours</h3>
      <AvailabilityGrid
        localSlots={s.localSlots}
        timeZone={s.timeZone}
        readOnly
        caption={`Weekly availability (times in ${s.timeZone})`}
      />
    </>
  );
}
