import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireCohortRole } from "~/auth/permissions.server";
import { PhaseError } from "~/cohorts/phase";
import { DateText } from "~/components/dates";
import { ExternalLink } from "~/components/external-link";
import { ErrorSummary, Field, PendingButton } from "~/components/forms";
import { Markdown } from "~/components/markdown";
import { PreReviewedBadge, PullStatusBadge } from "~/components/pull-request-card";
import {
  addIssueByUrl,
  claimIssue,
  curateIssue,
  getIssueBoard,
  reassignClaim,
  releaseClaim,
} from "~/issues/board.server";
import {
  addIssueForm,
  claimForm,
  curateForm,
  DIFFICULTIES,
  DIFFICULTY_LABELS,
  reassignForm,
  releaseForm,
  issueButtonForm,
} from "~/issues/forms";
import { Pager } from "~/components/pager";
import { redirectWithFlash } from "~/utils/flash.server";
import { pageParam } from "~/utils/pagination";
import { parseButton, parseForm, valueOf, type FormValues } from "~/utils/forms";
import { readForm } from "~/utils/request-body.server";
import { keptPageData } from "~/utils/kept-pages.server";

export const meta: MetaFunction = () => [{ title: "Starter issues — Cohort" }];

const ROLES = ["organizer", "navigator", "captain", "participant"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ROLES);
  const url = new URL(request.url);
  const pages: Record<string, number> = {};
  for (const key of url.searchParams.keys())
    if (key.startsWith("page-")) pages[key.slice("page-".length)] = pageParam(url, key);
  return json(
    await keptPageData("issues", access.person.id, request, () =>
      getIssueBoard(access, {
        project: url.searchParams.get("project") ?? undefined,
        show: url.searchParams.get("show") ?? undefined,
        pages,
      }),
    ),
  );
}

type ActionData = { intent: string; target?: string; errors?: Record<string, string>; values?: FormValues };

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ROLES);
  const formData = await readForm(request);
  const button = parseButton(issueButtonForm, formData);
  if (!button.ok)
    return json<ActionData>({ intent: "", errors: { form: button.error }, values: {} }, { status: 400 });
  const intent = button.data.intent;
  const back = `/cohorts/${params.slug}/issues${new URL(request.url).search}`;
  const fail = (errors: Record<string, string>, values: FormValues, target?: string) =>
    json<ActionData>({ intent, target, errors, values }, { status: 400 });
  try {
    switch (intent) {
      case "curate": {
        const parsed = parseForm(curateForm, formData);
        if (!parsed.ok) return fail(parsed.errors, parsed.values, valueOf(parsed.values, "issueId"));
        const result = await curateIssue(access, parsed.data);
        if (!result.ok)
          return fail({ [result.field ?? "form"]: result.error }, parsed.values, parsed.data.issueId);
        return redirectWithFlash(back, { kind: "success", message: result.message });
      }
      case "claim": {
        const parsed = parseForm(claimForm, formData);
        if (!parsed.ok) return fail(parsed.errors, parsed.values);
        const result = await claimIssue(access, parsed.data.issueId);
        if (!result.ok) return fail({ form: result.error }, parsed.values, parsed.data.issueId);
        return redirectWithFlash(back, { kind: "success", message: result.message });
      }
      case "release": {
        const parsed = parseForm(releaseForm, formData);
        if (!parsed.ok) return fail(parsed.errors, parsed.values);
        const result = await releaseClaim(access, parsed.data.claimId);
        if (!result.ok) return fail({ form: result.error }, parsed.values);
        return redirectWithFlash(back, { kind: "success", message: result.message });
      }
      case "reassign": {
        const parsed = parseForm(reassignForm, formData);
        if (!parsed.ok) return fail(parsed.errors, parsed.values, valueOf(parsed.values, "claimId"));
        const result = await reassignClaim(access, parsed.data.claimId, parsed.data.personId);
        if (!result.ok)
          return fail({ [result.field ?? "form"]: result.error }, parsed.values, parsed.data.claimId);
        return redirectWithFlash(back, { kind: "success", message: result.message });
      }
      case "add": {
        const parsed = parseForm(addIssueForm, formData);
        if (!parsed.ok) return fail(parsed.errors, parsed.values, "add");
        const result = await addIssueByUrl(access, parsed.data);
        if (!result.ok) return fail({ [result.field ?? "form"]: result.error }, parsed.values, "add");
        return redirectWithFlash(back, { kind: "success", message: result.message });
      }
      default:
        return fail({ form: "Unknown action." }, {});
    }
  } catch (error) {
    if (error instanceof PhaseError) return fail({ form: error.message }, {});
    throw error;
  }
}

