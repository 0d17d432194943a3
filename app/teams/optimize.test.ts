import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { randomPool, rng } from "../../tests/fixtures/team-pool";
import { brokenRules, mostPlaceable } from "../../tests/fixtures/team-rules";
import { suggestOptimizedTeams, upperBound } from "./optimize";
import { suggestTeams, type SuggestInput, type Suggestion } from "./suggest";

describe("team suggestions with a bound (decisions 080, 081)", () => {
  it("places exactly as many as an exhaustive search on small cohorts, and says so", async () => {
    // The local search alone missed the optimum in 14 of these 150 cohorts (decision 020).
    for (let seed = 1; seed <= 150; seed++) {
      const random = rng(seed * 13);
      const busy = [0.6, 1, 1.5][Math.floor(random() * 3)];
      const pool = randomPool(
        seed + 5000,
        8 + Math.floor(random() * 9),
        2 + Math.floor(random() * 4),
        0,
        undefined,
        busy,
      );
      const result = await suggestOptimizedTeams(pool);
      const most = mostPlaceable(pool);
      expect(result.placed, `seed ${seed}`).toBe(most);
      expect(result.bound, `seed ${seed}`).toBe(most);
      expect(result.proven, `seed ${seed}`).toBe(true);
      expect(result.cutShort, `seed ${seed}`).toBe(false);
      expect(brokenRules(pool, result), `seed ${seed}`).toEqual([]);
    }
  }, 120_000);

  it("never places more than its bound, and every team keeps the rules, on random cohorts", async () => {
    const shape = fc.record({
      seed: fc.integer({ min: 1, max: 1_000_000 }),
      participants: fc.integer({ min: 0, max: 40 }),
      navigators: fc.integer({ min: 1, max: 12 }),
      captains: fc.integer({ min: 0, max: 4 }),
      busy: fc.constantFrom(0.5, 1, 1.5),
      teamSizeMin: fc.integer({ min: 1, max: 3 }),
      extra: fc.integer({ min: 0, max: 2 }),
      minSharedHours: fc.constantFrom(2, 3, 5, 6),
    });
    await fc.assert(
      fc.asyncProperty(shape, async (s) => {
        const pool: SuggestInput = randomPool(
          s.seed,
          s.participants,
          s.navigators,
          s.captains,
          undefined,
          s.busy,
        );
        pool.rules = {
          teamSizeMin: s.teamSizeMin,
          teamSizeMax: s.teamSizeMin + s.extra,
          minSharedHours: s.minSharedHours,
          captainMinSharedHours: 2,
        };
        const result = await suggestOptimizedTeams(pool);
        expect(brokenRules(pool, result)).toEqual([]);
        expect(result.placed).toBeLessThanOrEqual(result.bound);
        const bound = await upperBound(pool);
        expect(result.placed).toBeLessThanOrEqual(bound.bound);
        if (s.participants <= 14 && s.navigators <= 5)
          expect(mostPlaceable(pool)).toBeLessThanOrEqual(bound.bound);
      }),
      { numRuns: 60, seed: 17 },
    );
  }, 120_000);

  it("cut short by its time limit, a suggestion on a busy 300-person cohort says so and still keeps the rules", async () => {
    // busy pool 2 of the bench; 1 ms leaves each step only its first round (decision 084)
    const pool = randomPool(2, 300, 80, 20, undefined, 1);
    const result = await suggestOptimizedTeams(pool, { timeLimitMs: 1 });
    expect(result.cutShort).toBe(true);
    expect(brokenRules(pool, result)).toEqual([]);
    expect(result.placed).toBeGreaterThan(0);
    expect(result.placed).toBeLessThanOrEqual(result.bound);
  }, 60_000);

  it("places more people than the local search alone on a busy cohort, within the rules", async () => {
    const pool = randomPool(2, 120, 32, 8, undefined, 1);
    const before = (await import("./suggest")).suggestTeams(pool);
    const after = await suggestOptimizedTeams(pool);
    expect(brokenRules(pool, after)).toEqual([]);
    expect(after.placed).toBeGreaterThan(before.placed);
    expect(after.placed).toBeLessThanOrEqual(after.bound);
  }, 60_000);

  it("places at least 98% of the most possible on a busy 300-person cohort, the same way every time, within the rules, with more hours per team after the hours pass and the most possible for that many placed", async () => {
    // busy pool 1 of the bench: the set-packing LP bounds it at 251 (an exact MILP reaches 251)
    const pool = randomPool(1, 300, 80, 20, undefined, 1);
    const result = await suggestOptimizedTeams(pool, { timeLimitMs: 60_000 });
    expect(result.candidates).toBeGreaterThan(5000); // the neighbourhood search, not the small-cohort MILP
    expect(result.cutShort).toBe(false);
    expect(result.bound).toBe(251);
    expect(result.placed).toBeGreaterThanOrEqual(Math.ceil(0.98 * result.bound));
    expect(brokenRules(pool, result)).toEqual([]);
    // deterministic: the budget is counted in work, not time
    await new Promise((resolve) => setTimeout(resolve, 0)); // let the test runner's messages through between two long computations
    const again = await suggestOptimizedTeams(pool, { timeLimitMs: 60_000 });
    expect(again.draft).toEqual(result.draft);
    // the hours pass (decision 082) places nobody fewer and raises the hours each team shares
    await new Promise((resolve) => setTimeout(resolve, 0));
    const withoutHours = await suggestOptimizedTeams(pool, { timeLimitMs: 60_000, hoursWork: 0 });
    const perTeam = (s: typeof result) => s.sharedHours / s.draft.teams.length;
    expect(result.placed).toBeGreaterThanOrEqual(withoutHours.placed);
    expect(perTeam(result)).toBeGreaterThan(perTeam(withoutHours));
    // the hours LP (decision 083) proves no suggestion placing 251 shares more hours per
    // team: 5.54 (an exact MILP over all 44,072 valid teams agrees), above the 5.51 of
    // the local search of decision 020, which places 30 fewer
    expect(result.hoursProven).toBe(true);
    expect(withoutHours.hoursProven).toBe(false);
    expect(perTeam(result)).toBeCloseTo(5.54, 2);
  }, 240_000);

  it("shares more hours per team than the local search of decision 020 on a busy 300-person cohort where the hours LP stays fractional, placing at least 98% of the most possible (decision 084)", async () => {
    // busy pool 2 of the bench: at most 257 can be placed (the bench's bound with cuts);
    // the local search of decision 020 places 222 there at 5.40 hours per team
    const pool = randomPool(2, 300, 80, 20, undefined, 1);
    const result = await suggestOptimizedTeams(pool, { timeLimitMs: 60_000 });
    const perTeam = (s: Suggestion) => s.sharedHours / s.draft.teams.length;
    expect(result.placed).toBeGreaterThanOrEqual(Math.ceil(0.98 * 257));
    expect(brokenRules(pool, result)).toEqual([]);
    const local = suggestTeams(pool);
    expect(perTeam(result)).toBeGreaterThan(perTeam(local));
    // the hours LP is fractional there: without the dive the suggestion kept the hours
    // pass's 5.31 (decision 083); the dive and the search after it give 5.53
    expect(result.hoursProven).toBe(false);
    expect(perTeam(result)).toBeCloseTo(5.53, 2);
  }, 120_000);
});
