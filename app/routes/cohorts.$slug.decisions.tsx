import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DECISION_LABELS, offerLabel, type Decision } from "~/applications/decision-labels";
import { parseDecisionsForm } from "~/applications/decision-forms";
import {
  decide,
  getDecisionsPage,
  moveOnWaitlist,
  publishDecisions,
  purgeAnswers,
} from "~/applications/decisions.server";
import { expireOffers, sendOfferReminders } from "~/applications/offers.server";
import { requireCohortRole } from "~/auth/permissions.server";
import { PHASE_LABELS } from "~/cohorts/phase";
import { DateText } from "~/components/dates";
import { formatScore } from "~/applications/scores";
import { Pager } from "~/components/pager";
import { redirectWithFlash } from "~/utils/flash.server";
import { pageParam } from "~/utils/pagination";
import { formValues } from "~/utils/forms";
import { readForm } from "~/utils/request-body.server";
import { keptPageData } from "~/utils/kept-pages.server";

export const meta: MetaFunction = () => [{ title: "Decisions — Cohort" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["organizer"]);
  const url = new URL(request.url);
  const sortParam = url.searchParams.get("sort");
  const sort = sortParam === "name" || sortParam === "decision" ? sortParam : "mean";
  return json({
    ...(await keptPageData("decisions", access.person.id, request, () =>
      getDecisionsPage(access.cohort, sort, pageParam(url)),
    )),
    sort,
    viewerZone: access.person.timeZone,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["organizer"]);
  const form = parseDecisionsForm(formValues(await readForm(request)));
  if (!form.ok) return json({ error: form.error }, { status: 400 });
  const here = `/cohorts/${params.slug}/decisions`;
  const origin = new URL(request.url).origin;
  const input = form.data;
  let result: { ok: true; message: string } | { ok: false; error: string };
  switch (input.intent) {
    case "accepted":
    case "waitlisted":
    case "rejected":
    case "none":
      result = await decide(access.person.id, access.cohort, input.intent, input.items);
      if (!result.ok) return json({ error: result.error }, { status: 409 });
      break;
    case "waitlist-up":
    case "waitlist-down":
      result = await moveOnWaitlist(
        access.person.id,
        access.cohort,
        input.id,
        input.intent === "waitlist-up" ? "up" : "down",
        new Date(),
        input.from,
      );
      break;
    case "publish":
      result = await publishDecisions(access.person.id, access.cohort, origin, {
        confirmed: input.confirm === "on",
        reason: input.reason || null,
      });
      break;
    case "check-offers": {
      const expired = await expireOffers(new Date(), access.cohort.id, origin);
      const reminded = await sendOfferReminders(new Date(), access.cohort.id, origin);
      result = {
        ok: true,
        message: `${expired} expired offer${expired === 1 ? "" : "s"} handled, ${reminded} reminder${reminded === 1 ? "" : "s"} queued.`,
      };
      break;
    }
    case "purge":
      result = await purgeAnswers(access.person.id, access.cohort);
      break;
  }
  if (!result.ok) return json({ error: result.error }, { status: 400 });
  return redirectWithFlash(here, { kind: "success", message: result.message });
}

const AUDIT_LABELS: Record<string, string> = {
  "waitlist.reorder": "moved on the waitlist",
  "decision.change": "decision",
  "decisions.publish": "published decisions",
  "waitlist.promote": "offered a freed seat (waitlist)",
  "waitlist.empty": "seat freed, waitlist empty",
  "offer.confirm": "confirmed the offer",
  "offer.decline": "declined the offer",
  "offer.expire": "offer expired",
  "answers.purge": "purged answers",
};

function decisionBadge(decision: string) {
  const kind =
    decision === "accepted"
      ? "badge-good"
      : decision === "waitlisted"
        ? "badge-warn"
        : decision === "rejected"
          ? "badge-bad"
          : "";
  return <span className={`badge ${kind}`}>{DECISION_LABELS[decision as Decision] ?? decision}</span>;
}

export default function Decisions() {
  const page = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { cohort } = page;
  return (
    <>
      <h1>Decisions — {cohort.name}</h1>
      <p>
        <span className="badge badge-info">{PHASE_LABELS[cohort.phase]}</span> {page.submittedCount} submitted
        · {page.counts.accepted ?? 0} accepted · {page.counts.waitlisted ?? 0} waitlisted ·{" "}
        {page.counts.rejected ?? 0} not accepted · {page.counts.none ?? 0} undecided · {page.draftCount}{" "}
        drafts · {page.withdrawnCount} withdrawn
      </p>
      <p>
        Offers: {page.offers.pending} waiting for an answer · {page.offers.confirmed} confirmed ·{" "}
        {page.offers.declined} declined · {page.offers.expired} expired. Applicants have{" "}
        {cohort.offerDeadlineDays} days to answer and get a reminder {cohort.offerReminderDays} days before
        the deadline. <a href={`/cohorts/${cohort.slug}/applications.csv`}>Download all applications (CSV)</a>
      </p>
      {data?.error ? (
        <div className="error-summary" role="alert">
          <p>{data.error}</p>
        </div>
      ) : null}
      {!page.canDecide ? (
        <p className="card">
          Decisions can be made from the opening of applications until the cohort starts.
        </p>
      ) : null}

      <Form method="post" aria-label="Decide">
        {page.canDecide ? (
          <div className="actions sticky-actions">
            <span>With the ticked applications:</span>
            <button type="submit" name="intent" value="accepted">
              Accept
            </button>
            <button type="submit" name="intent" value="waitlisted" className="secondary">
              Waitlist
            </button>
            <button type="submit" name="intent" value="rejected" className="secondary">
              Reject
            </button>
            <button type="submit" name="intent" value="none" className="secondary">
              Clear decision
            </button>
          </div>
        ) : null}
        <p className="muted">
          Sort by <Link to="?sort=mean">mean score</Link> · <Link to="?sort=name">name</Link> ·{" "}
          <Link to="?sort=decision">decision</Link>. Decisions can be changed until they are published.
        </p>
        <Pager page={page.rowsPage} noun="submitted applications" />
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Applications and decisions">
          <table>
            <caption className="sr-only">Submitted applications</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="sr-only">Select</span>
                </th>
                <th scope="col">Applicant</th>
                <th scope="col">Mean</th>
                <th scope="col">Spread</th>
                <th scope="col">Reviews</th>
                <th scope="col">Projects</th>
                <th scope="col">Hours</th>
                <th scope="col">Decision</th>
                <th scope="col">Published</th>
                <th scope="col">Offer</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    {!r.publishedDecision && page.canDecide ? (
                      <>
                        {/* keyed by version: once a decision is saved the row's tick clears, so the next action cannot silently include it */}
                        <input
                          key={`${r.id}-${r.version}`}
                          type="checkbox"
                          name="id"
                          value={r.id}
                          id={`pick-${r.id}`}
                          aria-label={`Select ${r.name}`}
                        />
                        <input type="hidden" name={`v_${r.id}`} value={r.version} />
                      </>
                    ) : null}
                  </td>
                  <td>
                    <label htmlFor={`pick-${r.id}`}>{r.name}</label> <span className="muted">@{r.login}</span>
                  </td>
                  <td>{formatScore(r.aggregate.mean)}</td>
                  <td>{formatScore(r.aggregate.spread)}</td>
                  <td>{r.aggregate.count}</td>
                  <td>{r.anyProject ? "Any" : r.preferences.join(", ") || "—"}</td>
                  <td>{r.hours}</td>
                  <td>
                    {decisionBadge(r.decision)}
                    {r.decision === "waitlisted" && r.waitlistRank ? <> #{r.waitlistRank}</> : null}
                    {r.decidedBy ? <div className="muted">by {r.decidedBy}</div> : null}
                  </td>
                  <td>
                    {r.publishedDecision ? (
                      "Yes"
                    ) : r.decision !== "none" ? (
                      <span className="badge badge-info">not yet</span>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td>
                    {r.offer ? (
                      <>
                        {offerLabel(r.offer.status)}
                        {r.offer.status === "pending" ? (
                          <div className="muted">
                            until <DateText value={r.offer.expiresAt} timeZone={page.viewerZone} withTime />
                            {r.offer.reminderSentAt ? " · reminded" : ""}
                          </div>
                        ) : null}
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pager page={page.rowsPage} noun="submitted applications" />
      </Form>

      <h2>Publish</h2>
      {page.canDecide ? <PublishDecisions page={page} /> : null}
      {cohort.decisionsPublishedAt ? (
        <p>
          First published <DateText value={cohort.decisionsPublishedAt} timeZone={page.viewerZone} withTime />
          .
        </p>
      ) : null}

      <h2>Offers and waitlist</h2>
      <h3 id="waitlist">Waitlist</h3>
      {page.waitlist.length === 0 ? (
        <p className="muted">Nobody is on the waitlist.</p>
      ) : (
        <>
          <p className="muted">
            When an offer is declined or expires, the seat goes to the first person here whose waitlist notice
            was published.
          </p>
          <ol aria-labelledby="waitlist" className="waitlist">
            {page.waitlist.map((w, i) => (
              <li key={w.id}>
                <strong>{w.name}</strong>{" "}
                <span className="muted">
                  @{w.login} · mean {formatScore(w.mean)}
                </span>{" "}
                {w.published ? null : <span className="badge badge-info">not published yet</span>}
                {page.canDecide ? (
                  <Form method="post" className="inline-actions">
                    <input type="hidden" name="id" value={w.id} />
                    <input type="hidden" name="from" value={i + 1} />
                    <button
                      type="submit"
                      name="intent"
                      value="waitlist-up"
                      className="secondary small"
                      disabled={i === 0}
                      aria-label={`Move ${w.name} up the waitlist`}
                    >
                      ↑ Up
                    </button>{" "}
                    <button
                      type="submit"
                      name="intent"
                      value="waitlist-down"
                      className="secondary small"
                      disabled={i === page.waitlist.length - 1}
                      aria-label={`Move ${w.name} down the waitlist`}
                    >
                      ↓ Down
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      )}
      <Form method="post" className="actions">
        <p style={{ margin: 0 }}>
          Deadlines and reminders are checked every few minutes; you can also check now.
        </p>
        <button type="submit" name="intent" value="check-offers" className="secondary">
          Check offers now
        </button>
      </Form>

      <h2>History</h2>
      {page.audit.length === 0 ? <p className="muted">Nothing decided yet.</p> : null}
      <ul className="audit">
        {page.audit.map((e) => (
          <li key={e.id}>
            <DateText value={e.at} timeZone={page.viewerZone} withTime /> — <strong>{e.actor}</strong>:{" "}
            {AUDIT_LABELS[e.action] ?? e.action}
            {e.subject ? <> for {e.subject}</> : null}
            {e.action === "waitlist.reorder" ? (
              <>
                {" "}
                from place {e.fromValue} to {e.toValue}
              </>
            ) : null}
            {e.action === "decision.change" ? (
              <>
                {" "}
                from {DECISION_LABELS[(e.fromValue ?? "none") as Decision]} to{" "}
                {DECISION_LABELS[(e.toValue ?? "none") as Decision]}
              </>
            ) : null}
            {e.detail ? <span className="muted"> ({e.detail})</span> : null}
          </li>
        ))}
      </ul>

      {cohort.phase === "finished" ? (
        <>
          <h2>Privacy</h2>
          {cohort.answersPurgedAt ? (
            <p>
              The answers of applicants who did not join were purged on{" "}
              <DateText value={cohort.answersPurgedAt} timeZone={page.viewerZone} />.
            </p>
          ) : (
            <Form method="post" className="card stacked">
              <p>
                The cohort has finished. Remove the answers, project preferences, availability and review
                comments of everyone who did not join; only counts and scores stay.
              </p>
              <label className="choice">
                <input type="checkbox" name="confirm" value="on" /> I understand this cannot be undone.
              </label>
              <div className="actions">
                <button type="submit" name="intent" value="purge" className="danger">
                  Purge answers of people not accepted
                </button>
              </div>
            </Form>
          )}
        </>
      ) : null}
    </>
  );
}

function names(list: string[]) {
  return list.length <= 12 ? list.join(", ") : `${list.slice(0, 12).join(", ")} and ${list.length - 12} more`;
}

/** Says exactly who gets which notice and what to check first; publishing needs a tick (and a reason while applications are open). */
function PublishDecisions({ page }: { page: ReturnType<typeof useLoaderData<typeof loader>> }) {
  const { publishPlan: plan, cohort } = page;
  if (page.unpublished === 0) return <p className="card">Every decision is published.</p>;
  return (
    <Form method="post" className="card stacked" aria-label="Publish decisions">
      <p>
        Publishing sends {page.unpublished} notice{page.unpublished === 1 ? "" : "s"} now, one to each
        applicant below. Published decisions cannot be changed here.
      </p>
      <ul>
        {plan.accepted.length ? (
          <li>
            <strong>
              {plan.accepted.length} offer{plan.accepted.length === 1 ? "" : "s"} of a place
            </strong>
            , each with a personal link to confirm or decline within {cohort.offerDeadlineDays} days:{" "}
            {names(plan.accepted)}.
          </li>
        ) : null}
        {plan.waitlisted.length ? (
          <li>
            <strong>
              {plan.waitlisted.length} waitlist notice{plan.waitlisted.length === 1 ? "" : "s"}
            </strong>{" "}
            with their place on the waitlist: {names(plan.waitlisted)}.
          </li>
        ) : null}
        {plan.rejected.length ? (
          <li>
            <strong>
              {plan.rejected.length} “not accepted” notice{plan.rejected.length === 1 ? "" : "s"}
            </strong>
            : {names(plan.rejected)}.
          </li>
        ) : null}
      </ul>
      {plan.openUntil || plan.unreviewed.length || plan.undecided ? (
        <ul className="warnings" aria-label="Before you publish">
          {plan.openUntil ? (
            <li>
              <strong>Applications are still open</strong> until{" "}
              <DateText value={plan.openUntil} timeZone={page.viewerZone} withTime />: people may still apply
              or change their answers. Publishing now is refused unless you give a reason below; it is kept in
              the history.
            </li>
          ) : null}
          {plan.unreviewed.length ? (
            <li>
              <strong>
                {plan.unreviewed.length} applicant{plan.unreviewed.length === 1 ? " has" : "s have"} no review
                yet
              </strong>
              : {names(plan.unreviewed)}.
            </li>
          ) : null}
          {plan.undecided ? (
            <li>
              {plan.undecided} applicant{plan.undecided === 1 ? " has" : "s have"} no decision yet and will
              get nothing now.
            </li>
          ) : null}
        </ul>
      ) : null}
      {plan.openUntil ? (
        <label>
          Why publish before applications close? (required now, kept in the history)
          <textarea name="reason" rows={2} maxLength={500} dir="auto" />
        </label>
      ) : null}
      <label className="choice">
        <input type="checkbox" name="confirm" value="on" required /> I have read who gets which notice; send
        them now.
      </label>
      <div className="actions">
        <button type="submit" name="intent" value="publish">
          Publish {page.unpublished} decision{page.unpublished === 1 ? "" : "s"}
        </button>
      </div>
    </Form>
  );
}
