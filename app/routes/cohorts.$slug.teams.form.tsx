import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useMemo, useState } from "react";
import { requireCohortRole } from "~/auth/permissions.server";
import { ErrorSummary } from "~/components/forms";
import { LeftWithoutTeam, PublishTeams } from "~/components/publish-teams";
import { utcToLocal } from "~/availability/slots";
import { decodeDraft, describeSlots, encodeDraft, evaluateDraft, moveInDraft } from "~/teams/draft";
import { SuggestionQualityLine } from "~/components/suggestion-quality";
import {
  loadPool,
  nothingToForm,
  publishTeams,
  suggestFor,
  type SuggestionQuality,
} from "~/teams/forming.server";
import { teamFormingForm } from "~/teams/team-forms";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseButton, valueOf } from "~/utils/forms";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Form teams — Cohort" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["organizer"]);
  const pool = await loadPool(access.cohort);
  return json({
    cohort: pool.cohort,
    input: pool.input,
    people: pool.people,
    projects: pool.projects,
    draft: encodeDraft(pool.published),
    viewerZone: access.person.timeZone,
    nothingToForm: nothingToForm(pool.input),
  });
}

type ActionData = { draft: string; message?: string; error?: string; quality?: SuggestionQuality };

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["organizer"]);
  const parsed = parseButton(teamFormingForm, await readForm(request));
  if (!parsed.ok)
    return json<ActionData>(
      { draft: encodeDraft(decodeDraft(valueOf(parsed.values, "draft"))), error: parsed.error },
      { status: 400 },
    );
  const input = parsed.data;
  const pool = await loadPool(access.cohort);
  const draft = decodeDraft(input.draft);
  if (input.intent === "suggest") {
    const nothing = nothingToForm(pool.input);
    if (nothing) return json<ActionData>({ draft: encodeDraft(draft), error: nothing }, { status: 400 });
    const { draft: suggested, evaluation, quality } = await suggestFor(pool);
    const message = `Suggested ${suggested.teams.length} teams placing ${evaluation.placed} of ${pool.input.participants.length} participants, sharing ${evaluation.sharedHours} hours a week in all. Nothing is saved until you publish.`;
    return json<ActionData>({ draft: encodeDraft(suggested), message, quality });
  }
  if (input.intent === "move")
    return json<ActionData>({ draft: encodeDraft(moveInDraft(pool.input, draft, input.person, input.to)) });
  const result = await publishTeams(access.person.id, access.cohort, draft, {
    acceptWarnings: input.acceptWarnings,
    origin: new URL(request.url).origin,
  });
  if (!result.ok)
    return json<ActionData>({ draft: encodeDraft(draft), error: result.error }, { status: 400 });
  return redirectWithFlash(`/cohorts/${access.cohort.slug}/teams/form`, {
    kind: "success",
    message: `Published ${result.teams} teams; ${result.notices} welcome notice${result.notices === 1 ? "" : "s"} queued.`,
  });
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export default function FormTeams() {
  const page = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  const [draft, setDraft] = useState(() => decodeDraft(data?.draft ?? page.draft));
  useEffect(() => {
    setDraft(decodeDraft(data?.draft ?? page.draft));
  }, [data, page.draft]);
  const evaluation = useMemo(() => evaluateDraft(page.input, draft), [page.input, draft]);
  const encoded = encodeDraft(draft);
  const byId = useMemo(() => new Map(page.people.map((p) => [p.id, p])), [page.people]);
  const projectName = new Map(page.projects.map((p) => [p.id, p.name]));
  const { rules } = page.cohort;
  const navigators = page.people.filter((p) => p.role === "navigator");
  const leading = new Set(draft.teams.map((t) => t.navigatorId));
  const busy = navigation.state !== "idle";
  // nobody to place or nobody to lead a team, and no teams published: nothing to form yet
  const nothingYet = page.nothingToForm !== null && draft.teams.length === 0;

  const moveTargets = (personId: string) => {
    const current =
      draft.teams.find((t) => t.participantIds.includes(personId) || t.captainId === personId)?.navigatorId ??
      "";
    return {
      current,
      options: navigators.map((n) => ({
        id: n.id,
        label: leading.has(n.id) ? `Team of ${n.name}` : `New team with ${n.name}`,
      })),
    };
  };

  const moveControl = (personId: string, name: string) => {
    const { current, options } = moveTargets(personId);
    return (
      <Form
        method="post"
        style={{ display: "flex", gap: ".4rem", alignItems: "center", margin: ".25rem 0 .5rem" }}
      >
        <input type="hidden" name="draft" value={encoded} />
        <input type="hidden" name="person" value={personId} />
        <label className="sr-only" htmlFor={`move-${personId}`}>
          Move {name} to
        </label>
        <select
          id={`move-${personId}`}
          name="to"
          value={current}
          onChange={(e) => setDraft((d) => moveInDraft(page.input, d, personId, e.target.value))}
          style={{ flex: "1 1 auto", minWidth: 0, width: "auto", padding: ".2rem .4rem" }}
        >
          <option value="">Not in a team</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>{" "}
        <button
          type="submit"
          name="intent"
          value="move"
          className="secondary"
          style={{ padding: ".2rem .7rem" }}
        >
          Move
        </button>
      </Form>
    );
  };

  const personLine = (id: string) => {
    const person = byId.get(id);
    if (!person) return null;
    return (
      <>
        {person.avatarUrl ? (
          <img src={person.avatarUrl} alt="" width={20} height={20} className="avatar" />
        ) : null}{" "}
        <strong>{person.name}</strong>{" "}
        <span className="muted">
          {person.timeZone} · {person.hours} h/week
          {person.role === "participant" ? (
            <>
              {" "}
              · {person.preferences.join(" › ")} · score{" "}
              {person.score === null ? "—" : person.score.toFixed(2)}
            </>
          ) : null}
          {person.role !== "participant" && person.projectName ? <> · {person.projectName}</> : null}
        </span>
      </>
    );
  };

  const intro = (
    <>
      <h1>Form teams</h1>
      <p>
        {plural(page.input.participants.length, "confirmed participant")},{" "}
        {plural(page.input.navigators.length, "navigator")} and{" "}
        {plural(page.input.captains.length, "captain")}. Each team needs {rules.teamSizeMin}–
        {rules.teamSizeMax} participants sharing at least {rules.minSharedHours} hours a week with their
        navigator, and at least {rules.captainMinSharedHours} hours with their captain.{" "}
        <Link to={`/cohorts/${page.cohort.slug}/appointments`}>Appoint navigators and captains</Link>.
      </p>
    </>
  );
  const feedback = (
    <>
      {data?.message ? (
        <p role="status" className="flash flash-info">
          {data.message}
        </p>
      ) : null}
      {data?.quality ? <SuggestionQualityLine quality={data.quality} /> : null}
      <ErrorSummary errors={data?.error ? { form: data.error } : null} />
    </>
  );
  if (nothingYet)
    return (
      <>
        {intro}
        {feedback}
        <p role="status" className="flash flash-info" data-testid="nothing-to-form">
          {page.nothingToForm}{" "}
          {page.input.participants.length === 0 ? (
            <Link to={`/cohorts/${page.cohort.slug}/decisions`}>See the decisions</Link>
          ) : (
            <Link to={`/cohorts/${page.cohort.slug}/appointments`}>Appoint navigators</Link>
          )}
          .
        </p>
      </>
    );

  return (
    <>
      {intro}
      <p className="muted">
        {page.cohort.teamsPublishedAt
          ? "Teams were published; changes here are saved only when you publish again."
          : "Nothing is saved until you publish."}
      </p>
      {feedback}
      <Form method="post" className="actions">
        <input type="hidden" name="draft" value={encoded} />
        <button type="submit" name="intent" value="suggest" disabled={busy}>
          Suggest teams
        </button>
      </Form>

      <h2>
        Draft: {draft.teams.length} teams, {evaluation.placed} participants placed, {evaluation.sharedHours}{" "}
        shared hours a week
      </h2>
      {encoded !== page.draft ? (
        <p className="actions">
          <span className="badge badge-info">Not published</span>
          <Link to={`/cohorts/${page.cohort.slug}/teams/form`}>
            {page.cohort.teamsPublishedAt
              ? "Discard changes and show the published teams"
              : "Discard this draft"}
          </Link>
        </p>
      ) : null}
      {evaluation.warningCount > 0 ? (
        <p className="badge badge-warn">
          {evaluation.warningCount} rule warning{evaluation.warningCount === 1 ? "" : "s"}
        </p>
      ) : null}
      <div className="cards">
        {evaluation.teams.map((team) => {
          const navigator = byId.get(team.navigatorId);
          const local = utcToLocal(team.sharedSlots, page.viewerZone);
          return (
            <article key={team.navigatorId} className="card" aria-label={`Team of ${navigator?.name}`}>
              <h3>Team of {navigator?.name}</h3>
              <p>
                {team.projectId ? projectName.get(team.projectId) : "No common project"} ·{" "}
                <span
                  className={
                    team.sharedHours >= rules.minSharedHours ? "badge badge-good" : "badge badge-bad"
                  }
                  data-testid="shared-hours"
                >
                  {team.sharedHours} shared hours
                </span>
              </p>
              <p className="muted">
                In {page.viewerZone}: {describeSlots(local, 4)}
              </p>
              <ul style={{ listStyle: "none", padding: 0 }}>
                <li>Navigator: {personLine(team.navigatorId)}</li>
                {team.captainId ? (
                  <li>
                    Captain: {personLine(team.captainId)}{" "}
                    <span className="muted">({team.captainSharedHours} h with the team)</span>
                    {moveControl(team.captainId, byId.get(team.captainId)?.name ?? "")}
                  </li>
                ) : null}
                {team.participantIds.map((id) => (
                  <li key={id}>
                    {personLine(id)}
                    {moveControl(id, byId.get(id)?.name ?? "")}
                  </li>
                ))}
              </ul>
              {team.warnings.length > 0 ? (
                <ul className="warnings" aria-label="Rule warnings">
                  {team.warnings.map((w) => (
                    <li key={w} className="field-error">
                      {w}
                    </li>
                  ))}
                </ul>
              ) : null}
            </article>
          );
        })}
      </div>

      <h2>Not in a team ({evaluation.leftOut.length})</h2>
      <LeftWithoutTeam
        people={evaluation.leftOut.map((p) => ({
          id: p.id,
          name: byId.get(p.id)?.name ?? p.id,
          role: p.role,
          reason: p.reason,
        }))}
      >
        {(id) => (byId.get(id)?.role !== "navigator" ? moveControl(id, byId.get(id)?.name ?? "") : null)}
      </LeftWithoutTeam>

      <h2>Publish</h2>
      <PublishTeams
        draft={encoded}
        busy={busy}
        summary={{
          teams: evaluation.teams.map((team) => ({
            name: `Team of ${byId.get(team.navigatorId)?.name ?? ""}`,
            navigator: byId.get(team.navigatorId)?.name ?? "",
            members: [
              ...(team.captainId ? [`${byId.get(team.captainId)?.name ?? ""} (captain)`] : []),
              ...team.participantIds.map((id) => byId.get(id)?.name ?? id),
            ],
          })),
          leftOut: evaluation.leftOut.map((p) => ({
            id: p.id,
            name: byId.get(p.id)?.name ?? p.id,
            role: p.role,
            reason: p.reason,
          })),
          warningCount: evaluation.warningCount,
          alreadyPublished: Boolean(page.cohort.teamsPublishedAt),
        }}
      />
    </>
  );
}
