import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { readForm } from "~/utils/request-body.server";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCohortRole } from "~/auth/permissions.server";
import { DateText } from "~/components/dates";
import { ErrorSummary, Field } from "~/components/forms";
import { getEvaluationsPage, saveRound } from "~/evaluations/evaluations.server";
import { roundForm } from "~/evaluations/forms";
import styles from "~/styles/progress.css";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, valueOf, type FormValues } from "~/utils/forms";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Evaluations — ${data.page.cohort.name}` : "Evaluations" },
];

const ROLES = ["organizer", "navigator", "participant"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ROLES);
  return json({ page: await getEvaluationsPage(access), timeZone: access.person.timeZone });
}

type ActionData = { errors: Record<string, string>; values: FormValues };

/** Organizers change a round or add one. */
export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["organizer"]);
  const parsed = parseForm(roundForm, await readForm(request));
  if (!parsed.ok) return json<ActionData>({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const saved = await saveRound(access, parsed.data);
  if (!saved.ok) return json<ActionData>({ errors: saved.errors, values: parsed.values }, { status: 400 });
  return redirectWithFlash(`/cohorts/${params.slug}/evaluations`, {
    kind: "success",
    message: saved.message,
  });
}

const pct = (n: number, d: number) => (d === 0 ? "—" : `${n} of ${d} (${Math.round((100 * n) / d)}%)`);
const STATUS: Record<string, string> = { todo: "Not started", draft: "Draft saved", submitted: "Submitted" };

export default function EvaluationsPage() {
  const { page, timeZone } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const editing = valueOf(data?.values, "roundId");
  return (
    <>
      <h1>Evaluations — {page.cohort.name}</h1>
      <p className="muted">
        Midway and at the end, participants evaluate their team, their navigator and their learning, and
        navigators evaluate each participant of their team.
      </p>
      {page.rounds.map((round) => (
        <section key={round.id} aria-labelledby={`round-${round.id}`} className="card">
          <h2 id={`round-${round.id}`} style={{ marginTop: 0 }}>
            {round.title}
          </h2>
          <p>
            {round.state === "closed" ? (
              <>
                <span className="badge">Closed</span> Week {round.afterWeek}: was open from{" "}
                <DateText value={round.opensAt} timeZone={timeZone} withTime />, due{" "}
                <DateText value={round.dueAt} timeZone={timeZone} withTime />, closed{" "}
                <DateText value={round.closesAt} timeZone={timeZone} withTime />.
              </>
            ) : (
              <>
                Week {round.afterWeek}: opens <DateText value={round.opensAt} timeZone={timeZone} withTime />,
                due <DateText value={round.dueAt} timeZone={timeZone} withTime />
                {round.open ? (
                  <>
                    {" "}
                    (late answers until <DateText value={round.closesAt} timeZone={timeZone} withTime />
                    ). <span className="badge badge-info">Open</span>
                  </>
                ) : (
                  "."
                )}
              </>
            )}
          </p>
          {round.own.length > 0 ? (
            <>
              <h3>Yours to write</h3>
              <ul>
                {round.own.map((o) => (
                  <li key={o.href}>
                    {o.about}:{" "}
                    <span className={`badge ${o.status === "submitted" ? "badge-good" : "badge-info"}`}>
                      {STATUS[o.status]}
                    </span>
                    {o.late ? (
                      <>
                        {" "}
                        <span className="badge badge-warn">Late</span>
                      </>
                    ) : null}{" "}
                    {round.open ? (
                      <Link to={o.href}>{o.status === "submitted" ? "Change it" : "Write it"}</Link>
                    ) : o.readHref ? (
                      <Link to={o.readHref}>Read it</Link>
                    ) : round.state === "closed" ? (
                      <span className="muted">
                        not submitted; the round closed{" "}
                        <DateText value={round.closesAt} timeZone={timeZone} />
                      </span>
                    ) : (
                      <span className="muted">
                        opens <DateText value={round.opensAt} timeZone={timeZone} />
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {round.sharedWithMe.length > 0 ? (
            <p>
              {round.sharedWithMe.map((s) => (
                <Link key={s.href} to={s.href}>
                  Read your navigator's evaluation of you
                </Link>
              ))}
            </p>
          ) : null}
          {round.navigatorView ? (
            <>
              <h3>Your team</h3>
              <p>
                Participants submitted:{" "}
                {pct(round.navigatorView.team.submitted, round.navigatorView.team.owed)}
                {round.navigatorView.team.late ? ` (${round.navigatorView.team.late} late)` : ""}.
              </p>
              <h3>What participants said about you</h3>
              {round.navigatorView.aboutMe.scales ? (
                <table>
                  <caption>
                    Averages across {round.navigatorView.aboutMe.respondents} participants (1 = disagree, 5 =
                    agree)
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Statement</th>
                      <th scope="col">Average</th>
                      <th scope="col">Answers</th>
                    </tr>
                  </thead>
                  <tbody>
                    {round.navigatorView.aboutMe.scales.map((s) => (
                      <tr key={s.key}>
                        <td>{s.label}</td>
                        <td>{s.mean}</td>
                        <td>{s.count}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <p className="muted">
                  Shown once at least three participants have answered (
                  {round.navigatorView.aboutMe.respondents} so far), so no one's answers can be picked out.
                </p>
              )}
            </>
          ) : null}
          {round.organizerView ? (
            <>
              <h3>Completion</h3>
              <dl className="facts">
                <dt>Participants</dt>
                <dd>
                  {pct(round.organizerView.participants.submitted, round.organizerView.participants.owed)}
                  {round.organizerView.participants.late
                    ? `, ${round.organizerView.participants.late} late`
                    : ""}
                  {round.organizerView.participants.drafts
                    ? `, ${round.organizerView.participants.drafts} drafts`
                    : ""}
                </dd>
                <dt>Navigators</dt>
                <dd>
                  {pct(round.organizerView.navigators.submitted, round.organizerView.navigators.owed)}
                  {round.organizerView.navigators.late ? `, ${round.organizerView.navigators.late} late` : ""}
                  {round.organizerView.navigators.drafts
                    ? `, ${round.organizerView.navigators.drafts} drafts`
                    : ""}
                </dd>
              </dl>
              {round.organizerView.submitted.length === 0 ? (
                <p className="muted">No evaluation submitted yet.</p>
              ) : (
                <div className="table-scroll" tabIndex={0} role="region" aria-label="Evaluation responses">
                  <table>
                    <caption className="sr-only">
                      Submitted evaluations of the {round.title.toLowerCase()}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">By</th>
                        <th scope="col">About</th>
                        <th scope="col">Submitted</th>
                        <th scope="col">Flag</th>
                        <th scope="col"></th>
                      </tr>
                    </thead>
                    <tbody>
                      {round.organizerView.submitted.map((s) => (
                        <tr key={s.id}>
                          <td>
                            {s.author} <span className="muted">({s.direction})</span>
                          </td>
                          <td>{s.about}</td>
                          <td>
                            {s.submittedAt ? <DateText value={s.submittedAt} timeZone={timeZone} /> : "—"}
                            {s.late ? (
                              <>
                                {" "}
                                <span className="badge badge-warn">Late</span>
                              </>
                            ) : null}
                          </td>
                          <td>
                            {s.flag ? <span className="badge badge-bad">{s.flag}</span> : null}
                            {s.shared ? <span className="badge badge-info">Shared</span> : null}
                          </td>
                          <td>
                            <Link to={s.href}>Read</Link>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              <details open={editing === round.id}>
                <summary>Change this round</summary>
                <RoundForm
                  id={round.id}
                  title={round.title}
                  afterWeek={round.afterWeek}
                  participantLines={round.organizerView.participantLines}
                  navigatorLines={round.organizerView.navigatorLines}
                  data={editing === round.id ? data : undefined}
                />
              </details>
            </>
          ) : null}
        </section>
      ))}
      {page.isOrganizer ? (
        <details open={Boolean(data && !editing)}>
          <summary>Add a round</summary>
          <RoundForm
            id=""
            title=""
            afterWeek={null}
            participantLines={page.rounds[0]?.organizerView?.participantLines ?? ""}
            navigatorLines={page.rounds[0]?.organizerView?.navigatorLines ?? ""}
            data={data && !editing ? data : undefined}
          />
        </details>
      ) : null}
    </>
  );
}

function RoundForm({
  id,
  title,
  afterWeek,
  participantLines,
  navigatorLines,
  data,
}: {
  id: string;
  title: string;
  afterWeek: number | null;
  participantLines: string;
  navigatorLines: string;
  data?: ActionData;
}) {
  const v = (key: string, fallback: string) => (data ? valueOf(data.values, key) : fallback);
  const fid = (name: string) => `${name}-${id || "new"}`;
  return (
    <Form method="post" className="stacked" noValidate>
      <ErrorSummary errors={data?.errors} />
      <input type="hidden" name="roundId" value={id} />
      <Field
        id={fid("title")}
        name="title"
        label="Title"
        defaultValue={v("title", title)}
        error={data?.errors.title}
      />
      <Field
        id={fid("afterWeek")}
        name="afterWeek"
        label="Week (opens when it starts, due when it ends)"
        type="number"
        min={1}
        defaultValue={v("afterWeek", afterWeek ? String(afterWeek) : "")}
        error={data?.errors.afterWeek}
      />
      <Field
        id={fid("participantQuestions")}
        name="participantQuestions"
        label="Participants' questions (about their team, navigator and learning), one per line"
        help="Start each line with “scale:” (1 to 5) or “text:”. “I would like to talk to an organizer” is always asked."
        multiline
        rows={5}
        defaultValue={v("participantQuestions", participantLines)}
        error={data?.errors.participantQuestions}
      />
      <Field
        id={fid("navigatorQuestions")}
        name="navigatorQuestions"
        label="Navigators' questions (about each participant), one per line"
        multiline
        rows={4}
        defaultValue={v("navigatorQuestions", navigatorLines)}
        error={data?.errors.navigatorQuestions}
      />
      <div className="actions">
        <button type="submit">{id ? "Save round" : "Add round"}</button>
      </div>
    </Form>
  );
}
