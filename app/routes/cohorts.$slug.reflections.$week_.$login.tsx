import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { COHORT_ROLES, requireCohortRole } from "~/auth/permissions.server";
import { DateText } from "~/components/dates";
import { ErrorSummary, Field } from "~/components/forms";
import { Markdown } from "~/components/markdown";
import { commentForm } from "~/reflections/forms";
import {
  addReflectionComment,
  getReflectionThread,
  parseWeek,
  replyContext,
} from "~/reflections/reflections.server";
import styles from "~/styles/progress.css";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, valueOf, type FormValues } from "~/utils/forms";
import { readForm } from "~/utils/request-body.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.thread.owner.name} — week ${data.thread.week} reflection` : "Reflection" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Any member of the cohort gets this far; the reflection's own rules decide (403 otherwise).
  const access = await requireCohortRole(request, params.slug, COHORT_ROLES);
  const thread = await getReflectionThread(
    access.person,
    params.slug!,
    parseWeek(params.week),
    params.login ?? "",
  );
  return json({ thread, timeZone: access.person.timeZone });
}

type ActionData = { errors?: Record<string, string>; values?: FormValues };

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, COHORT_ROLES);
  const week = parseWeek(params.week);
  // Who is asking comes before anything about the form.
  await replyContext(access.person, params.slug!, week, params.login ?? "");
  const parsed = parseForm(commentForm, await readForm(request));
  if (!parsed.ok) return json<ActionData>({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await addReflectionComment(
    access.person,
    params.slug!,
    week,
    params.login ?? "",
    parsed.data.body,
  );
  if (!result.ok)
    return json<ActionData>({ errors: { form: result.error }, values: parsed.values }, { status: 400 });
  return redirectWithFlash(`/cohorts/${params.slug}/reflections/${week}/${params.login}#replies`, {
    kind: "success",
    message: "Reply sent.",
  });
}

const CONFIDENCE = ["", "lost", "unsure", "getting there", "fairly confident", "confident"];

export default function ReflectionThread() {
  const { thread: t, timeZone } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const mine = t.access === "author";
  const r = t.reflection;
  return (
    <>
      <h1>{mine ? `Your week ${t.week} reflection` : `${t.owner.name} — week ${t.week} reflection`}</h1>
      <p className="muted">
        {t.owner.team ? <>{t.owner.team.name} · </> : null}@{t.owner.login} · due{" "}
        <DateText value={t.dueAt} timeZone={timeZone} withTime />
      </p>
      {!r ? (
        <p>
          {t.draftExists
            ? "A draft exists but has not been submitted yet."
            : "No reflection has been submitted for this week yet."}{" "}
          {mine && t.canEdit ? (
            <Link to={`/cohorts/${t.cohort.slug}/reflections/${t.week}`}>Write it</Link>
          ) : null}
        </p>
      ) : (
        <>
          <p>
            {r.status === "submitted" ? (
              <span className={`badge ${r.late ? "badge-warn" : "badge-good"}`}>
                {r.late ? "Submitted late" : "Submitted"}
              </span>
            ) : (
              <span className="badge badge-info">Draft — only you can see it</span>
            )}{" "}
            {r.submittedAt ? (
              <>
                on <DateText value={r.submittedAt} timeZone={timeZone} withTime />{" "}
              </>
            ) : null}
            {r.needsHelp ? <span className="badge badge-bad">Needs help</span> : null}{" "}
            {r.confidence ? (
              <span className="badge">
                Confidence {r.confidence}/5 — {CONFIDENCE[r.confidence]}
              </span>
            ) : null}{" "}
            {r.sharedWithTeam ? <span className="badge badge-info">Shared with the team</span> : null}{" "}
            {mine && t.canEdit ? (
              <Link to={`/cohorts/${t.cohort.slug}/reflections/${t.week}`}>Edit</Link>
            ) : null}
          </p>
          {r.answers.map((a) => (
            <section key={a.prompt} className="reflection-answer">
              <h2>{a.prompt}</h2>
              {a.empty ? <p className="muted">(no answer)</p> : <Markdown html={a.html} />}
            </section>
          ))}
        </>
      )}

      {r?.status === "submitted" ? (
        <section aria-labelledby="replies" id="replies-section">
          <h2 id="replies">Replies</h2>
          {t.comments.length === 0 ? (
            <p className="muted">No replies yet.</p>
          ) : (
            <ol className="thread">
              {t.comments.map((c) => (
                <li key={c.id} className={c.author.isParticipant ? "from-participant" : undefined}>
                  <p className="meta">
                    <strong>{c.author.name}</strong> ·{" "}
                    <DateText value={c.createdAt} timeZone={timeZone} withTime />
                  </p>
                  <Markdown html={c.html} />
                </li>
              ))}
            </ol>
          )}
          {t.canReply ? (
            // keyed on the number of replies so the box empties once a reply is sent
            <Form key={t.comments.length} method="post" className="stacked" noValidate>
              <ErrorSummary errors={data?.errors} />
              <Field
                name="body"
                label={mine ? "Reply" : `Reply to ${t.owner.name}`}
                multiline
                rows={4}
                defaultValue={valueOf(data?.values, "body")}
                error={data?.errors?.body}
                help="Markdown works here too."
              />
              <div className="actions">
                <button type="submit">Send reply</button>
              </div>
            </Form>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
