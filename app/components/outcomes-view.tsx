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
      hollow: r.group === "comparison",
      points: r.marks.map((m) => ({
        mark: m.mark,
        share: m.share,
        active: m.active,
        eligible: m.eligible,
        unchecked: m.unchecked,
      })),
    })),
    ...page.baselines.map((b) => ({
      label: b.label,
      dashed: true,
      points: b.marks.map((m) => ({ mark: m.mark, share: m.share, eligible: m.eligible })),
    })),
  ];
  const toCheck = page.rows.flatMap((r) => {
    const pending = r.marks.filter((m) => m.unchecked > 0);
    if (pending.length === 0) return [];
    return [
      {
        label: r.label,
        text: pending
          .map(
            (m) =>
              `${m.unchecked} ${m.unchecked === 1 ? "person" : "people"} at ${m.mark} month${m.mark === 1 ? "" : "s"}`,
          )
          .join(", "),
      },
    ];
  });
  return (
    <>
      <RetentionChart title={title} series={series} />
      <p className="muted">
        Still contributing at a mark: at least one pull request opened or merged, review given, or issue
        touched in the project's repositories (or a Trac ticket reported or owned) since the previous mark.
        Each mark counts only the people who have reached it and whose activity at it has been read.{" "}
        {page.optedOut > 0
          ? `${page.optedOut} alumn${page.optedOut === 1 ? "us" : "i"} opted out of being followed and ${page.optedOut === 1 ? "is" : "are"} left out of every figure.`
          : "Nobody has opted out."}
      </p>
      {toCheck.length > 0 ? (
        <p className="notice" data-testid="still-to-check">
          Still to be checked:{" "}
          {toCheck.map((t, i) => (
            <span key={t.label}>
              {i > 0 ? "; " : ""}
              {t.label}: {t.text}
            </span>
          ))}
          . The scheduled sync reads each mark once; until then those people are in neither the count nor the
          share.
        </p>
      ) : null}
      {page.rows.some((r) => r.group === "comparison") ? (
        <p className="muted">
          Comparison group: people whose first merged pull request into the cohort's project repositories came
          during the cohort and who were in no cohort, followed at the same marks with the same GitHub
          searches. Trac tickets are counted only for alumni who gave their Trac username.
        </p>
      ) : null}
      <p className="muted">Baseline: {citation}</p>
    </>
  );
}
