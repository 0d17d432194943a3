import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DateText, DayText } from "./dates";

describe("dates on the page", () => {
  it("shows a cohort's start day as the same day in every time zone", () => {
    const startsOn = new Date("2027-01-06T00:00:00Z");
    expect(renderToStaticMarkup(<DayText value={startsOn} />)).toBe(
      '<time dateTime="2027-01-06">6 Jan 2027</time>',
    );
    // an instant, by contrast, is shown in the viewer's zone: UTC midnight is still 5 January in São Paulo
    expect(renderToStaticMarkup(<DateText value={startsOn} timeZone="America/Sao_Paulo" />)).toContain(
      "5 Jan 2027",
    );
  });
});
