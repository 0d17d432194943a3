import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireCohortRole } from "~/auth/permissions.server";
import { PHASE_LABELS } from "~/cohorts/phase";
import { DueEvaluations } from "~/components/due-evaluations";
import { ParticipantWeek } from "~/components/participant-week";
import { OpenSurveys } from "~/components/survey-form";
import { dueEvaluationsFor } from "~/evaluations/evaluations.server";
import { openSurveysFor } from "~/surveys/surveys.server";
import { getParticipantWeek } from "~/reflections/week.server";
import styles from "~/styles/progress.css";
import { keptPageData } from "~/utils/kept-pages.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Week ${data.week.week} — ${data.week.cohort.name}` : "My week" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["participant"]);
  const [week, evaluations, surveys] = await keptPageData("week", access.person.id, request, () =>
    Promise.all([
      getParticipantWeek(access),
      dueEvaluationsFor(access.person.id, access),
      openSurveysFor(access.person.id, access),
    ]),
  );
  return json({ week, evaluations, surveys, timeZone: access.person.timeZone });
}

export default function ParticipantWeekPage() {
  const { week: w, evaluations, surveys, timeZone } = useLoaderData<typeof loader>();
  const running = w.phase === "running";
  return (
    <>
      <h1>{running ? `Week ${w.week} of ${w.cohort.weeks}` : w.cohort.name}</h1>
      {!running ? (
        <p>
          <span className="badge badge-info">{PHASE_LABELS[w.phase]}</span>{" "}
          {w.phase === "finished"
            ? "The cohort has ended; your reflections and pull requests are below."
            : "The cohort has not started yet."}
        </p>
      ) : null}
      <DueEvaluations items={evaluations} timeZone={timeZone} />
      <OpenSurveys items={surveys} timeZone={timeZone} returnTo={`/cohorts/${w.cohort.slug}/week`} />
      <ParticipantWeek w={w} timeZone={timeZone} />
    </>
  );
}
