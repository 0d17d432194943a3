// The "Publish teams" confirmation and what happens to the people left without a
// team. Kept apart from the team-forming page so that page can change freely.
import { Form } from "@remix-run/react";

export type PublishTeamsSummary = {
  teams: { name: string; navigator: string; members: string[] }[];
  leftOut: { id: string; name: string; role: string; reason: string }[];
  warningCount: number;
  alreadyPublished: boolean;
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** What happens next to each person left without a team, in words an organizer can pass on. */
export function nextStepFor(role: string): string {
  if (role === "participant") {
    return "Stays a confirmed participant without a team and gets no welcome notice. Move them into a team here and publish again (they then get their welcome), or write to them yourself.";
  }
  if (role === "captain")
    return "Stays a captain without a team and gets no welcome notice; move them into a team and publish again to give them one.";
  return "Keeps the navigator role but leads no team this time; they get no welcome notice.";
}

export function LeftWithoutTeam({
  people,
  children,
}: {
  people: PublishTeamsSummary["leftOut"];
  children?: (id: string) => React.ReactNode;
}) {
  if (people.length === 0) return <p>Everyone is in a team.</p>;
  return (
    <ul style={{ listStyle: "none", padding: 0 }} aria-label="Left without a team">
      {people.map((person) => (
        <li key={person.id} className="card">
          <strong>{person.name}</strong> <span className="badge">{person.role}</span>
          <br />
          Why: <span>{person.reason}</span>
          <br />
          What happens next: <span>{nextStepFor(person.role)}</span>
          {children?.(person.id)}
        </li>
      ))}
    </ul>
  );
}

export function PublishTeams({
  summary,
  draft,
  busy,
}: {
  summary: PublishTeamsSummary;
  draft: string;
  busy: boolean;
}) {
  const members = summary.teams.reduce((n, t) => n + t.members.length + 1, 0);
  const participantsLeft = summary.leftOut.filter((p) => p.role === "participant");
  return (
    <Form method="post" className="card stacked" aria-label="Publish teams">
      <input type="hidden" name="draft" value={draft} />
      <p>
        Publishing saves {plural(summary.teams.length, "team")} and sends a welcome notice (team, navigator,
        meeting time, links and a private calendar feed) to each of their {members} members
        {summary.alreadyPublished ? " who has not been welcomed to that team before" : ""}:
      </p>
      <ul>
        {summary.teams.map((t) => (
          <li key={t.navigator}>
            {t.name}: {t.navigator} (navigator){t.members.length ? `, ${t.members.join(", ")}` : ""}.
          </li>
        ))}
      </ul>
      {summary.warningCount > 0 || participantsLeft.length > 0 ? (
        <ul className="warnings" aria-label="Before you publish teams">
          {participantsLeft.length > 0 ? (
            <li>
              <strong>{plural(participantsLeft.length, "participant")} left without a team</strong> (
              {participantsLeft.map((p) => p.name).join(", ")}): they get no welcome notice; see “Not in a
              team” above for why and what happens next.
            </li>
          ) : null}
          {summary.warningCount > 0 ? (
            <li>
              <strong>{plural(summary.warningCount, "rule warning")}</strong> on the teams above.
            </li>
          ) : null}
        </ul>
      ) : null}
      {summary.warningCount > 0 ? (
        <label className="choice">
          <input type="checkbox" name="acceptWarnings" /> Publish despite the warnings
        </label>
      ) : null}
      <label className="choice">
        <input type="checkbox" name="confirm" value="on" required /> I have read who gets a welcome notice;
        publish the teams now.
      </label>
      <div className="actions">
        <button type="submit" name="intent" value="publish" disabled={busy || summary.teams.length === 0}>
          Publish teams
        </button>
      </div>
    </Form>
  );
}
