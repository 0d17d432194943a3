import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireCohortRole } from "~/auth/permissions.server";
import { Sparkline } from "~/components/charts";
import { DateText } from "~/components/dates";
import { EvaluationCompletionTable } from "~/components/evaluation-completion";
import { sendCheckIn } from "~/dashboards/check-in.server";
import { getTeamProgress } from "~/dashboards/progress.server";
import { teamEvaluationCompletion } from "~/evaluations/evaluations.server";
import { nudgeForm } from "~/reflections/forms";
import styles from "~/styles/progress.css";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms";
import { readForm } from "~/utils/request-body.server";
import { keptPageData } from "~/utils/kept-pages.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.progress.team.name} progress — ${data.progress.cohort.name}` : "Team progress" },
];

const GUIDES = ["organizer", "navigator", "captain"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, GUIDES);
  const { progress, evaluations } = await keptPageData(
    "team-progress",
    access.person.id,
    request,
    async () => ({
      progress: await getTeamProgress(access, params.team ?? ""),
      evaluations: await teamEvaluationCompletion(access, params.team ?? ""),
    }),
  );
  return json({ progress, evaluations, timeZone: access.person.timeZone });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, GUIDES);
  const back = `/cohorts/${params.slug}/teams/${params.team}/progress`;
  const parsed = parseForm(nudgeForm, await readForm(request));
  if (!parsed.ok)
    return redirectWithFlash(back, { kind: "error", message: "Choose a participant to check in with." });
  const result = await sendCheckIn(access, params.team ?? "", parsed.data.personId, parsed.data.reason);
  return redirectWithFlash(back, {
    kind: result.queued ? "success" : "info",
    message: result.queued
      ? `A check-in notice is on its way to ${result.name}.`
      : `${result.name} already got a check-in from you today.`,
  });
}

export default function TeamProgress() {
  const { progress: p, evaluations, timeZone } = useLoaderData<typeof loader>();
  const base = `/cohorts/${p.cohort.slug}`;
  return (
    <>
      <h1>{p.team.name} — progress</h1>
      <p className="muted">
        {p.team.project ? <>{p.team.project} · </> : null}
        {p.cohort.phase === "running" ? (
          <>
            Week {p.cohort.currentWeek} of {p.cohort.weeks}
          </>
        ) : (
          <>{p.cohort.weeks} weeks</>
        )}
        {p.guides.length ? <> · {p.guides.map((g) => `${g.name} (${g.role})`).join(", ")}</> : null}
        {p.team.chatUrl ? (
          <>
            {" "}
            · <a href={p.team.chatUrl}>team chat</a>
          </>
        ) : null}
      </p>

      <section aria-labelledby="attention-heading">
        <h2 id="attention-heading">Needs attention ({p.attention.length})</h2>
        {p.attention.length === 0 ? (
          <p>Nothing needs attention right now.</p>
        ) : (
          <ul className="attention">
            {p.attention.map((item, i) => (
              <li key={`${item.kind}-${item.personId}-${i}`} className={`attention-${item.kind}`}>
                <span>
                  <strong>{item.name}</strong> — {item.reason}
                </span>
                {item.action.kind === "link" ? (
                  item.action.external ? (
                    <a href={item.action.href}>{item.action.label}</a>
                  ) : (
                    <Link to={item.action.href}>{item.action.label}</Link>
                  )
                ) : (
                  <Form method="post">
                    <input type="hidden" name="personId" value={item.action.personId} />
                    <input type="hidden" name="reason" value={item.action.reason} />
                    <button type="submit" className="secondary">
                      {item.action.label}
                      <span className="sr-only"> to {item.name}</span>
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        )}
        <p className="muted">
          Thresholds for this cohort: no activity for {p.cohort.inactivityDays} days; changes requested and no
          update for {p.cohort.changesRequestedDays} days; a claim with no pull request for{" "}
          {p.cohort.staleClaimDays} days; pull requests over {p.cohort.largePullRequestLines} changed lines
          need a pre-review.
        </p>
      </section>

      {evaluations.length > 0 ? (
        <section aria-labelledby="evaluations-heading">
          <h2 id="evaluations-heading">Evaluations</h2>
          <EvaluationCompletionTable rows={evaluations} timeZone={timeZone} />
        </section>
      ) : null}

      <section aria-labelledby="grid-heading">
        <h2 id="grid-heading">Week by week</h2>
        {p.rows.length === 0 ? (
          <p className="muted">This team has no participants yet.</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Team progress">
            <table className="progress-grid">
              <caption className="sr-only">
                Each participant's reflection, confidence and pull requests opened and merged, by week
              </caption>
              <thead>
                <tr>
                  <th scope="col">Participant</th>
                  {p.dueDates.map((due, i) => (
                    <th key={i} scope="col">
                      Week {i + 1}
                      <br />
                      <span className="muted">
                        due <DateText value={due} timeZone={timeZone} />
                      </span>
                    </th>
                  ))}
                  <th scope="col">Confidence</th>
                  <th scope="col">Last activity</th>
                </tr>
              </thead>
              <tbody>
                {p.rows.map((row) => (
                  <tr key={row.personId}>
                    <th scope="row">
                      {row.name}
                      <br />
                      <span className="muted">@{row.login}</span>
                    </th>
                    {row.weeks.map((w) => (
                      <td key={w.week} className={`cell cell-${w.cell}`}>
                        {w.href ? (
                          <Link to={w.href}>{w.label}</Link>
                        ) : (
                          <span>{w.cell === "upcoming" ? "" : w.label}</span>
                        )}
                        {w.needsHelp ? (
                          <>
                            {" "}
                            <span className="badge badge-bad">needs help</span>
                          </>
                        ) : null}
                        {w.confidence ? <span className="prs">confidence {w.confidence}/5</span> : null}
                        {w.replies ? (
                          <span className="prs">
                            {w.replies} {w.replies === 1 ? "reply" : "replies"}
                          </span>
                        ) : null}
                        {w.opened || w.merged ? (
                          <span className="prs">
                            PRs: {w.opened} opened, {w.merged} merged
                          </span>
                        ) : null}
                      </td>
                    ))}
                    <td>
                      <Sparkline
                        values={row.confidence}
                        label={`Confidence by week: ${row.confidence.map((c, i) => `week ${i + 1} ${c ?? "none"}`).join(", ")}`}
                      />
                    </td>
                    <td>
                      {row.lastActivityAt ? (
                        <DateText value={row.lastActivityAt} timeZone={timeZone} />
                      ) : (
                        <span className="muted">none</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <p>
        <Link to={base}>Back to the cohort</Link>
      </p>
    </>
  );
}
