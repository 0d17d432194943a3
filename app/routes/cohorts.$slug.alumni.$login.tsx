import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound, requireCohortRole } from "~/auth/permissions.server";
import { DateText } from "~/components/dates";
import { alumnusTimeline } from "~/outcomes/figures.server";

export const meta: MetaFunction = () => [{ title: "Alumnus timeline — Cohort" }];

const KIND: Record<string, string> = {
  pr_opened: "Opened a pull request",
  pr_merged: "Pull request merged",
  review: "Reviewed a pull request",
  issue: "Opened or commented on an issue",
  trac_ticket: "Reported or owns a Trac ticket that changed",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["organizer"]);
  const timeline = await alumnusTimeline(access.cohort.id, params.login ?? "");
  if (timeline === "not_found") throw notFound("That person is not an alumnus of this cohort.");
  return json({ slug: access.cohort.slug, timeline, timeZone: access.person.timeZone });
}

export default function AlumnusTimeline() {
  const { slug, timeline, timeZone } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{timeline.person.name} after the cohort</h1>
      <p>
        <Link to={`/cohorts/${slug}/outcomes`}>Back to outcomes</Link>
      </p>
      {timeline.optedOut ? (
        <p>{timeline.person.name} opted out of being followed after the cohort: nothing is read or shown.</p>
      ) : (
        <>
          <p className="muted">
            Checked at{" "}
            {timeline.checks.length === 0
              ? "no mark yet"
              : timeline.checks.map((c) => `${c.mark} month${c.mark === 1 ? "" : "s"}`).join(", ")}
            .
          </p>
          {timeline.entries.length === 0 ? (
            <p>No upstream contributions found since the end of the cohort.</p>
          ) : (
            <ol className="timeline">
              {timeline.entries.map((e) => (
                <li key={`${e.kind}:${e.externalKey}`}>
                  <DateText value={e.at} timeZone={timeZone} /> — {KIND[e.kind] ?? e.kind}:{" "}
                  <a href={e.url}>{e.title || e.externalKey}</a>{" "}
                  <span className="muted">({e.externalKey})</span>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </>
  );
}
