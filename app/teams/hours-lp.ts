// The hours LP (decision 083). After the search and the hours pass, with as many
// people placed as they found (P), the suggester asks HiGHS for the most shared hours
// per team over every valid team: the LP relaxation of "choose disjoint teams placing
// at least P people, maximise the sum of (shared slots - the current mean slots)"
// (Dinkelbach's method for the mean), solved by column generation. When its optimum
// is not above zero, no suggestion placing P people has more hours per team: the
// hours are proven the best possible. When the LP's answer is whole and better, it is
// taken, and the LP is solved again at the new mean. When it is fractional, a dive on
// the same LP (decision 084) lets people go unplaced at a small cost, fixes the teams
// with the largest fractions a few at a time, prices in the teams that became worth
// more, and solves again until the answer is whole: teams sharing many hours that
// place a few people fewer. The search (counting hours from its first step, or if
// that falls short, placed people first) and the hours pass place as many again; that
// answer is taken when it shares more hours per team. So this step never places fewer
// people nor lowers the hours per team.
import { columnSet, eachNavigatorsBest } from "./column-set";
import { improveHours, meanSlots } from "./hours";
import { repack } from "./repack";
import type { Candidates, Highs } from "./optimize";

export type HoursLpOptions = {
  /** stop early when this returns true (checked between solves) */
  stop: () => boolean;
  /**
   * work units of the hours pass that places again the people a dive leaves out; when
   * given, a fractional LP is followed by a dive (decision 084)
   */
  work?: number;
};

export type HoursLp = {
  teams: number[];
  /** no disjoint valid teams placing as many people share more hours per team */
  proven: boolean;
};

/** How many best-priced teams a round of column generation adds. */
const COLUMNS_PER_ROUND = 600;
/** Each navigator's teams with the most shared slots that the first LP starts with. */
const START_PER_NAVIGATOR = 10;
/** Mean rises (Dinkelbach steps) at most. */
const STEPS = 6;
const EPS = 1e-6;
/** What a person the LP leaves out of the `placed` it must reach costs: more than any team's slots. */
const MISSING = 10_000;
/** What a person left out costs in the dive: about two teams' slots (measured on the bench's busy pools). */
const DIVE_MISSING = 20;
/** Fractional teams a round of the dive fixes (fewer: more solves; more: fewer hours). */
const DIVE_FIX = 4;
/** Solves a dive may take at most. */
const DIVE_ROUNDS = 400;

/**
 * The LP over every valid team for `placed` people at least, solved by column
 * generation at a given mean: each solve starts from the teams generated before.
 */