type Board = ReturnType<typeof useLoaderData<typeof loader>>;
type Card = Board["projects"][number]["issues"][number];

export default function IssueBoard() {
  const board = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const pageError = data?.errors && !data.target ? data.errors : null;
  return (
    <>
      <h1>Starter issues</h1>
      <p className="muted">
        {board.viewer.canCurate
          ? "Recommend issues for a team, say how hard they are and where to start, and hide the ones that are not good first issues."
          : "Claim an issue before you start on it: one person per issue. Your navigator's notes say where to start."}{" "}
        A claim without a linked pull request after {board.cohort.staleClaimDays} days is flagged stale.{" "}
        <Link to={`/cohorts/${board.cohort.slug}/pulls`}>Linked pull requests →</Link>
      </p>
      <ErrorSummary errors={pageError} />
      <nav aria-label="Projects" className="filters">
        <Link to="?">All projects</Link>
        {board.projects.length > 0 ? " · " : null}
        {board.projects.map((p, i) => (
          <span key={p.id}>
            {i > 0 ? " · " : null}
            <Link to={`?project=${p.slug}`}>{p.name}</Link>
          </span>
        ))}
        {" · "}
        <Link to="?show=all">Include closed</Link>
      </nav>
      {board.projects.map((project) => (
        <section key={project.id} aria-labelledby={`project-${project.slug}`}>
          <h2 id={`project-${project.slug}`}>
            {project.name}{" "}
            {project.mine ? <span className="badge badge-info">your team's project</span> : null}
          </h2>
          <p className="muted">
            Sources:{" "}
            {[...project.repositories.map((r) => `GitHub ${r}`), ...(project.hasTrac ? ["Trac"] : [])].join(
              ", ",
            ) || "none"}{" "}
            · {project.issuesPage.total} issues
          </p>
          {project.issues.length === 0 ? (
            <p>
              No starter issues yet.{" "}
              {board.viewer.canCurate
                ? "Add one by its address below, or ask an organizer to sync."
                : "Your navigator is curating them."}
            </p>
          ) : null}
          <div className="issue-list">
            {project.issues.map((issue) => (
              <IssueCard
                key={issue.id}
                issue={issue}
                board={board}
                data={data?.target === issue.id || data?.target === issue.claim?.id ? data : undefined}
                busy={busy}
              />
            ))}
          </div>
          {project.issuesPage.pages > 1 ? (
            <Pager page={project.issuesPage} noun={`${project.name} issues`} param={project.pageParam} />
          ) : null}
          {board.viewer.canCurate ? (
            // keyed on the issue count so the address field empties once an issue is added
            <AddIssue
              key={project.issuesPage.total}
              project={project}
              data={
                data?.target === "add" && valueOf(data.values, "projectId") === project.id ? data : undefined
              }
            />
          ) : null}
        </section>
      ))}
    </>
  );
}

function AddIssue({
  project,
  data,
}: {
  project: { id: string; slug: string; name: string; tracUrl: string | null; repositories: string[] };
  data?: ActionData;
}) {
  const examples = [
    ...(project.repositories.length > 0
      ? [
          `a GitHub issue of ${project.repositories.join(" or ")} (https://github.com/${project.repositories[0]}/issues/123)`,
        ]
      : []),
    ...(project.tracUrl ? [`a Trac ticket (${project.tracUrl.replace(/\/$/, "")}/ticket/35678)`] : []),
  ];
  return (
    <Form method="post" className="stacked add-issue" noValidate>
      <input type="hidden" name="projectId" value={project.id} />
      <Field
        id={`add-url-${project.slug}`}
        name="url"
        label={`Add a ${project.name} issue by its address`}
        help={
          examples.length > 0
            ? `The address of ${examples.join(", or ")}.`
            : "This project has no GitHub repository or Trac tracker yet; an organizer adds them on the project page."
        }
        defaultValue={valueOf(data?.values, "url")}
        error={data?.errors?.url ?? data?.errors?.form ?? data?.errors?.projectId}
      />
      <div className="actions">
        <PendingButton
          value="add"
          pendingLabel="Reading the issue…"
          isMine={(fd) => fd.get("projectId") === project.id}
        >
          Add issue
        </PendingButton>
      </div>
    </Form>
  );
}

function IssueCard({
  issue,
  board,
  data,
  busy,
}: {
  issue: Card;
  board: Board;
  data?: ActionData;
  busy: boolean;
}) {
  const claim = issue.claim;
  const curation = issue.curation;
  const tz = board.viewer.timeZone;
  const labelId = `issue-${issue.id}`;
  return (
    <article
      className={`card issue-card${curation?.hidden ? " hidden-issue" : ""}`}
      aria-labelledby={labelId}
    >
      <h3 id={labelId} style={{ marginTop: 0 }}>
        <ExternalLink href={issue.url}>{issue.title}</ExternalLink>{" "}
        <span className="muted">{issue.source === "trac" ? `Trac ${issue.key}` : issue.key}</span>
      </h3>
      <p>
        {issue.state === "closed" ? <span className="badge badge-bad">Closed upstream</span> : null}{" "}
        {curation?.recommendedTeam ? (
          <span className="badge badge-good">Recommended for {curation.recommendedTeam.name}</span>
        ) : null}{" "}
        {curation?.difficulty ? (
          <span className="badge">
            {DIFFICULTY_LABELS[curation.difficulty as keyof typeof DIFFICULTY_LABELS] ?? curation.difficulty}
          </span>
        ) : null}{" "}
        {curation?.hidden ? <span className="badge badge-warn">Hidden from participants</span> : null}{" "}
        {issue.labels.map((l) => (
          <span key={l} className="badge label">
            {l}
          </span>
        ))}
      </p>
      {curation?.noteHtml ? (
        <div className="curation-note">
          <Markdown html={curation.noteHtml} />
          {curation.curatedBy ? <p className="muted">— {curation.curatedBy}</p> : null}
        </div>
      ) : null}
      {claim ? (
        <p>
          {claim.inThisCohort ? (
            <>
              Claimed by <strong>{claim.mine ? "you" : claim.personName}</strong> on{" "}
              <DateText value={claim.claimedAt} timeZone={tz} />
              {claim.pulls.map((pr) => (
                <span key={pr.name}>
                  {" · "}
                  <ExternalLink href={pr.url}>{pr.name}</ExternalLink>{" "}
                  <PullStatusBadge status={pr.status} label={pr.statusLabel} />
                  {pr.preReviewedBy ? (
                    <>
                      {" "}
                      <PreReviewedBadge by={pr.preReviewedBy} />
                    </>
                  ) : null}
                </span>
              ))}
              {claim.linkedPulls > claim.pulls.length
                ? ` · ${claim.linkedPulls - claim.pulls.length} more linked pull requests`
                : ""}{" "}
              {claim.stale ? (
                <span className="badge badge-warn">
                  Stale: no pull request after {board.cohort.staleClaimDays} days
                </span>
              ) : null}
            </>
          ) : (
            <>Claimed in another cohort: someone is already working on it.</>
          )}
        </p>
      ) : null}
      {data?.errors?.form ? (
        <p className="field-error" role="alert">
          {data.errors.form}
        </p>
      ) : null}
      <div className="issue-actions">
        {board.viewer.isParticipant && !claim && issue.state === "open" ? (
          <Form method="post">
            <input type="hidden" name="issueId" value={issue.id} />
            <button type="submit" name="intent" value="claim" disabled={busy}>
              Claim this issue
            </button>
          </Form>
        ) : null}
        {claim && claim.inThisCohort && (claim.mine || claim.manageable) ? (
          <Form method="post">
            <input type="hidden" name="claimId" value={claim.id} />
            <button type="submit" name="intent" value="release" className="link-button">
              {claim.mine ? "Release my claim" : `Release ${claim.personName}'s claim`}
            </button>
          </Form>
        ) : null}
      </div>
      {claim && claim.inThisCohort && claim.manageable ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="claimId" value={claim.id} />
          <label htmlFor={`reassign-${claim.id}`}>Reassign to</label>{" "}
          <select id={`reassign-${claim.id}`} name="personId" defaultValue="">
            <option value="">Choose a participant…</option>
            {board.participants
              .filter(
                (p) =>
                  p.login !== claim.personLogin && (board.viewer.isOrganizer || p.teamId === claim.teamId),
              )
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
          </select>{" "}
          <button type="submit" name="intent" value="reassign">
            Reassign
          </button>
          {data?.errors?.personId ? <p className="field-error">{data.errors.personId}</p> : null}
        </Form>
      ) : null}
      {board.viewer.canCurate ? (
        <details open={Boolean(data?.errors)}>
          <summary>Curate</summary>
          <Form method="post" className="stacked" noValidate>
            <input type="hidden" name="issueId" value={issue.id} />
            <div className="field">
              <label htmlFor={`team-${issue.id}`}>Recommend for</label>
              <select
                id={`team-${issue.id}`}
                name="recommendedTeamId"
                defaultValue={
                  data ? valueOf(data.values, "recommendedTeamId") : (curation?.recommendedTeamId ?? "")
                }
              >
                <option value="">No team</option>
                {/* only the teams working on this issue's project (the server holds to the same) */}
                {board.teams
                  .filter((t) => t.projectId === issue.projectId)
                  .map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
              </select>
              {board.teams.some((t) => t.projectId === issue.projectId) ? null : (
                <p className="help">No team of this cohort works on this issue’s project.</p>
              )}
              {data?.errors?.recommendedTeamId ? (
                <p className="field-error">{data.errors.recommendedTeamId}</p>
              ) : null}
            </div>
            <div className="field">
              <label htmlFor={`difficulty-${issue.id}`}>Difficulty</label>
              <select
                id={`difficulty-${issue.id}`}
                name="difficulty"
                defaultValue={data ? valueOf(data.values, "difficulty") : (curation?.difficulty ?? "")}
              >
                <option value="">Not rated</option>
                {DIFFICULTIES.map((d) => (
                  <option key={d} value={d}>
                    {DIFFICULTY_LABELS[d]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`note-${issue.id}`}>
                Why it is a good first issue, and where to start in the code
              </label>
              <textarea
                dir="auto"
                id={`note-${issue.id}`}
                name="note"
                rows={3}
                defaultValue={data ? valueOf(data.values, "note") : (curation?.note ?? "")}
              />
              {data?.errors?.note ? <p className="field-error">{data.errors.note}</p> : null}
            </div>
            <div className="field">
              <label>
                <input
                  type="checkbox"
                  name="hidden"
                  value="on"
                  defaultChecked={
                    data ? valueOf(data.values, "hidden") === "on" : (curation?.hidden ?? false)
                  }
                />{" "}
                Hide from participants (not a good first issue)
              </label>
            </div>
            <div className="actions">
              <button type="submit" name="intent" value="curate">
                Save curation
              </button>
            </div>
          </Form>
        </details>
      ) : null}
    </article>
  );
}
