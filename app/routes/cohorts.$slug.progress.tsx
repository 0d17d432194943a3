import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCohortRole } from "~/auth/permissions.server";
import { PHASE_LABELS } from "~/cohorts/phase";
import { BarChart, LineChart } from "~/components/charts";
import { ErrorSummary, Field } from "~/components/forms";
import { getCohortProgress } from "~/dashboards/progress.server";
import { EvaluationCompletionTable } from "~/components/evaluation-completion";
import { cohortEvaluationCompletion, evaluationAttention } from "~/evaluations/evaluations.server";
import { reflectionSettingsForm } from "~/reflections/forms";
import { getReflectionSettings, saveReflectionSettings } from "~/reflections/settings.server";
import styles from "~/styles/progress.css";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, valueOf, type FormValues } from "~/utils/forms";
import { readForm } from "~/utils/request-body.server";
import { keptPageData } from "~/utils/kept-pages.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Progress — ${data.progress.cohort.name}` : "Cohort progress" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["organizer"]);
  const [progress, settings, evaluations, evaluationFlags] = await keptPageData(
    "overview",
    access.person.id,
    request,
    () =>
      Promise.all([
        getCohortProgress(access),
        getReflectionSettings(access.cohort),
        cohortEvaluationCompletion(access),
        evaluationAttention(access),
      ]),
  );
  return json({ progress, settings, evaluations, evaluationFlags, timeZone: access.person.timeZone });
}

type ActionData = { errors: Record<string, string>; values: FormValues };

