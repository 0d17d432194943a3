import { describe, expect, it } from "vitest";
import { randomPool, rng } from "../../tests/fixtures/team-pool";
import { brokenRules, firstFit } from "../../tests/fixtures/team-rules";
import { improveHours, meanSlots } from "./hours";
import { enumerateTeams, type Candidates } from "./optimize";
import { improve, prepare, toSuggestion, type SuggestInput } from "./suggest";

const placedOf = (c: Candidates, teams: number[]) =>
  new Set(teams.flatMap((k) => [...c.members.subarray(c.start[k], c.start[k + 1])]));

describe("the hours pass (decision 082)", () => {
  it("keeps as many people placed, never lowers the hours per team, and every team keeps the rules", () => {
    let roomy = 0;
    let raised = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const random = rng(seed * 31);
      const pool: SuggestInput = randomPool(
        seed + 900,
        60 + Math.floor(random() * 90),
        15 + Math.floor(random() * 25),
        4,
        undefined,
        [0.8, 1, 1.2][Math.floor(random() * 3)],
      );
      const p = prepare(pool);
      const c = enumerateTeams(p, 100_000);
      if (!c) continue; // too many valid teams: the page answers by the local search alone
      const start = firstFit(c, p.parts.length, p.navs.length);
      const teams = improveHours(c, p.parts.length, p.navs.length, start, {
        work: 2_000_000,
        stop: () => false,
      });
      expect(placedOf(c, teams).size, `seed ${seed}`).toBe(placedOf(c, start).size);
      expect(meanSlots(c, teams), `seed ${seed}`).toBeGreaterThanOrEqual(meanSlots(c, start));
      if (start.length >= 5) {
        roomy++;
        if (meanSlots(c, teams) > meanSlots(c, start)) raised++;
      }
      const navigators = teams.map((k) => c.nav[k]);
      expect(new Set(navigators).size, `seed ${seed}`).toBe(navigators.length);
      const suggestion = toSuggestion(
        improve(
          p,
          teams.map((k) => ({ t: c.nav[k], members: [...c.members.subarray(c.start[k], c.start[k + 1])] })),
          0,
        ),
        p,
      );
      expect(suggestion.placed, `seed ${seed}`).toBe(placedOf(c, start).size);
      expect(brokenRules(pool, suggestion), `seed ${seed}`).toEqual([]);
    }
    // from a first-fit start, the pass finds more hours on nearly every pool of five teams or more
    expect(roomy).toBeGreaterThan(15);
    expect(raised).toBeGreaterThanOrEqual(0.9 * roomy);
  }, 60_000);
});
