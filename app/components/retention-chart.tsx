// The retention curve: share still contributing at 1, 3, 6 and 12 months after the
// end, one line per group, drawn as SVG on the server, with the same numbers in a
// visible table beside it (the table is the record; the chart is a picture of it).
import { useId } from "react";

export type RetentionSeries = {
  label: string;
  /** per mark: share 0..1, null when nobody has reached the mark */
  points: {
    mark: number;
    share: number | null;
    active?: number | null;
    eligible?: number | null;
    /** past the mark but not read yet: neither counted in nor out */
    unchecked?: number;
  }[];
  dashed?: boolean;
  /** drawn with hollow points: a comparison group, not the cohort's own alumni */
  hollow?: boolean;
};

const COLORS = ["#1f6feb", "#2e7d4f", "#b35900", "#8250df", "#cf222e", "#0a7d8c"];
const W = 560;
const H = 240;
const PAD = { top: 12, right: 16, bottom: 34, left: 44 };

export function shareText(share: number | null): string {
  return share === null ? "—" : `${Math.round(share * 100)}%`;
}

/** "(2 of 3, 1 still to be checked)", "(nobody past it yet)", or nothing for a published baseline. */
function countText(p: RetentionSeries["points"][number]): string {
  const toCheck = p.unchecked ? `${p.unchecked} still to be checked` : "";
  if (p.eligible === 0) return toCheck ? ` (${toCheck})` : " (nobody past it yet)";
  if (p.eligible == null || p.active == null) return "";
  return ` (${p.active} of ${p.eligible}${toCheck ? `, ${toCheck}` : ""})`;
}

export function RetentionChart({
  title,
  series,
  marks = [1, 3, 6, 12],
}: {
  title: string;
  series: RetentionSeries[];
  marks?: number[];
}) {
  const id = useId();
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (marks.length === 1 ? plotW / 2 : (i * plotW) / (marks.length - 1));
  const y = (share: number) => PAD.top + plotH - share * plotH;
  return (
    <figure className="chart retention-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${id}-t`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-t`}>{title}</title>
        {[0, 0.25, 0.5, 0.75, 1].map((t) => (
          <g key={t} className="axis">
            <line x1={PAD.left} x2={PAD.left + plotW} y1={y(t)} y2={y(t)} stroke="#ddd" />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" fontSize="11" fill="#555">
              {Math.round(t * 100)}%
            </text>
          </g>
        ))}
        {marks.map((m, i) => (
          <text key={m} x={x(i)} y={H - PAD.bottom + 16} textAnchor="middle" fontSize="11" fill="#333">
            {m} mo
          </text>
        ))}
        {series.map((s, si) => {
          const color = COLORS[si % COLORS.length];
          let d = "";
          let pen = false;
          marks.forEach((m, i) => {
            const p = s.points.find((q) => q.mark === m);
            if (!p || p.share === null) {
              pen = false;
              return;
            }
            d += `${pen ? "L" : "M"}${x(i).toFixed(1)},${y(p.share).toFixed(1)} `;
            pen = true;
          });
          return (
            <g key={s.label} data-series={s.label}>
              {d ? (
                <path
                  d={d}
                  fill="none"
                  stroke={color}
                  strokeWidth="2.5"
                  strokeDasharray={s.dashed ? "6 4" : s.hollow ? "2 3" : undefined}
                />
              ) : null}
              {marks.map((m, i) => {
                const p = s.points.find((q) => q.mark === m);
                if (!p || p.share === null) return null;
                return (
                  <circle
                    key={m}
                    cx={x(i)}
                    cy={y(p.share)}
                    r="4"
                    fill={s.hollow ? "#fff" : color}
                    stroke={color}
                    strokeWidth={s.hollow ? 2 : 0}
                    data-mark={m}
                    data-share={p.share.toFixed(3)}
                  >
                    <title>{`${s.label}, ${m} months: ${shareText(p.share)}`}</title>
                  </circle>
                );
              })}
            </g>
          );
        })}
      </svg>
      <ul className="chart-legend">
        {series.map((s, si) => (
          <li key={s.label}>
            <svg width="28" height="12" aria-hidden="true" focusable="false">
              <line
                x1="1"
                x2="27"
                y1="6"
                y2="6"
                stroke={COLORS[si % COLORS.length]}
                strokeWidth="2.5"
                strokeDasharray={s.dashed ? "6 4" : s.hollow ? "2 3" : undefined}
              />
              <circle
                cx="14"
                cy="6"
                r="3.5"
                fill={s.hollow ? "#fff" : COLORS[si % COLORS.length]}
                stroke={COLORS[si % COLORS.length]}
                strokeWidth="1.5"
              />
            </svg>{" "}
            {s.label}
            {s.dashed ? " (baseline, dashed)" : s.hollow ? " (dotted, hollow points)" : ""}
          </li>
        ))}
      </ul>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Retention, as a table">
        <table className="retention-table">
          <caption>{title}: share still contributing (people past the mark)</caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              {marks.map((m) => (
                <th key={m} scope="col">
                  {m} month{m === 1 ? "" : "s"}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {series.map((s) => (
              <tr key={s.label} data-series={s.label}>
                <th scope="row">{s.label}</th>
                {marks.map((m) => {
                  const p = s.points.find((q) => q.mark === m);
                  const share = p?.share ?? null;
                  return (
                    <td key={m} data-mark={m} data-share={share === null ? "" : share.toFixed(3)}>
                      {shareText(share)}
                      {p ? <small className="muted">{countText(p)}</small> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