/** Saves the reflection prompts and the needs-attention thresholds. */
export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["organizer"]);
  const parsed = parseForm(reflectionSettingsForm, await readForm(request));
  if (!parsed.ok) return json<ActionData>({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  await saveReflectionSettings(access, parsed.data);
  return redirectWithFlash(`/cohorts/${params.slug}/progress`, {
    kind: "success",
    message: "Reflection prompts and thresholds saved.",
  });
}

const REFLECTION_SERIES = [
  { name: "On time", color: "#2e7d4f" },
  { name: "Late", color: "#d98a00" },
  { name: "Missing", color: "#c62828" },
  { name: "Not due yet", color: "#9aa7b4" },
];
const PR_SERIES = [
  { name: "Opened", color: "#1f6feb" },
  { name: "Merged", color: "#8250df" },
];

export default function CohortProgressPage() {
  const { progress: p, settings, evaluations, evaluationFlags, timeZone } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const values = data?.values ?? settings;
  const base = `/cohorts/${p.cohort.slug}`;
  const pct = (n: number, d: number) => (d === 0 ? "—" : `${Math.round((100 * n) / d)}%`);
  const totals = p.charts.reflections.reduce((t, c) => t.map((v, i) => v + c.values[i]), [0, 0, 0, 0]);
  const prTotals = p.charts.pulls.reduce((t, c) => t.map((v, i) => v + c.values[i]), [0, 0]);
  return (
    <>
      <h1>{p.cohort.name} — progress</h1>
      <p>
        <span className="badge badge-info">{PHASE_LABELS[p.cohort.phase]}</span>{" "}
        {p.cohort.phase === "running" ? (
          <strong>
            Week {p.cohort.currentWeek} of {p.cohort.weeks}
          </strong>
        ) : null}{" "}
        · {p.attentionTotal} open needs-attention {p.attentionTotal === 1 ? "item" : "items"}
      </p>

      <section aria-labelledby="evaluation-attention-heading">
        <h2 id="evaluation-attention-heading">Needs attention from evaluations ({evaluationFlags.length})</h2>
        {evaluationFlags.length === 0 ? (
          <p className="muted">No evaluation asks for an organizer.</p>
        ) : (
          <ul className="attention">
            {evaluationFlags.map((item) => (
              <li
                key={item.action.kind === "link" ? item.action.href : item.personId}
                className="attention-needs_help"
              >
                <span>
                  <strong>{item.name}</strong> — {item.reason}
                </span>
                {item.action.kind === "link" ? <Link to={item.action.href}>{item.action.label}</Link> : null}
              </li>
            ))}
          </ul>
        )}
        <h3>Evaluation completion</h3>
        <EvaluationCompletionTable
          rows={evaluations.map((e) => ({ ...e, href: `${base}/evaluations` }))}
          timeZone={timeZone}
        />
      </section>

      <section aria-labelledby="funnel-heading">
        <h2 id="funnel-heading">From application to completion</h2>
        <ol className="funnel">
          {p.funnel.map((f) => (
            <li key={f.step}>
              <strong>{f.count}</strong> {f.step}
              <br />
              <span className="muted">{f.help}</span>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="teams-heading">
        <h2 id="teams-heading">Teams</h2>
        {p.teams.length === 0 ? (
          <p className="muted">No teams yet.</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Progress of every participant">
            <table>
              <caption className="sr-only">
                Per team: reflections submitted by week, pull requests and open needs-attention items
              </caption>
              <thead>
                <tr>
                  <th scope="col">Team</th>
                  <th scope="col">Participants</th>
                  {p.visibleWeeks.map((w) => (
                    <th key={w} scope="col">
                      Week {w} reflections
                    </th>
                  ))}
                  <th scope="col">PRs opened</th>
                  <th scope="col">PRs merged</th>
                  <th scope="col">Needs attention</th>
                </tr>
              </thead>
              <tbody>
                {p.teams.map((t) => (
                  <tr key={t.slug}>
                    <th scope="row">
                      <Link to={`${base}/teams/${t.slug}/progress`}>{t.name}</Link>
                    </th>
                    <td>{t.participants}</td>
                    {t.completion.map((c) => (
                      <td key={c.week}>
                        {c.submitted}/{t.participants}{" "}
                        <span className="muted">
                          ({pct(c.submitted, t.participants)}
                          {c.due ? "" : ", not due yet"})
                        </span>
                      </td>
                    ))}
                    <td>{t.opened}</td>
                    <td>{t.merged}</td>
                    <td>
                      {t.attention > 0 ? (
                        <span className="badge badge-warn">{t.attention}</span>
                      ) : (
                        <span className="badge badge-good">0</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {p.unassigned > 0 ? (
          <p className="muted">
            {p.unassigned} participant{p.unassigned === 1 ? " is" : "s are"} not in a team yet.
          </p>
        ) : null}
      </section>

      <section aria-labelledby="charts-heading">
        <h2 id="charts-heading">Week by week</h2>
        {p.visibleWeeks.length === 0 ? (
          <p className="muted">The charts fill in once the cohort starts.</p>
        ) : (
          <div className="charts">
            <BarChart
              title="Reflections by week"
              description={`Reflections per week: ${totals[0]} on time, ${totals[1]} late, ${totals[2]} missing, ${totals[3]} not due yet in total.`}
              categories={p.charts.reflections}
              series={REFLECTION_SERIES}
            />
            <BarChart
              title="Pull requests by week"
              description={`Pull requests opened and merged per week: ${prTotals[0]} opened and ${prTotals[1]} merged in total.`}
              categories={p.charts.pulls}
              series={PR_SERIES}
              mode="grouped"
            />
            <LineChart
              title="Average confidence by week"
              description="Participants' average self-rated confidence (1 to 5) in their submitted reflections, by week."
              points={p.charts.confidence.map((c) => ({
                label: c.label,
                value: c.value,
                note: `${c.count} reflection${c.count === 1 ? "" : "s"}`,
              }))}
              min={0}
              max={5}
              valueName="Average confidence (1–5)"
            />
          </div>
        )}
      </section>

      <section aria-labelledby="settings-heading">
        <h2 id="settings-heading">Reflection prompts and thresholds</h2>
        <details open={Boolean(data?.errors)}>
          <summary>Change the prompts and when something needs attention</summary>
          <Form method="post" className="stacked" noValidate>
            <ErrorSummary errors={data?.errors} />
            <Field
              name="prompts"
              label="Reflection prompts"
              help="One per line, in the order participants see them. Edit a line in place to rename its prompt (its answers stay with it); delete a line to retire a prompt (answers already written still show under it)."
              multiline
              rows={5}
              defaultValue={valueOf(values, "prompts")}
              error={data?.errors?.prompts}
            />
            <Field
              name="inactivityDays"
              label="No activity for (days)"
              type="number"
              min={1}
              max={60}
              defaultValue={valueOf(values, "inactivityDays")}
              error={data?.errors?.inactivityDays}
            />
            <Field
              name="changesRequestedDays"
              label="Changes requested and no update for (days)"
              type="number"
              min={1}
              max={60}
              defaultValue={valueOf(values, "changesRequestedDays")}
              error={data?.errors?.changesRequestedDays}
            />
            <Field
              name="staleClaimDays"
              label="A claim with no pull request for (days)"
              type="number"
              min={1}
              max={90}
              defaultValue={valueOf(values, "staleClaimDays")}
              error={data?.errors?.staleClaimDays}
            />
            <Field
              name="largePullRequestLines"
              label="A pull request needs a pre-review above (changed lines)"
              type="number"
              min={10}
              defaultValue={valueOf(values, "largePullRequestLines")}
              error={data?.errors?.largePullRequestLines}
            />
            <div className="actions">
              <button type="submit">Save settings</button>
            </div>
          </Form>
        </details>
      </section>
    </>
  );
}
