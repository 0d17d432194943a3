// The charts read without JavaScript: SVG with a title and description, and the
// same numbers as a table for screen readers.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BarChart, LineChart } from "./charts";

describe("server-rendered charts", () => {
  it("draws stacked bars with a title, a description and a data table", () => {
    const html = renderToStaticMarkup(
      <BarChart
        title="Reflections by week"
        description="9 on time, 1 late"
        categories={[
          { label: "Week 1", values: [9, 1] },
          { label: "Week 2", values: [7, 0] },
        ]}
        series={[
          { name: "On time", color: "#2e7d4f" },
          { name: "Late", color: "#d98a00" },
        ]}
      />,
    );
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="[^"]+-t [^"]+-d"/);
    expect(html).toContain("<title id=");
    expect(html).toContain(">Reflections by week</title>");
    expect(html).toContain("<desc");
    expect((html.match(/<rect /g) ?? []).length).toBe(3); // zero-height bars are not drawn
    expect(html).toContain("<caption>Reflections by week</caption>");
    expect(html).toContain('<th scope="row">Week 1</th><td>9</td><td>1</td>');
  });

  it("leaves a gap in the line for a week without data, and says so in the table", () => {
    const html = renderToStaticMarkup(
      <LineChart
        title="Average confidence by week"
        description="d"
        max={5}
        valueName="Average confidence"
        points={[
          { label: "Week 1", value: 3 },
          { label: "Week 2", value: null },
          { label: "Week 3", value: 4 },
        ]}
      />,
    );
    expect((html.match(/<path /g) ?? []).length).toBe(2);
    expect((html.match(/<circle /g) ?? []).length).toBe(2);
    expect(html).toContain('<th scope="row">Week 2</th><td>no data</td>');
  });
});
