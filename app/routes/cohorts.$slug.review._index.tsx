import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireCohortRole } from "~/auth/permissions.server";
import { PHASE_LABELS } from "~/cohorts/phase";
import { formatScore } from "~/applications/scores";
import { Pager } from "~/components/pager";
import { getReviewList, pickNextUnscored, readReviewFilters } from "~/review/review.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { pageParam } from "~/utils/pagination";
import { keptPageData } from "~/utils/kept-pages.server";

export const meta: MetaFunction = () => [{ title: "Review applications — Cohort" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["organizer", "reviewer"]);
  const url = new URL(request.url);
  if (url.searchParams.get("next") === "unscored") {
    const next = await pickNextUnscored(access);
    if (next)
      throw await redirectWithFlash(`/cohorts/${params.slug}/review/${next}`, {
        kind: "info",
        message: "Here is an application you have not scored yet, picked at random.",
      });
    throw await redirectWithFlash(`/cohorts/${params.slug}/review`, {
      kind: "success",
      message: "You have scored every submitted application. Thank you!",
    });
  }
  const filters = readReviewFilters(url);
  const list = await keptPageData("review-list", access.person.id, request, () =>
    getReviewList(access, filters, pageParam(url)),
  );
  return json({ ...list, filters });
}

const STATE_LABEL = { unscored: "Not scored", scored: "Scored", recused: "Recused" } as const;

export default function ReviewList() {
  const { cohort, rows, page, progress, filters, projects, hasOwnAvailability } =
    useLoaderData<typeof loader>();
  return (
    <>
      <h1>Review applications — {cohort.name}</h1>
      <p>
        <span className="badge badge-info">{PHASE_LABELS[cohort.phase]}</span>{" "}
        {cohort.blindReview ? <span className="badge badge-warn">Blind review: names are hidden</span> : null}
      </p>
      <p className="review-progress" aria-live="polite">
        <strong>
          {progress.scored} of {progress.total} scored by you
        </strong>
        {progress.recused ? ` (${progress.recused} recused)` : ""}
      </p>
      <progress max={Math.max(progress.total, 1)} value={progress.scored} aria-label="Your review progress" />
      <p className="actions">
        <Link to="?next=unscored" className="button">
          Next unscored application
        </Link>
        <span className="muted">
          Picked at random so no application is favoured by its place in the list.
        </span>
      </p>

      <Form method="get" className="filters actions" aria-label="Filter and sort">
        <label>
          Status{" "}
          <select name="status" defaultValue={filters.status}>
            <option value="submitted">Submitted</option>
            <option value="withdrawn">Withdrawn</option>
            <option value="all">All</option>
          </select>
        </label>
        <label>
          Your review{" "}
          <select name="mine" defaultValue={filters.mine}>
            <option value="all">Any</option>
            <option value="unscored">Not scored</option>
            <option value="scored">Scored</option>
            <option value="recused">Recused</option>
          </select>
        </label>
        <label>
          Project preference{" "}
          <select name="project" defaultValue={filters.project}>
            <option value="">Any</option>
            {projects.map((p) => (
              <option key={p.slug} value={p.slug}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Availability grid at least{" "}
          <input
            type="number"
            name="minHours"
            min={0}
            max={168}
            step={1}
            defaultValue={filters.minHours || ""}
            style={{ width: "5rem" }}
          />{" "}
          h/week
        </label>
        {hasOwnAvailability ? (
          <label>
            Shares at least{" "}
            <input
              type="number"
              name="minShared"
              min={0}
              max={168}
              step={1}
              defaultValue={filters.minShared || ""}
              style={{ width: "5rem" }}
            />{" "}
            h/week with me
          </label>
        ) : null}
        <label>
          Sort by{" "}
          <select name="sort" defaultValue={filters.sort}>
            <option value="submitted">Newest first</option>
            <option value="my_score">My score</option>
            <option value="hours">Hours in availability grid</option>
            {hasOwnAvailability ? <option value="shared">Hours shared with me</option> : null}
            <option value="status">Status</option>
            <option value="project">Project (first choice)</option>
          </select>
        </label>
        <button type="submit" className="secondary">
          Apply filters
        </button>
      </Form>

      <Pager page={page} noun="applications" />
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Applications to review">
        <table>
          <caption className="sr-only">Applications</caption>
          <thead>
            <tr>
              <th scope="col">Applicant</th>
              <th scope="col">Status</th>
              <th scope="col">Your review</th>
              <th scope="col">Your score</th>
              <th scope="col">Mean (spread, reviews)</th>
              <th scope="col">Projects</th>
              <th scope="col">Hours a week they wrote</th>
              <th scope="col">Hours in their availability grid</th>
              <th scope="col">
                Time commitment{cohort.weeklyHours ? ` (cohort asks ${cohort.weeklyHours} h)` : ""}
              </th>
              {hasOwnAvailability ? <th scope="col">Shared with you</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={10}>No applications match.</td>
              </tr>
            ) : null}
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={r.id}>{r.label}</Link>
                  {r.login ? <span className="muted"> @{r.login}</span> : null}
                </td>
                <td>{r.status === "submitted" ? "Submitted" : "Withdrawn"}</td>
                <td>
                  <span
                    className={`badge ${r.myState === "scored" ? "badge-good" : r.myState === "recused" ? "badge-warn" : ""}`}
                  >
                    {STATE_LABEL[r.myState]}
                  </span>
                </td>
                <td>{formatScore(r.myScore)}</td>
                <td>
                  {r.aggregate ? (
                    `${formatScore(r.aggregate.mean)} (spread ${formatScore(r.aggregate.spread)}, ${r.aggregate.count} reviews)`
                  ) : (
                    <span className="muted">after you score</span>
                  )}
                </td>
                <td>{r.anyProject ? "Any project" : r.preferences.join(", ") || "—"}</td>
                <td>{r.writtenHours ?? "—"}</td>
                <td>{r.hours}</td>
                <td>
                  <span
                    className={`badge ${r.time.flagged ? "badge-warn" : r.time.label === "Fits" ? "badge-good" : ""}`}
                    title={r.time.message}
                  >
                    {r.time.flagged ? "⚠ " : ""}
                    {r.time.label}
                  </span>
                </td>
                {hasOwnAvailability ? <td>{r.sharedWithMe ?? "—"}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={page} noun="applications" />
    </>
  );
}
