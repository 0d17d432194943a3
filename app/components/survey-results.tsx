// One survey question's results: a stacked bar per group (week, team, everyone)
// drawn on the server, with the same counts as a visible table; groups below three
// people are named as hidden. Free-text answers arrive as sanitized HTML.
import { LIKERT_LEVELS } from "~/surveys/rules";
import { BarChart, type Series } from "./charts";
import { Markdown } from "./markdown";

export type DistributionView = {
  group: string;
  respondents: number;
  answers: number;
  counts: number[];
  mean: number | null;
};
export type QuestionResultView = {
  key: string;
  label: string;
  type: "likert" | "text";
  groupings: { by: "week" | "team" | "everyone"; shown: DistributionView[]; hidden: string[] }[];
  texts: { group: string; html: string }[];
};

const COLORS = ["#b03a2e", "#e59866", "#aab7b8", "#5dade2", "#1f5fa8"];
const BY: Record<string, { title: string; column: string }> = {
  week: { title: "by week", column: "Week" },
  team: { title: "by team", column: "Team" },
  everyone: { title: "everyone", column: "Group" },
};

function hiddenSentence(hidden: string[]): string | null {
  if (hidden.length === 0) return null;
  const names = hidden.length === 1 ? hidden[0] : `${hidden.slice(0, -1).join(", ")} and ${hidden.at(-1)}`;
  return `${names} ${hidden.length === 1 ? "is" : "are"} not shown: fewer than three people answered, so their answers could be picked out.`;
}

const SERIES: Series[] = LIKERT_LEVELS.map((name, i) => ({ name: `${i + 1} — ${name}`, color: COLORS[i] }));

export function QuestionResults({ result }: { result: QuestionResultView }) {
  return (
    <section aria-labelledby={`q-${result.key}`} className="card">
      <h3 id={`q-${result.key}`} style={{ marginTop: 0 }}>
        {result.label}
      </h3>
      {result.groupings.map((g) => {
        const by = BY[g.by];
        const hidden = hiddenSentence(g.hidden);
        return (
          <div key={g.by}>
            {g.shown.length > 0 ? (
              <BarChart
                title={`“${result.label}”, ${by.title}`}
                description={g.shown
                  .map(
                    (d) =>
                      `${d.group}: ${d.answers} answers from ${d.respondents} people${d.mean === null ? "" : `, average ${d.mean} of 5`}`,
                  )
                  .join("; ")}
                categories={g.shown.map((d) => ({ label: d.group, values: d.counts }))}
                series={SERIES}
                categoryName={by.column}
                showTable
              />
            ) : (
              <p className="muted">No group {by.title} has answers from three or more people yet.</p>
            )}
            {hidden ? <p className="muted">{hidden}</p> : null}
          </div>
        );
      })}
      {result.type === "text" ? (
        result.texts.length === 0 ? (
          <p className="muted">No answers yet.</p>
        ) : (
          <>
            <p className="muted">Free-text answers are shown to organizers only, without names.</p>
            <ul className="survey-texts">
              {result.texts.map((t, i) => (
                <li key={i}>
                  {t.group ? <span className="muted">{t.group}: </span> : null}
                  <Markdown html={t.html} />
                </li>
              ))}
            </ul>
          </>
        )
      ) : null}
    </section>
  );
}
