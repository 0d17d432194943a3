import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { forbidden, notFound, requireCohortRole } from "~/auth/permissions.server";
import { AvailabilityGrid } from "~/components/availability-grid";
import { DateText } from "~/components/dates";
import { ErrorSummary } from "~/components/forms";
import { Markdown } from "~/components/markdown";
import { formatScore } from "~/applications/scores";
import { scoreCommentField, scoreField } from "~/review/fields";
import { reviewButtonForm } from "~/review/review-forms";
import { getReviewDetail, saveScores, setRecusal } from "~/review/review.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseButton, valueOf, type FormValues } from "~/utils/forms";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Review an application — Cohort" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["organizer", "reviewer"]);
  const detail = await getReviewDetail(access, params.applicationId!);
  if (!detail) throw notFound("There is no such application to review.");
  if (detail === "own") throw forbidden("You cannot review your own application.");
  return json(detail);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["organizer", "reviewer"]);
  const parsed = parseButton(reviewButtonForm, await readForm(request));
  const here = `/cohorts/${params.slug}/review/${params.applicationId}`;
  if (!parsed.ok)
    return json(
      {
        errors: { form: parsed.error } as Record<string, string>,
        values: parsed.values as FormValues | null,
      },
      { status: 400 },
    );
  const button = parsed.data;
  if (button.intent === "recuse" || button.intent === "unrecuse") {
    const result = await setRecusal(
      access,
      params.applicationId!,
      button.intent === "recuse",
      button.intent === "recuse" ? button.reason : "",
    );
    if (!result.ok)
      return json(
        { errors: { form: result.error } as Record<string, string>, values: null as FormValues | null },
        { status: 400 },
      );
    return redirectWithFlash(button.intent === "recuse" ? `/cohorts/${params.slug}/review` : here, {
      kind: "success",
      message: result.message,
    });
  }
  const result = await saveScores(access, params.applicationId!, parsed.values);
  if (!result.ok)
    return json({ errors: result.errors, values: result.values as FormValues | null }, { status: 400 });
  return redirectWithFlash(here, { kind: "success", message: result.message });
}

