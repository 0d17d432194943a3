import { Link } from "@remix-run/react";
import { DateText } from "./dates";

export type DueEvaluationView = {
  cohort: { slug: string; name: string };
  roundId: string;
  title: string;
  dueAt: string | Date;
  late: boolean;
  status: "todo" | "draft";
  about: string;
  href: string;
};

/** "Evaluations due": shown on the home page and the participant's week. */
export function DueEvaluations({
  items,
  timeZone,
  showCohort = false,
}: {
  items: DueEvaluationView[];
  timeZone: string;
  showCohort?: boolean;
}) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="due-evaluations" className="card">
      <h2 id="due-evaluations" style={{ marginTop: 0 }}>
        Evaluations due
      </h2>
      <ul>
        {items.map((e) => (
          <li key={e.href}>
            <Link to={e.href}>
              {e.title}
              {showCohort ? ` (${e.cohort.name})` : ""} — about {e.about}
            </Link>{" "}
            {e.late ? <span className="badge badge-bad">Late</span> : null}{" "}
            {e.status === "draft" ? <span className="badge badge-info">Draft saved</span> : null}{" "}
            <span className="muted">
              due <DateText value={e.dueAt} timeZone={timeZone} withTime />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
