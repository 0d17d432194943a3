import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { requireCohortRole } from "~/auth/permissions.server";
import { DateText } from "~/components/dates";
import { getSyncPage, startSyncInBackground } from "~/issues/sync.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readForm } from "~/utils/request-body.server";
import { enforceRateLimit } from "~/utils/rate-limit.server";

export const meta: MetaFunction = () => [{ title: "Sync with GitHub and Trac — Cohort" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["organizer"]);
  const page = await getSyncPage();
  return json({ ...page, timeZone: access.person.timeZone });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["organizer"]);
  await enforceRateLimit("syncNow", access.person.id);
  await readForm(request);
  const started = await startSyncInBackground();
  const back = `/cohorts/${params.slug}/sync`;
  if (!started.started)
    return redirectWithFlash(back, {
      kind: "info",
      message: "A sync is already running (perhaps on another app instance); its progress is shown below.",
    });
  return redirectWithFlash(back, { kind: "success", message: "Sync started. Progress is shown below." });
}

const TRIGGER_LABELS: Record<string, string> = {
  schedule: "Scheduled",
  cli: "Command line",
  button: "Sync now",
  webhook: "Webhook",
};

export default function SyncPage() {
  const page = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  // While a run is in progress, refresh every two seconds (without JavaScript, the
  // meta refresh below does the same).
  useEffect(() => {
    if (!page.running) return;
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), 2000);
    return () => clearInterval(timer);
  }, [page.running, revalidator]);
  return (
    <>
      {page.running ? (
        <noscript>
          <meta httpEquiv="refresh" content="3" />
        </noscript>
      ) : null}
      <h1>Sync with GitHub and Trac</h1>
      {page.tokenWarning ? (
        <p className="flash flash-error" role="alert">
          {page.tokenWarning}
        </p>
      ) : null}
      <p>
        Starter issues and the {page.tracked} tracked pull requests are refreshed{" "}
        {page.intervalMinutes === 0
          ? "only when someone presses “Sync now” (the scheduled sync is switched off on this server)"
          : `every ${page.intervalMinutes} minutes`}
        , and at once by webhook for repositories that install one
        {page.webhookConfigured
          ? ""
          : " (this server has no webhook secret set up, so webhooks are refused for now)"}
        . Unchanged resources are asked for with their ETag and cost no rate limit. GitHub API:{" "}
        <code>{page.apiUrl}</code>. {page.openIssues} open starter issues.
      </p>
      {page.running ? (
        <p role="status" aria-live="polite">
          <strong>Syncing…</strong> {page.running.progress} ({page.running.requests} requests,{" "}
          {page.running.notModified} not modified, {page.running.changes} changes so far)
        </p>
      ) : (
        <Form method="post">
          <button type="submit">Sync now</button>
        </Form>
      )}
      {page.lastProblems.length > 0 ? (
        <section aria-labelledby="last-problems">
          <h2 id="last-problems">Problems in the last run</h2>
          <ul>
            {page.lastProblems.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {page.unavailable.length > 0 ? (
        <section aria-labelledby="not-asked">
          <h2 id="not-asked">Repositories not asked for now</h2>
          <ul>
            {page.unavailable.map((r) => (
              <li key={r.fullName}>
                {r.unavailableReason ?? `GitHub has no repository ${r.fullName}, or it is private.`} Next try:{" "}
                {r.unavailableUntil ? (
                  <DateText value={r.unavailableUntil} timeZone={page.timeZone} withTime />
                ) : (
                  "next sync"
                )}
                .
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2>Last runs</h2>
      {page.runs.length === 0 ? (
        <p>No sync has run yet.</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Last runs">
          <table>
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Trigger</th>
                <th scope="col">Status</th>
                <th scope="col">Requests</th>
                <th scope="col">Not modified</th>
                <th scope="col">Changes</th>
                <th scope="col">Errors</th>
                <th scope="col">Notes</th>
              </tr>
            </thead>
            <tbody>
              {page.runs.map((run) => (
                <tr key={run.id}>
                  <td>
                    <DateText value={run.startedAt} timeZone={page.timeZone} withTime />
                  </td>
                  <td>{TRIGGER_LABELS[run.trigger] ?? run.trigger}</td>
                  <td>
                    <span
                      className={`badge ${run.status === "succeeded" ? "badge-good" : run.status === "running" ? "badge-info" : run.status === "partial" ? "badge-warn" : "badge-bad"}`}
                    >
                      {run.status}
                    </span>
                  </td>
                  <td>{run.requests}</td>
                  <td>{run.notModified}</td>
                  <td>{run.changes}</td>
                  <td>{run.errors}</td>
                  <td>
                    {run.progress}
                    {/* the last run's problems are listed once, above the table */}
                    {run.errorLog && run.id !== page.lastFinishedId ? (
                      <details>
                        <summary>Errors</summary>
                        <pre style={{ whiteSpace: "pre-wrap" }}>{run.errorLog}</pre>
                      </details>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
