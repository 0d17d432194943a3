import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SuggestionQualityLine, type SuggestionQualityProps } from "./suggestion-quality";

/** The line's text as a reader sees it. */
const line = (quality: SuggestionQualityProps["quality"]) =>
  renderToStaticMarkup(<SuggestionQualityLine quality={quality} />).replace(/<[^>]+>/g, "");

describe("how good a team suggestion is", () => {
  it("says how many of the most possible it places, the hours its teams share, and when no one could do better", () => {
    const proven = line({ placed: 251, bound: 251, proven: true, hoursPerTeam: 5.5394, hoursProven: true });
    expect(proven).toBe(
      "This suggestion places 251 of the 251 participants who could be placed at most: no assignment keeping the rules places more. " +
        "Its teams share 5.5 hours a week on average, the most any suggestion placing as many can share. Each person left out below says why.",
    );
    const open = line({ placed: 260, bound: 265, proven: false, hoursPerTeam: 5.1733, hoursProven: false });
    expect(open).toContain(
      "places 260 of the 265 participants who could be placed at most (98%; the most is a proven upper bound, not always reachable).",
    );
    expect(open).toContain("Its teams share 5.2 hours a week on average. Each person");
    const nobody = line({ placed: 0, bound: 0, proven: true, hoursPerTeam: 0, hoursProven: false });
    expect(nobody).toBe(
      "No assignment keeping the rules can place anyone in a team. Each person left out below says why.",
    );
  });
});