function hoursModel(
  highs: Highs,
  c: Candidates,
  participants: number,
  navigators: number,
  placed: number,
  teams: number[],
) {
  const n = participants;
  const rows = n + navigators + 1; // participants, navigators, then the number placed
  const size = (k: number) => c.start[k + 1] - c.start[k];
  // the columns every LP starts with: the current teams and each navigator's best
  const { ks, taken, take } = columnSet(c);
  teams.forEach(take);
  eachNavigatorsBest(
    c,
    (x, y) => c.slots[y] - c.slots[x] || size(x) - size(y) || x - y,
    START_PER_NAVIGATOR,
  ).forEach(take);

  const column = (added: number[]) => {
    const starts = new Int32Array(added.length + 1);
    const indices: number[] = [];
    const values: number[] = [];
    added.forEach((k, j) => {
      for (let m = c.start[k]; m < c.start[k + 1]; m++) {
        indices.push(c.members[m]);
        values.push(1);
      }
      indices.push(n + c.nav[k], rows - 1);
      values.push(1, size(k));
      starts[j + 1] = indices.length;
    });
    return { starts, indices: Int32Array.from(indices), values: Float64Array.from(values) };
  };

  /**
   * The LP's answer at `mean` (teams and their values), its value, and whether no team
   * was left to price in. With `dive`, when that answer is fractional, also whole teams
   * from a dive on the same LP (decision 084).
   */
  return function solve(mean: number, stop: () => boolean, dive = false) {
    const cost = (k: number) => c.slots[k] - mean;
    // column 0 makes up for people not placed, at a cost above any team's worth, so
    // that the first LP has an answer whatever teams it starts with
    const first = column(ks);
    const model = highs.createModel({
      numCols: ks.length + 1,
      numRows: rows,
      sense: highs.constants.objectiveSense.maximize,
      colCost: Float64Array.from([-MISSING, ...ks.map(cost)]),
      colLower: new Float64Array(ks.length + 1),
      colUpper: Float64Array.from({ length: ks.length + 1 }, (_, j) => (j === 0 ? placed : 1)),
      rowLower: Float64Array.from({ length: rows }, (_, r) => (r === rows - 1 ? placed : -highs.infinity)),
      rowUpper: Float64Array.from({ length: rows }, (_, r) => (r === rows - 1 ? highs.infinity : 1)),
      matrix: {
        format: "csc",
        numRows: rows,
        numCols: ks.length + 1,
        starts: Int32Array.from([0, ...Array.from(first.starts, (v) => v + 1)]),
        indices: Int32Array.from([rows - 1, ...first.indices]),
        values: Float64Array.from([1, ...first.values]),
      },
    });
    // people and navigators in the teams the dive has fixed
    const fixed = new Uint8Array(rows);
    const clashes = (k: number) => {
      if (fixed[n + c.nav[k]]) return true;
      for (let m = c.start[k]; m < c.start[k + 1]; m++) if (fixed[c.members[m]]) return true;
      return false;
    };
    /** adds the teams not in the LP yet that the duals price above zero (the best first); says whether any */
    const priceIn = (y: Float64Array) => {
      const priced: [number, number][] = [];
      for (let k = 0; k < c.count; k++) {
        if (taken[k]) continue;
        let r = cost(k) - y[n + c.nav[k]] - size(k) * y[rows - 1];
        for (let m = c.start[k]; m < c.start[k + 1]; m++) r -= y[c.members[m]];
        if (r > EPS && !clashes(k)) priced.push([k, r]);
      }
      priced.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      const added = priced.slice(0, COLUMNS_PER_ROUND).map(([k]) => k);
      added.forEach(take);
      if (added.length > 0)
        model.addCols({
          cost: Float64Array.from(added, cost),
          lower: new Float64Array(added.length),
          upper: new Float64Array(added.length).fill(1),
          matrix: { format: "csc", numRows: rows, numCols: added.length, ...column(added) },
        });
      return added.length > 0;
    };
    try {
      model.options.set({ output_flag: false, presolve: "off", solver: "simplex" });
      for (;;) {
        model.run();
        if (model.getModelStatus() !== highs.constants.modelStatus.optimal) return null;
        const solution = model.getSolution();
        const more = priceIn(Float64Array.from(solution.rowDual));
        if (!more || stop()) {
          if (solution.colValue[0] > EPS) return null; // the LP cannot place that many
          const chosen = ks.map((k, j) => [k, solution.colValue[j + 1]] as const).filter(([, v]) => v > EPS);
          const whole = chosen.every(([, v]) => v > 1 - EPS);
          const value = model.getObjectiveValue();
          const converged = !more;
          return { chosen, value, converged, dived: dive && converged && !whole ? diveFrom() : null };
        }
      }
    } finally {
      model.dispose();
    }

    /**
     * The dive: people left out now cost little, so fixing teams cannot make the LP
     * infeasible; fix every whole team and the few with the largest fractions (that
     * share nobody), price in the teams that became worth more, solve again, until the
     * answer is whole.
     */
    function diveFrom(): number[] | null {
      model.changeColCost(0, -DIVE_MISSING);
      const isFixed = new Set<number>();
      const fix = (j: number) => {
        isFixed.add(j);
        model.changeColBounds(j, 1, 1);
        const k = ks[j - 1];
        fixed[n + c.nav[k]] = 1;
        for (let m = c.start[k]; m < c.start[k + 1]; m++) fixed[c.members[m]] = 1;
      };
      for (let round = 0; round < DIVE_ROUNDS && !stop(); round++) {
        model.run();
        if (model.getModelStatus() !== highs.constants.modelStatus.optimal) return null;
        const solution = model.getSolution();
        if (priceIn(Float64Array.from(solution.rowDual))) continue;
        const x = solution.colValue;
        const fractions: number[] = [];
        for (let j = 1; j <= ks.length; j++) {
          if (isFixed.has(j) || x[j] <= EPS) continue;
          if (x[j] > 1 - EPS) fix(j);
          else fractions.push(j);
        }
        if (fractions.length === 0) return ks.filter((_, j) => x[j + 1] > 1 - EPS);
        // the largest fractions, as many as a round fixes, of teams that share nobody
        fractions.sort((a, b) => x[b] - x[a] || a - b);
        let fixedNow = 0;
        for (const j of fractions) {
          if (fixedNow === DIVE_FIX) break;
          if (!clashes(ks[j - 1])) {
            fix(j);
            fixedNow++;
          }
        }
      }
      return null;
    }
  };
}

