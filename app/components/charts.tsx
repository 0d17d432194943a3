// Charts drawn as SVG on the server: readable without JavaScript. Each has a
// <title> and <desc> for its accessible name, and the same numbers as a table
// that screen readers read (visually hidden; the chart's legend carries the colours).
import { useId } from "react";

export type Series = { name: string; color: string };

const WIDTH = 560;
const HEIGHT = 220;
const PAD = { top: 12, right: 12, bottom: 34, left: 36 };

function niceMax(max: number): number {
  if (max <= 5) return 5;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= max) return step * magnitude;
  return 10 * magnitude;
}

function ticks(max: number, count = 5): number[] {
  return Array.from({ length: count + 1 }, (_, i) => Math.round(((max * i) / count) * 10) / 10);
}

function Legend({ series }: { series: Series[] }) {
  return (
    <ul className="chart-legend" aria-hidden="true">
      {series.map((s) => (
        <li key={s.name}>
          <span className="swatch" style={{ background: s.color }} /> {s.name}
        </li>
      ))}
    </ul>
  );
}

function Axes({
  max,
  plotH,
  plotW,
  format,
}: {
  max: number;
  plotH: number;
  plotW: number;
  format?: (n: number) => string;
}) {
  return (
    <g className="axis">
      {ticks(max).map((t) => {
        const y = PAD.top + plotH - (t / max) * plotH;
        return (
          <g key={t}>
            <line x1={PAD.left} x2={PAD.left + plotW} y1={y} y2={y} stroke="#ddd" />
            <text x={PAD.left - 6} y={y + 4} textAnchor="end" fontSize="11" fill="#555">
              {format ? format(t) : t}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** Stacked (or grouped) bars per category, e.g. reflections per week by state. */
export function BarChart({
  title,
  description,
  categories,
  series,
  mode = "stacked",
  categoryName = "Week",
  showTable = false,
}: {
  title: string;
  description: string;
  categories: { label: string; values: number[] }[];
  series: Series[];
  mode?: "stacked" | "grouped";
  /** the heading of the table's first column */
  categoryName?: string;
  /** show the data table to everyone, not only to screen readers */
  showTable?: boolean;
}) {
  const id = useId();
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const rawMax = Math.max(
    1,
    ...categories.map((c) =>
      mode === "stacked" ? c.values.reduce((a, b) => a + b, 0) : Math.max(0, ...c.values),
    ),
  );
  const max = niceMax(rawMax);
  const band = plotW / Math.max(1, categories.length);
  const barW = Math.min(48, band * 0.6);
  return (
    <figure className="chart">
      <figcaption aria-hidden="true">{title}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{description}</desc>
        <Axes max={max} plotH={plotH} plotW={plotW} />
        {categories.map((c, ci) => {
          const x0 = PAD.left + ci * band + (band - barW) / 2;
          let stack = 0;
          return (
            <g key={c.label}>
              {c.values.map((v, si) => {
                const h = (v / max) * plotH;
                if (mode === "stacked") {
                  const y = PAD.top + plotH - stack - h;
                  stack += h;
                  return v > 0 ? (
                    <rect key={si} x={x0} y={y} width={barW} height={h} fill={series[si]?.color}>
                      <title>{`${c.label}: ${v} ${series[si]?.name.toLowerCase()}`}</title>
                    </rect>
                  ) : null;
                }
                const w = barW / c.values.length;
                return (
                  <rect
                    key={si}
                    x={x0 + si * w}
                    y={PAD.top + plotH - h}
                    width={w - 1}
                    height={h}
                    fill={series[si]?.color}
                  >
                    <title>{`${c.label}: ${v} ${series[si]?.name.toLowerCase()}`}</title>
                  </rect>
                );
              })}
              <text
                x={x0 + barW / 2}
                y={HEIGHT - PAD.bottom + 16}
                textAnchor="middle"
                fontSize="11"
                fill="#333"
              >
                {c.label}
              </text>
            </g>
          );
        })}
      </svg>
      <Legend series={series} />
      <table className={showTable ? "chart-table" : "sr-only"}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{categoryName}</th>
            {series.map((s) => (
              <th key={s.name} scope="col">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {categories.map((c) => (
            <tr key={c.label}>
              <th scope="row">{c.label}</th>
              {c.values.map((v, i) => (
                <td key={i}>{v}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** A line over categories with gaps where there is no value, e.g. average confidence per week. */
export function LineChart({
  title,
  description,
  points,
  min = 0,
  max,
  color = "#1f6feb",
  valueName,
  format,
}: {
  title: string;
  description: string;
  points: { label: string; value: number | null; note?: string }[];
  min?: number;
  max: number;
  color?: string;
  valueName: string;
  format?: (n: number) => string;
}) {
  const id = useId();
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const band = plotW / Math.max(1, points.length);
  const xy = points.map((p, i) => ({
    ...p,
    x: PAD.left + i * band + band / 2,
    y: p.value === null ? null : PAD.top + plotH - ((p.value - min) / (max - min)) * plotH,
  }));
  const segments: string[] = [];
  let current = "";
  for (const p of xy) {
    if (p.y === null) {
      if (current) segments.push(current);
      current = "";
    } else current += `${current ? "L" : "M"}${p.x.toFixed(1)},${p.y.toFixed(1)} `;
  }
  if (current) segments.push(current);
  return (
    <figure className="chart">
      <figcaption aria-hidden="true">{title}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{description}</desc>
        <Axes max={max} plotH={plotH} plotW={plotW} format={format} />
        {segments.map((d, i) => (
          <path key={i} d={d} fill="none" stroke={color} strokeWidth="2.5" />
        ))}
        {xy.map((p) => (
          <g key={p.label}>
            {p.y !== null ? (
              <circle cx={p.x} cy={p.y} r="4" fill={color}>
                <title>{`${p.label}: ${p.value}`}</title>
              </circle>
            ) : null}
            <text x={p.x} y={HEIGHT - PAD.bottom + 16} textAnchor="middle" fontSize="11" fill="#333">
              {p.label}
            </text>
          </g>
        ))}
      </svg>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Week</th>
            <th scope="col">{valueName}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.label}>
              <th scope="row">{p.label}</th>
              <td>
                {p.value === null ? "no data" : p.value}
                {p.note ? ` (${p.note})` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** A tiny confidence trend for a table cell: 1–5 per week, gaps for no reflection. */
export function Sparkline({ values, label }: { values: (number | null)[]; label: string }) {
  const w = 80;
  const h = 22;
  const step = values.length > 1 ? (w - 6) / (values.length - 1) : 0;
  const pts = values.map((v, i) =>
    v === null ? null : { x: 3 + i * step, y: h - 3 - ((v - 1) / 4) * (h - 6) },
  );
  let d = "";
  let pen = false;
  for (const p of pts) {
    if (!p) {
      pen = false;
      continue;
    }
    d += `${pen ? "L" : "M"}${p.x.toFixed(1)},${p.y.toFixed(1)} `;
    pen = true;
  }
  return (
    <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label} className="sparkline">
      <title>{label}</title>
      <path d={d} fill="none" stroke="#1f6feb" strokeWidth="1.5" />
      {pts.map((p, i) => (p ? <circle key={i} cx={p.x} cy={p.y} r="2" fill="#1f6feb" /> : null))}
    </svg>
  );
}