export default function ReviewApplication() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const saved: FormValues = {};
  if (d.mine) {
    for (const [criterionId, s] of Object.entries(d.mine.scores)) {
      saved[scoreField(criterionId)] = String(s.score);
      saved[scoreCommentField(criterionId)] = s.comment;
    }
    saved.comment = d.mine.comment;
  }
  const values = actionData?.values ?? saved;
  const a = d.application;
  return (
    <>
      <p>
        <Link to={`/cohorts/${d.cohort.slug}/review`}>← All applications</Link> ·{" "}
        <Link to={`/cohorts/${d.cohort.slug}/review?next=unscored`}>Next unscored</Link>
      </p>
      <h1>{a.label}</h1>
      {a.identity ? (
        <p className="applicant-identity">
          {a.identity.avatarUrl ? (
            <img src={a.identity.avatarUrl} alt="" width={32} height={32} className="avatar" />
          ) : null}{" "}
          @{a.identity.login}
          {a.identity.email ? <> · {a.identity.email}</> : null}
        </p>
      ) : (
        <p>
          <span className="badge badge-warn">Blind review</span> Name, login, e-mail and photo are hidden so
          you can judge the answers alone.
        </p>
      )}
      <p>
        {a.status === "withdrawn" ? (
          <span className="badge badge-bad">Withdrawn</span>
        ) : (
          <span className="badge">Submitted</span>
        )}{" "}
        {a.submittedAt ? (
          <>
            on <DateText value={a.submittedAt} timeZone={d.viewerZone} />
          </>
        ) : null}
      </p>

      <h2>Answers</h2>
      <dl className="answers">
        {a.answers.map((q) => (
          <div key={q.id}>
            <dt>
              {q.label} {q.sensitive ? <span className="badge badge-warn">sensitive</span> : null}
            </dt>
            <dd>
              {q.hidden ? (
                <em className="muted">Hidden: sensitive answers are visible to organizers only.</em>
              ) : q.html ? (
                <Markdown html={q.html} />
              ) : (
                q.text || <span className="muted">No answer</span>
              )}
            </dd>
          </div>
        ))}
        <div>
          <dt>Project preferences</dt>
          <dd>
            {a.anyProject ? "Any project" : ""}
            {a.anyProject && a.preferences.length ? " — " : ""}
            {a.preferences.map((p, i) => `${i + 1}. ${p}`).join(", ") || (a.anyProject ? "" : "—")}
          </dd>
        </div>
      </dl>
      <h2>Time</h2>
      <dl className="answers time-commitment">
        <div>
          <dt>Hours a week they wrote they can give</dt>
          <dd>{a.writtenHours ?? <span className="muted">Not answered</span>}</dd>
        </div>
        <div>
          <dt>Hours in their availability grid</dt>
          <dd>{a.hours}</dd>
        </div>
        <div>
          <dt>Other commitments</dt>
          <dd dir="auto">
            {a.commitments || <span className="muted">None given</span>}
            {a.commitmentHours !== null ? ` — ${a.commitmentHours} hours a week` : ""}
          </dd>
        </div>
        <div>
          <dt>The cohort asks for</dt>
          <dd>{d.cohort.weeklyHours ? `${d.cohort.weeklyHours} hours a week` : "no stated hours"}</dd>
        </div>
      </dl>
      <p className={a.time.flagged ? "badge badge-warn time-verdict" : "time-verdict"}>
        {a.time.flagged ? "⚠ " : ""}
        <strong>{a.time.label}:</strong> {a.time.message}
      </p>
      <details>
        <summary>
          Weekly availability: {a.hours} hours (shown in {d.viewerZone})
        </summary>
        <AvailabilityGrid localSlots={a.localSlots} timeZone={d.viewerZone} readOnly />
      </details>

      <h2>Your scores</h2>
      {d.phaseMessage ? <p>{d.phaseMessage}</p> : null}
      {d.mine?.state === "recused" ? (
        <section className="card">
          <p>
            You recused yourself from this application
            {d.mine.recusalReason ? `: “${d.mine.recusalReason}”` : ""}. Your score does not count.
          </p>
          <Form method="post">
            <button type="submit" name="intent" value="unrecuse" className="secondary">
              Withdraw my recusal
            </button>
          </Form>
        </section>
      ) : null}
      {d.canScore ? (
        <>
          <ErrorSummary
            errors={actionData?.errors}
            linkTo={(field) => {
              const criterion = d.rubric.find(
                (c) => scoreField(c.id) === field || scoreCommentField(c.id) === field,
              );
              if (criterion) return { label: criterion.name, href: `#field-${field}` };
              return field === "comment" ? { label: "Overall comment", href: "#field-comment" } : null;
            }}
          />
          {d.rubric.length === 0 ? <p>The organizers have not written a rubric yet.</p> : null}
          <Form method="post" className="stacked" noValidate aria-label="Score this application">
            {d.rubric.map((c) => {
              const name = scoreField(c.id);
              const current = valueOf(values, name);
              return (
                <fieldset
                  key={c.id}
                  className="field score"
                  aria-invalid={errors[name] ? true : undefined}
                  aria-describedby={errors[name] ? `${name}-error` : undefined}
                >
                  <legend>{c.name}</legend>
                  {c.description ? <span className="help">{c.description}</span> : null}
                  <span className="help">
                    1 — {c.lowAnchor} · 5 — {c.highAnchor}
                  </span>
                  <div className="actions" role="radiogroup" aria-label={`${c.name} score`}>
                    {[1, 2, 3, 4, 5].map((n) => (
                      <label key={n} className="choice">
                        <input
                          type="radio"
                          name={name}
                          value={n}
                          id={n === 1 ? `field-${name}` : undefined}
                          defaultChecked={current === String(n)}
                          aria-label={`${c.name}: ${n}`}
                        />{" "}
                        {n}
                      </label>
                    ))}
                  </div>
                  {errors[name] ? (
                    <p id={`${name}-error`} className="field-error">
                      {errors[name]}
                    </p>
                  ) : null}
                  <label htmlFor={`field-${scoreCommentField(c.id)}`} className="help">
                    Comment on {c.name} (optional)
                  </label>
                  <input
                    dir="auto"
                    id={`field-${scoreCommentField(c.id)}`}
                    name={scoreCommentField(c.id)}
                    defaultValue={valueOf(values, scoreCommentField(c.id))}
                  />
                  {errors[scoreCommentField(c.id)] ? (
                    <p className="field-error">{errors[scoreCommentField(c.id)]}</p>
                  ) : null}
                </fieldset>
              );
            })}
            <div className="field">
              <label htmlFor="field-comment">Overall comment (optional, Markdown)</label>
              <textarea
                dir="auto"
                id="field-comment"
                name="comment"
                rows={4}
                defaultValue={valueOf(values, "comment")}
              />
              {errors.comment ? <p className="field-error">{errors.comment}</p> : null}
            </div>
            <div className="actions">
              <button type="submit" name="intent" value="score">
                {d.mine?.state === "scored" ? "Update my scores" : "Save my scores"}
              </button>
            </div>
          </Form>
          {d.mine?.state !== "recused" ? (
            <details className="card" style={{ marginTop: "1.5rem" }}>
              <summary>I have a conflict of interest</summary>
              <Form method="post" className="stacked">
                <p>
                  If you know this applicant personally or cannot judge them fairly, recuse yourself: the
                  application leaves your queue and your score will not count.
                </p>
                <div className="field">
                  <label htmlFor="field-reason">Reason (optional, seen by organizers)</label>
                  <input dir="auto" id="field-reason" name="reason" />
                </div>
                <div className="actions">
                  <button type="submit" name="intent" value="recuse" className="secondary">
                    Recuse myself
                  </button>
                </div>
              </Form>
            </details>
          ) : null}
        </>
      ) : null}

      <h2>Other reviewers</h2>
      {d.others === null ? (
        <p className="muted">
          {d.othersCount} other review{d.othersCount === 1 ? "" : "s"}. Other reviewers’ scores and the
          average stay hidden until you have scored this application, so they do not sway you.
        </p>
      ) : (
        <>
          {d.aggregate ? (
            <p className="aggregate">
              <strong>Mean {formatScore(d.aggregate.mean)}</strong> · spread {formatScore(d.aggregate.spread)}{" "}
              · {d.aggregate.count} review{d.aggregate.count === 1 ? "" : "s"} counted
            </p>
          ) : null}
          {d.others.length === 0 ? (
            <p className="muted">Nobody else has reviewed this application yet.</p>
          ) : null}
          <ul className="reviews">
            {d.others.map((r, i) => (
              <li key={i} className="card">
                <strong>{r.reviewer}</strong>:{" "}
                {r.recused ? "recused (not counted)" : r.submitted ? formatScore(r.score) : "not finished"}
                {!r.recused && r.submitted ? (
                  <ul>
                    {d.rubric.map((c) =>
                      r.scores[c.id] ? (
                        <li key={c.id}>
                          {c.name}: {r.scores[c.id].score}
                          {r.scores[c.id].comment ? ` — ${r.scores[c.id].comment}` : ""}
                        </li>
                      ) : null,
                    )}
                  </ul>
                ) : null}
                {r.commentHtml ? <Markdown html={r.commentHtml} /> : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