const placedBy = (c: Candidates, teams: number[]) =>
  teams.reduce((s, k) => s + c.start[k + 1] - c.start[k], 0);

/**
 * Raises the mean shared slots per team of disjoint valid teams (indices into `c`)
 * while placing at least as many, when the LP finds a whole better answer; says
 * whether no better one exists.
 */
export function hoursByLp(
  highs: Highs,
  c: Candidates,
  participants: number,
  navigators: number,
  teams: number[],
  options: HoursLpOptions,
): HoursLp {
  if (teams.length === 0) return { teams, proven: false };
  const placed = placedBy(c, teams);
  const solve = hoursModel(highs, c, participants, navigators, placed, teams);
  let best = teams;
  for (let step = 0; step < STEPS && !options.stop(); step++) {
    const mean = meanSlots(c, best);
    const lp = solve(mean, options.stop, options.work !== undefined);
    if (!lp) break;
    // the LP, an upper bound, says no higher mean is possible
    if (lp.converged && lp.value <= EPS) return { teams: best, proven: true };
    if (lp.chosen.every(([, v]) => v > 1 - EPS)) {
      // a whole answer is taken when it places as many and shares more hours per team
      const next = lp.chosen.map(([k]) => k);
      if (placedBy(c, next) < placed || meanSlots(c, next) <= mean + EPS) break;
      best = next;
      continue;
    }
    // fractional: the dive's teams share many hours but place a few people fewer. The
    // search places more again, counting hours from its first step (or, when that
    // cannot place as many, as it does first: placed people only, moving across
    // plateaus), then the hours pass places the last ones, keeping what hours it can,
    // and raises them. Taken when it places as many and shares more hours per team;
    // once, as a further LP would cost as much again.
    const dived = lp.dived;
    const work = options.work;
    if (dived && work !== undefined) {
      const repair = (countHours: boolean) =>
        improveHours(
          c,
          participants,
          navigators,
          repack(c, participants, navigators, dived, {
            work,
            stop: options.stop,
            bound: placed,
            duals: new Float64Array(participants),
            countHours,
          }),
          { work, stop: options.stop, place: placed },
        );
      let next = repair(true);
      if (placedBy(c, next) < placed) next = repair(false);
      if (placedBy(c, next) >= placed && meanSlots(c, next) > mean + EPS) best = next;
    }
    break;
  }
  return { teams: best, proven: false };
}

/**
 * The most mean shared slots per team that any disjoint valid teams placing at least
 * `placed` people could share (an upper bound, from the LP; the bench's figure).
 * Dinkelbach's method on the LP: at a mean where the LP's value is v, no answer's
 * mean exceeds mean + v / (the fewest teams that can hold `placed`).
 */
export function hoursBound(
  highs: Highs,
  c: Candidates,
  participants: number,
  navigators: number,
  placed: number,
  maxTeamSize: number,
): number {
  const solve = hoursModel(highs, c, participants, navigators, placed, []);
  const fewestTeams = Math.max(1, Math.ceil(placed / maxTeamSize));
  let mean = 0;
  let bound = Infinity;
  for (let step = 0; step < 40; step++) {
    const lp = solve(mean, () => false);
    if (!lp) return -Infinity; // nobody can place that many
    bound = Math.min(bound, mean + Math.max(0, lp.value) / fewestTeams);
    const teams = lp.chosen.reduce((s, [, v]) => s + v, 0);
    const next = lp.chosen.reduce((s, [k, v]) => s + v * c.slots[k], 0) / teams;
    if (lp.value <= EPS || next <= mean + EPS) break;
    mean = next;
  }
  return bound;
}
