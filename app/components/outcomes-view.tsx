// The outcome figures as a page section: the retention curve with its table, the
// baselines it is read against, and how many people are left out and why.
import type { OutcomesPage } from "~/outcomes/figures.server";
import { RetentionChart } from "./retention-chart";

type Serialized<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Serialized<U>[]
    : T extends object
      ? { [K in keyof T]: Serialized<T[K]> }
      : T;

export function OutcomeFigures({
  page,
  citation,
  title,
}: {
  page: Serialized<OutcomesPage>;
  citation: string;
  title: string;
}) {
  const series = [
    ...page.rows.map((r) => ({
      label: r.label,
      points: r.marks.map((m) => ({ mark: m.mark, share: m.share, active: m.active, eligible: m.eligible })),
    })),
    ...page.baselines.map((b) => ({
      label: b.label,
      dashed: true,
      points: b.marks.map((m) => ({ mark: m.mark, share: m.share, eligible: m.eligible })),
    })),
  ];
  return (
    <>
      <RetentionChart title={title} series={series} />
      <p className="muted">
        Still contributing at a mark: at least one pull request opened or merged, review given, or issue
        touched in the project's repositories since the previous mark. Each mark counts only the people who
        have reached it.{" "}
        {page.optedOut > 0
          ? `${page.optedOut} alumn${page.optedOut === 1 ? "us" : "i"} opted out of being followed and ${page.optedOut === 1 ? "is" : "are"} left out of every figure.`
          : "Nobody has opted out."}
      </p>
      <p className="muted">Baseline: {citation}</p>
    </>
  );
}
