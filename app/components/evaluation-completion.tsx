// How many evaluations of each round are in, for the organizer's overview and a team's
// progress page.
import { Link } from "@remix-run/react";
import { DateText } from "~/components/dates";

export type EvaluationCompletionRow = {
  title: string;
  href: string;
  open?: boolean;
  dueAt: string;
  participants: { submitted: number; owed: number; late: number };
  navigators: { submitted: number; owed: number };
};

export function EvaluationCompletionTable({
  rows,
  timeZone,
}: {
  rows: EvaluationCompletionRow[];
  timeZone: string;
}) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Evaluations submitted per round">
      <table>
        <thead>
          <tr>
            <th scope="col">Round</th>
            <th scope="col">Due</th>
            <th scope="col">Participants submitted</th>
            <th scope="col">Navigators submitted</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.title}>
              <td>
                <Link to={e.href}>{e.title}</Link>
                {e.open === false ? <span className="muted"> (not open yet)</span> : null}
              </td>
              <td>
                <DateText value={e.dueAt} timeZone={timeZone} />
              </td>
              <td>
                {e.participants.submitted} of {e.participants.owed}
                {e.participants.late ? ` (${e.participants.late} late)` : ""}
              </td>
              <td>
                {e.navigators.submitted} of {e.navigators.owed}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
