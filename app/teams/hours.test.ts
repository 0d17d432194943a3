import { describe, expect, it } from "vitest";
import { randomPool, rng } from "../../tests/fixtures/team-pool";
import { brokenRules, firstFit } from "../../tests/fixtures/team-rules";
import { improveHours, meanSlots } from "./hours";
import { enumerateTeams, type Candidates } from "./optimize";
import { improve, prepare, toSuggestion, type Prepared, type SuggestInput } from "./suggest";

const placedOf = (c: Candidates, teams: number[]) =>
  new Set(teams.flatMap((k) => [...c.members.subarray(c.start[k], c.start[k + 1])]));

/** Random cohorts of 60–150 participants whose valid teams can be listed. */
function* cohorts(offset: number, mix: number) {
  for (let seed = 1; seed <= 40; seed++) {
    const random = rng(seed * mix);
    const pool: SuggestInput = randomPool(
      seed + offset,
      60 + Math.floor(random() * 90),
      15 + Math.floor(random() * 25),
      4,
      undefined,
      [0.8, 1, 1.2][Math.floor(random() * 3)],
    );
    const p = prepare(pool);
    const c = enumerateTeams(p, 100_000);
    // too many valid teams: the page answers by the local search alone
    if (c) yield { seed, pool, p, c };
  }
}

/** The suggestion the organizer's page would show for these teams. */
const asSuggestion = (p: Prepared, c: Candidates, teams: number[]) =>
  toSuggestion(
    improve(
      p,
      teams.map((k) => ({ t: c.nav[k], members: [...c.members.subarray(c.start[k], c.start[k + 1])] })),
      0,
    ),
    p,
  );

describe("the hours pass (decision 082)", () => {
  it("keeps as many people placed, never lowers the hours per team, and every team keeps the rules", () => {
    let roomy = 0;
    let raised = 0;
    for (const { seed, pool, p, c } of cohorts(900, 31)) {
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
      const suggestion = asSuggestion(p, c, teams);
      expect(suggestion.placed, `seed ${seed}`).toBe(placedOf(c, start).size);
      expect(brokenRules(pool, suggestion), `seed ${seed}`).toEqual([]);
    }
    // from a first-fit start, the pass finds more hours on nearly every pool of five teams or more
    expect(roomy).toBeGreaterThan(15);
    expect(raised).toBeGreaterThanOrEqual(0.9 * roomy);
  }, 60_000);

  it("places people again when asked to place more (decision 084): nobody twice, every team keeps the rules", () => {
    let tried = 0;
    let reached = 0;
    for (const { seed, pool, p, c } of cohorts(1900, 37)) {
      const full = firstFit(c, p.parts.length, p.navs.length, true);
      // as a dive leaves it, a few people fewer placed: up to three teams lose a member
      const key = (t: number, members: number[]) => `${t}:${members.join(",")}`;
      const byKey = new Map<string, number>();
      for (let k = 0; k < c.count; k++)
        byKey.set(key(c.nav[k], [...c.members.subarray(c.start[k], c.start[k + 1])]), k);
      let dropped = 0;
      const start = full.map((k) => {
        const members = [...c.members.subarray(c.start[k], c.start[k + 1])];
        if (dropped === 3 || members.length <= pool.rules.teamSizeMin) return k;
        dropped++;
        return byKey.get(key(c.nav[k], members.slice(1)))!;
      });
      if (dropped === 0) continue;
      const wanted = placedOf(c, full).size;
      tried++;
      const teams = improveHours(c, p.parts.length, p.navs.length, start, {
        work: 2_000_000,
        stop: () => false,
        place: wanted,
      });
      const people = teams.flatMap((k) => [...c.members.subarray(c.start[k], c.start[k + 1])]);
      expect(new Set(people).size, `seed ${seed}`).toBe(people.length);
      expect(new Set(teams.map((k) => c.nav[k])).size, `seed ${seed}`).toBe(teams.length);
      expect(people.length, `seed ${seed}`).toBeGreaterThanOrEqual(placedOf(c, start).size);
      expect(people.length, `seed ${seed}`).toBeLessThanOrEqual(wanted);
      if (people.length === wanted) reached++;
      const suggestion = asSuggestion(p, c, teams);
      expect(brokenRules(pool, suggestion), `seed ${seed}`).toEqual([]);
    }
    // it places them again on nearly every pool
    expect(tried).toBeGreaterThan(15);
    expect(reached).toBeGreaterThanOrEqual(0.9 * tried);
  }, 60_000);
});
