// The retention curve's table and SVG show the same numbers.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RetentionChart } from "./retention-chart";

describe("retention chart", () => {
  it("draws one point per known share and the table says the same share for every mark, for alumni, a comparison group and a baseline", () => {
    const html = renderToStaticMarkup(
      <RetentionChart
        title="Retention"
        series={[
          {
            label: "Session 4",
            points: [
              { mark: 1, share: 2 / 3, active: 2, eligible: 3 },
              { mark: 3, share: 1 / 3, active: 1, eligible: 3 },
              { mark: 6, share: null, active: 0, eligible: 0 },
              { mark: 12, share: null, active: 0, eligible: 0 },
            ],
          },
          {
            label: "Newcomers not in a cohort",
            hollow: true,
            points: [
              { mark: 1, share: 0.25, active: 1, eligible: 4, unchecked: 0 },
              { mark: 3, share: 0.5, active: 1, eligible: 2, unchecked: 2 },
              { mark: 6, share: null, active: 0, eligible: 0, unchecked: 4 },
              { mark: 12, share: null, active: 0, eligible: 0, unchecked: 0 },
            ],
          },
          {
            label: "GSoC newcomers",
            dashed: true,
            points: [
              { mark: 1, share: 0.4 },
              { mark: 3, share: null },
              { mark: 6, share: null },
              { mark: 12, share: 0.15 },
            ],
          },
        ]}
      />,
    );
    const svg = html.slice(html.indexOf("<svg"), html.indexOf("</svg>"));
    const table = html.slice(html.indexOf("<table"));
    const fromSvg = [...svg.matchAll(/data-series="([^"]+)"[\s\S]*?(?=data-series=|$)/g)].flatMap((m) =>
      [...m[0].matchAll(/<circle[^>]*data-mark="(\d+)"[^>]*data-share="([\d.]+)"/g)].map(
        (c) => `${m[1]}@${c[1]}=${c[2]}`,
      ),
    );
    const fromTable = [...table.matchAll(/<tr data-series="([^"]+)">([\s\S]*?)<\/tr>/g)].flatMap((m) =>
      [...m[2].matchAll(/data-mark="(\d+)" data-share="([\d.]*)"/g)]
        .filter((c) => c[2] !== "")
        .map((c) => `${m[1]}@${c[1]}=${c[2]}`),
    );
    expect(fromSvg.sort()).toEqual(fromTable.sort());
    expect(fromTable.sort()).toEqual(
      [
        "GSoC newcomers@1=0.400",
        "GSoC newcomers@12=0.150",
        "Session 4@1=0.667",
        "Session 4@3=0.333",
        "Newcomers not in a cohort@1=0.250",
        "Newcomers not in a cohort@3=0.500",
      ].sort(),
    );
    expect(table).toContain("67%");
    expect(table).toContain("(2 of 3)");
    expect(table).toContain("nobody past it yet");
    // people past a mark but not read yet are said, not counted
    expect(table).toContain("(1 of 2, 2 still to be checked)");
    expect(table).toContain("(4 still to be checked)");
  });
});
