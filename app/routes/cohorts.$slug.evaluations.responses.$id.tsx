import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { readForm } from "~/utils/request-body.server";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireCohortRole } from "~/auth/permissions.server";
import { DateText } from "~/components/dates";
import { Markdown } from "~/components/markdown";
import { getEvaluationResponse, responsePath, shareEvaluation } from "~/evaluations/evaluations.server";
import { shareForm } from "~/evaluations/forms";
import styles from "~/styles/progress.css";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.r.round.title} by ${data.r.author} — ${data.r.cohort.name}` : "Evaluation" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Finer rules (organizers; the author; the participant once shared) are in getEvaluationResponse.
  const access = await requireCohortRole(request, params.slug, ["organizer", "navigator", "participant"]);
  return json({ r: await getEvaluationResponse(access, params.id!), timeZone: access.person.timeZone });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["organizer"]);
  const parsed = parseForm(shareForm, await readForm(request));
  if (!parsed.ok)
    return redirectWithFlash(responsePath(params.slug!, params.id!), {
      kind: "error",
      message: parsed.errors.intent ?? "Choose share or stop sharing.",
    });
  const message = await shareEvaluation(access, params.id!, parsed.data.intent === "share");
  return redirectWithFlash(responsePath(params.slug!, params.id!), { kind: "success", message });
}

export default function EvaluationResponsePage() {
  const { r, timeZone } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>
        {r.round.title} by {r.author}
      </h1>
      <p>
        About {r.about}.{" "}
        {r.submittedAt ? (
          <>
            Submitted <DateText value={r.submittedAt} timeZone={timeZone} withTime />.
          </>
        ) : (
          <span className="badge badge-info">Draft</span>
        )}{" "}
        {r.late ? <span className="badge badge-warn">Late</span> : null}{" "}
        {r.flag ? <span className="badge badge-bad">Needs attention: {r.flag}</span> : null}
      </p>
      <dl className="facts">
        {r.answers.map((a) => (
          <div key={a.label}>
            <dt>{a.label}</dt>
            <dd>
              {a.type === "scale" ? (
                a.value ? (
                  `${a.value} of 5`
                ) : (
                  "—"
                )
              ) : a.html ? (
                <Markdown html={a.html} />
              ) : (
                "—"
              )}
            </dd>
          </div>
        ))}
        <dt>Would like to talk to an organizer</dt>
        <dd>{r.wantsToTalk ? "Yes" : "No"}</dd>
      </dl>
      {r.canShare ? (
        <Form method="post">
          <p>
            {r.shared
              ? "Shared with the participant."
              : "Only the organizers and the navigator who wrote it can read this."}
          </p>
          <button
            type="submit"
            name="intent"
            value={r.shared ? "unshare" : "share"}
            className={r.shared ? "secondary" : undefined}
          >
            {r.shared ? "Stop sharing with the participant" : "Share with the participant"}
          </button>
        </Form>
      ) : null}
      <p>
        <Link to={`/cohorts/${r.cohort.slug}/evaluations`}>All evaluations</Link>
      </p>
    </>
  );
}
