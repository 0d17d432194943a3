import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireCohortRole } from "~/auth/permissions.server";
import { DateText } from "~/components/dates";
import { QuestionResults } from "~/components/survey-results";
import { surveyResults } from "~/surveys/surveys.server";
import styles from "~/styles/progress.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Survey results — ${data.results.cohort.name}` : "Survey results" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["organizer"]);
  return json({ results: await surveyResults(access), timeZone: access.person.timeZone });
}

export default function SurveyResultsPage() {
  const { results, timeZone } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Survey results — {results.cohort.name}</h1>
      <p>
        Counts of each answer, 1 (strongly disagree) to 5 (strongly agree). A week or team with answers from
        fewer than three people is not shown, so nobody&apos;s answers can be picked out.{" "}
        <a href={results.csvHref} download>
          Download as CSV
        </a>{" "}
        · <Link to={results.settingsHref}>Set up surveys</Link>
      </p>
      <h2>Weekly pulse</h2>
      {results.pulse.weeks.length === 0 ? (
        <p className="muted">No pulse has been asked yet.</p>
      ) : (
        <>
          <p>
            Answers per week: {results.pulse.weeks.map((w) => `week ${w.week}: ${w.answers}`).join(", ")}.
          </p>
          {results.pulse.questions.map((q) => (
            <QuestionResults key={q.key} result={q} />
          ))}
        </>
      )}
      <h2>End-of-cohort survey</h2>
      {results.end ? (
        <>
          <p>
            {results.end.answers} {results.end.answers === 1 ? "answer" : "answers"}
            {results.end.sentAt ? (
              <>
                ; opened <DateText value={results.end.sentAt} timeZone={timeZone} withTime />
              </>
            ) : null}
            {results.end.closesAt ? (
              <>
                , closes <DateText value={results.end.closesAt} timeZone={timeZone} withTime />
              </>
            ) : null}
            .
          </p>
          {results.end.questions.map((q) => (
            <QuestionResults key={q.key} result={q} />
          ))}
        </>
      ) : (
        <p className="muted">The end-of-cohort survey has not been opened yet.</p>
      )}
    </>
  );
}
