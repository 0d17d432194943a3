// Team suggestions close to the best possible, and proof of how close (decisions
// 080, 081). Every valid team (a navigator and teamSizeMin..teamSizeMax participants
// sharing a project and the minimum hours) is a column of a set-packing model: each
// person in at most one chosen team, maximise placed participants first and shared
// slots second. Its LP relaxation, solved by column generation with HiGHS
// (WebAssembly, npm `highs`), says how many people could be placed at most and guides
// a first answer; small cohorts get the exact optimum from HiGHS's MILP, larger ones
// a large-neighbourhood search (repack.ts), an hours pass (hours.ts) and the hours LP
// (hours-lp.ts), which proves when no suggestion placing as many shares more hours
// per team, or dives on it for more hours when its answer is fractional (decisions
// 082, 083, 084). When there are too many valid teams to
// list (free people, loose rules), the local search of decision 020 answers alone and
// the bound comes from the assignment relaxation (each participant to a navigator
// they share a project and the hours with, at most teamSizeMax per navigator).
import highsLoader from "highs";
import { countAnd, WORDS } from "./bitset";
import { subsetRowBound } from "./bound-cuts";
import { columnSet, eachNavigatorsBest } from "./column-set";
import { improveHours } from "./hours";
import { hoursBound, hoursByLp } from "./hours-lp";
import { generator, repack } from "./repack";
import {
  improve,
  localSearchAssignment,
  prepare,
  toSuggestion,
  type Assignment,
  type Prepared,
  type SuggestInput,
  type Suggestion,
} from "./suggest";

export type Highs = Awaited<ReturnType<typeof highsLoader>>;
let solver: Promise<Highs> | null = null;
/**
 * The WebAssembly solver, loaded once per process. Loading also solves a small
 * set-packing LP, so that the engine compiles the solver's busy code then and not
 * within the first suggestion's time budget (which counts the compiler's threads too).
 */
export function loadSolver(): Promise<Highs> {
  solver ??= highsLoader().then((highs) => {
    warmUp(highs);
    return highs;
  });
  return solver;
}

/** A seeded set-packing LP like those of the column generation: 200 rows, 3,000 columns of 3 to 5. */
function warmUp(highs: Highs) {
  const random = generator(1);
  const rows = 200;
  const cols = 3000;
  const starts = new Int32Array(cols + 1);
  const indices: number[] = [];
  for (let k = 0; k < cols; k++) {
    const picked = new Set<number>();
    const size = 3 + Math.floor(random() * 3);
    while (picked.size < size) picked.add(Math.floor(random() * rows));
    indices.push(...[...picked].sort((a, b) => a - b));
    starts[k + 1] = indices.length;
  }
  const model = highs.createModel({
    numCols: cols,
    numRows: rows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: Float64Array.from({ length: cols }, (_, k) => starts[k + 1] - starts[k] + random()),
    colLower: new Float64Array(cols),
    colUpper: new Float64Array(cols).fill(1),
    rowLower: new Float64Array(rows).fill(-highs.infinity),
    rowUpper: new Float64Array(rows).fill(1),
    matrix: {
      format: "csc",
      numRows: rows,
      numCols: cols,
      starts,
      indices: Int32Array.from(indices),
      values: new Float64Array(indices.length).fill(1),
    },
  });
  try {
    model.options.set({ output_flag: false });
    model.run();
  } finally {
    model.dispose();
  }
}

/** Valid teams, flat: team k is navigator nav[k] with members[start[k]..start[k+1]). */
export type Candidates = {
  nav: Int32Array;
  start: Int32Array;
  members: Int32Array;
  slots: Int32Array;
  count: number;
};

/** Every valid team, or null when there are more than `limit`. */
export function enumerateTeams(p: Prepared, limit: number): Candidates | null {
  const { teamSizeMin: min, teamSizeMax: max } = p.rules;
  const nav: number[] = [];
  const start: number[] = [0];
  const members: number[] = [];
  const slots: number[] = [];
  const masks = Array.from({ length: max + 1 }, () => new Uint32Array(WORDS));
  const picked: number[] = [];
  let over = false;
  for (let t = 0; t < p.navs.length && !over; t++) {
    const navigator = p.navs[t];
    const fits = p.parts
      .map((_, i) => i)
      .filter(
        (i) =>
          (navigator.proj & p.parts[i].proj) !== 0 && countAnd(navigator.bits, p.parts[i].bits) >= p.minSlots,
      );
    masks[0].set(navigator.bits);
    const grow = (from: number, depth: number, proj: number) => {
      for (let k = from; k < fits.length && !over; k++) {
        const i = fits[k];
        const part = p.parts[i];
        const nextProj = proj & part.proj;
        if (nextProj === 0) continue;
        const mask = masks[depth + 1];
        let shared = 0;
        for (let w = 0; w < WORDS; w++) {
          mask[w] = masks[depth][w] & part.bits[w];
          shared += popcount(mask[w]);
        }
        if (shared < p.minSlots) continue;
        picked.push(i);
        if (depth + 1 >= min) {
          if (nav.length >= limit) over = true;
          nav.push(t);
          members.push(...picked);
          start.push(members.length);
          slots.push(shared);
        }
        if (depth + 1 < max) grow(k + 1, depth + 1, nextProj);
        picked.pop();
      }
    };
    if (min <= 0) continue; // a team needs participants; min 0 is treated as 1 by the rules' validation
    grow(0, 0, navigator.proj);
  }
  if (over) return null;
  return {
    nav: Int32Array.from(nav),
    start: Int32Array.from(start),
    members: Int32Array.from(members),
    slots: Int32Array.from(slots),
    count: nav.length,
  };
}

function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

export type Bound = {
  /** no assignment keeping the rules places more participants than this */
  bound: number;
  /** the suggestion's number is proven to be the most possible */
  proven: boolean;
  method: "set-packing MILP" | "set-packing LP" | "set-packing LP with subset-row cuts" | "assignment LP";
};

export type OptimizedSuggestion = Suggestion &
  Bound & {
    ms: number;
    cpuMs: number;
    candidates: number | null;
    /** no suggestion placing as many people shares more hours per team (decisions 080, 083) */
    hoursProven: boolean;
    /** the time limit cut the work short, so the answer may be worse than the work would give (084) */
    cutShort: boolean;
  };

export type OptimizeOptions = {
  /**
   * The time limit in milliseconds, a safety net that cuts the work short: of
   * processor time, or of wall-clock time when that is less (a process that has just
   * started also spends processor time compiling on other threads; decision 084).
   */
  timeLimitMs?: number;
  /** above this many valid teams the model is not built */
  maxCandidates?: number;
  /** work units of the neighbourhood search */
  repackWork?: number;
  /** work units of the hours pass that follows it; 0 turns off the hours pass and the hours LP */
  hoursWork?: number;
};

// The work decides the answer: the searches' work units and the LPs' own ends (the
// bench's busy pools take 2.5–4.5 s of processor time on two quiet cores, against a
// target of 5 s). The time limit is a safety net at twice that target, so that a busy
// server gives the same suggestion later rather than a worse one (decision 084, "The
// time limit, measured under load": under a 5 s limit, two other busy processes made
// busy pool 3's suggestion lose the dive, 5.17 hours per team instead of 5.43).
const DEFAULTS = {
  timeLimitMs: 10_000,
  maxCandidates: 250_000,
  repackWork: 45_000_000,
  hoursWork: 5_000_000,
};

/** Processor time used by this process, in milliseconds. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * The most participants each navigator's team could hold if teams did not compete
 * for people: each participant to one navigator they share a project and the hours
 * with, at most teamSizeMax per navigator. A transportation problem, so its LP
 * optimum is whole; HiGHS solves it.
 */
function assignmentBound(highs: Highs, p: Prepared): number {
  const max = p.rules.teamSizeMax;
  const cols: [number, number][] = [];
  p.parts.forEach((part, i) => {
    p.navs.forEach((nav, t) => {
      if ((nav.proj & part.proj) !== 0 && countAnd(nav.bits, part.bits) >= p.minSlots) cols.push([i, t]);
    });
  });
  if (cols.length === 0) return 0;
  const n = p.parts.length;
  const start = new Int32Array(cols.length + 1);
  const index = new Int32Array(cols.length * 2);
  cols.forEach(([i, t], k) => {
    start[k + 1] = 2 * (k + 1);
    index[2 * k] = i;
    index[2 * k + 1] = n + t;
  });
  const rows = n + p.navs.length;
  const model = highs.createModel({
    numCols: cols.length,
    numRows: rows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: new Float64Array(cols.length).fill(1),
    colLower: new Float64Array(cols.length),
    colUpper: new Float64Array(cols.length).fill(1),
    rowLower: new Float64Array(rows).fill(-highs.infinity),
    rowUpper: Float64Array.from({ length: rows }, (_, r) => (r < n ? 1 : max)),
    matrix: {
      format: "csc",
      numRows: rows,
      numCols: cols.length,
      starts: start,
      indices: index,
      values: new Float64Array(index.length).fill(1),
    },
  });
  try {
    model.options.set({ output_flag: false });
    model.run();
    return Math.floor(model.getObjectiveValue() + 1e-6);
  } finally {
    model.dispose();
  }
}

type Packed = { teams: number[]; optimal: boolean };
type Cost = (k: number) => number;

/** The objective: a participant more outweighs any team's shared slots. */
function weightOf(p: Prepared, c: Candidates): number {
  const bestSlots = new Int32Array(p.navs.length);
  for (let k = 0; k < c.count; k++) bestSlots[c.nav[k]] = Math.max(bestSlots[c.nav[k]], c.slots[k]);
  return 1 + bestSlots.reduce((s, x) => s + x, 0);
}

/** Up to this many valid teams the MILP takes them all (exact); above, the neighbourhood search answers. */
const EXACT_LIMIT = 5000;
/** Rounds of the local search that polish the answer (scores, and what the search missed). */
const POLISH_PASSES = 8;
/** How many best-priced teams a round of column generation adds. */
const COLUMNS_PER_ROUND = 600;

/** Placed participants, then shared slots: the objective of the exact MILP. */
const costOf = (c: Candidates, k: number, weight: number) =>
  (c.start[k + 1] - c.start[k]) * weight + c.slots[k];
/** Placed participants only: the objective of the bound. */
const sizeOf = (c: Candidates, k: number) => c.start[k + 1] - c.start[k];

/** The valid teams (indices into `c`) of an assignment whose teams all keep the rules. */
function columnsOf(c: Candidates, a: Assignment): number[] {
  const first = new Int32Array(a.members.length + 1).fill(c.count);
  for (let k = c.count - 1; k >= 0; k--) first[c.nav[k]] = k;
  for (let t = a.members.length - 1; t >= 0; t--) first[t] = Math.min(first[t], first[t + 1]);
  const teams: number[] = [];
  a.members.forEach((members, t) => {
    if (members.length === 0) return;
    const sorted = [...members].sort((x, y) => x - y);
    for (let k = first[t]; k < c.count && c.nav[k] === t; k++) {
      const size = c.start[k + 1] - c.start[k];
      if (size === sorted.length && sorted.every((i, m) => c.members[c.start[k] + m] === i)) {
        teams.push(k);
        return;
      }
    }
    throw new Error(`team of navigator ${t} is not a valid team`);
  });
  return teams;
}

/** The set-packing model over the candidate teams `ks`: rows are participants, then navigators. */
function packingModel(highs: Highs, p: Prepared, c: Candidates, ks: number[], cost: Cost, integer: boolean) {
  const n = p.parts.length;
  const rows = n + p.navs.length;
  const starts = new Int32Array(ks.length + 1);
  let nonzeros = 0;
  for (const k of ks) nonzeros += c.start[k + 1] - c.start[k] + 1;
  const indices = new Int32Array(nonzeros);
  const colCost = new Float64Array(ks.length);
  let z = 0;
  ks.forEach((k, j) => {
    for (let m = c.start[k]; m < c.start[k + 1]; m++) indices[z++] = c.members[m];
    indices[z++] = n + c.nav[k];
    starts[j + 1] = z;
    colCost[j] = cost(k);
  });
  return highs.createModel({
    numCols: ks.length,
    numRows: rows,
    sense: highs.constants.objectiveSense.maximize,
    colCost,
    colLower: new Float64Array(ks.length),
    colUpper: new Float64Array(ks.length).fill(1),
    rowLower: new Float64Array(rows).fill(-highs.infinity),
    rowUpper: new Float64Array(rows).fill(1),
    matrix: {
      format: "csc",
      numRows: rows,
      numCols: ks.length,
      starts,
      indices,
      values: new Float64Array(nonzeros).fill(1),
    },
    ...(integer ? { integrality: new Int32Array(ks.length).fill(highs.constants.variableType.integer) } : {}),
  });
}

/**
 * Column generation for the LP relaxation: solve it over a few teams, price every
 * valid team with the duals, add the best-priced ones, repeat. At every round the
 * duals give an upper bound on the full LP (and so on any assignment): each person's
 * dual plus, for each team, how much more it is worth than its people's duals.
 * Stops early once the bound, rounded down, equals the restricted LP's value rounded
 * down (more rounds cannot lower it then). Returns the teams generated, that bound
 * (in objective units), the LP's values of the teams and the last duals.
 */
function generateColumns(
  highs: Highs,
  p: Prepared,
  c: Candidates,
  cost: Cost,
  deadline: () => boolean,
  integral: boolean,
): { ks: number[]; upper: number; x: Map<number, number>; y: Float64Array } {
  const n = p.parts.length;
  const { ks, taken, take } = columnSet(c);
  // each navigator's most valuable teams to start with
  eachNavigatorsBest(c, (x, y) => cost(y) - cost(x) || c.slots[y] - c.slots[x] || x - y, 10).forEach(take);
  let upper = Infinity;
  let x = new Map<number, number>();
  let duals = new Float64Array(n + p.navs.length);
  const reduced = new Float64Array(c.count);
  const model = packingModel(highs, p, c, ks, cost, false);
  try {
    model.options.set({ output_flag: false, presolve: "off", solver: "simplex" });
    for (let round = 0; round < 100; round++) {
      model.run();
      if (model.getModelStatus() !== highs.constants.modelStatus.optimal) break;
      const solution = model.getSolution();
      x = new Map(ks.map((k, j) => [k, solution.colValue[j]]));
      const y = Float64Array.from(solution.rowDual, (v) => Math.max(0, v));
      duals = y;
      let bound = y.reduce((s, v) => s + v, 0);
      const priced: number[] = [];
      for (let k = 0; k < c.count; k++) {
        let r = cost(k) - y[n + c.nav[k]];
        for (let m = c.start[k]; m < c.start[k + 1]; m++) r -= y[c.members[m]];
        reduced[k] = r;
        if (r > 1e-7) {
          bound += r;
          if (!taken[k]) priced.push(k);
        }
      }
      upper = Math.min(upper, bound);
      if (priced.length === 0 || deadline()) break;
      if (integral && Math.floor(upper + 1e-6) <= Math.floor(model.getObjectiveValue() + 1e-6)) break;
      priced.sort((a, b) => reduced[b] - reduced[a] || a - b);
      const added = priced.slice(0, COLUMNS_PER_ROUND);
      const starts = new Int32Array(added.length + 1);
      const indices: number[] = [];
      added.forEach((k, j) => {
        for (let m = c.start[k]; m < c.start[k + 1]; m++) indices.push(c.members[m]);
        indices.push(n + c.nav[k]);
        starts[j + 1] = indices.length;
        take(k);
      });
      model.addCols({
        cost: Float64Array.from(added, cost),
        lower: new Float64Array(added.length),
        upper: new Float64Array(added.length).fill(1),
        matrix: {
          format: "csc",
          numRows: n + p.navs.length,
          numCols: added.length,
          starts,
          indices: Int32Array.from(indices),
          values: new Float64Array(indices.length).fill(1),
        },
      });
    }
  } finally {
    model.dispose();
  }
  return { ks, upper, x, y: duals };
}

/** A first answer from the LP: teams taken by LP value, then size and shared slots, while nobody is taken twice. */
function packGreedily(p: Prepared, c: Candidates, ks: number[], x: Map<number, number>): number[] {
  const used = new Uint8Array(p.parts.length + p.navs.length);
  const n = p.parts.length;
  const order = [...ks].sort(
    (a, b) =>
      (x.get(b) ?? 0) - (x.get(a) ?? 0) || sizeOf(c, b) - sizeOf(c, a) || c.slots[b] - c.slots[a] || a - b,
  );
  const chosen: number[] = [];
  for (const k of order) {
    if (used[n + c.nav[k]]) continue;
    let free = true;
    for (let m = c.start[k]; m < c.start[k + 1] && free; m++) if (used[c.members[m]]) free = false;
    if (!free) continue;
    used[n + c.nav[k]] = 1;
    for (let m = c.start[k]; m < c.start[k + 1]; m++) used[c.members[m]] = 1;
    chosen.push(k);
  }
  return chosen;
}

/** The set-packing MILP over every valid team (small cohorts), started from `start`. */
function solvePacking(
  highs: Highs,
  p: Prepared,
  c: Candidates,
  ks: number[],
  start: number[],
  weight: number,
  timeLimitMs: number,
): Packed {
  const model = packingModel(highs, p, c, ks, (k) => costOf(c, k, weight), true);
  try {
    model.options.set({ output_flag: false, time_limit: Math.max(0.05, timeLimitMs / 1000), mip_rel_gap: 0 });
    if (start.length > 0) {
      const position = new Map(ks.map((k, j) => [k, j]));
      const x = new Float64Array(ks.length);
      for (const k of start) if (position.has(k)) x[position.get(k)!] = 1;
      model.setSolution({ colValue: x });
    }
    model.run();
    const optimal = model.getModelStatus() === highs.constants.modelStatus.optimal;
    const teams: number[] = [];
    if (Number(model.info.get("primal_solution_status")) > 0) {
      const x = model.getSolution().colValue;
      ks.forEach((k, j) => {
        if (x[j] > 0.5) teams.push(k);
      });
    }
    return { teams, optimal };
  } finally {
    model.dispose();
  }
}

/** The set-packing LP bound on placed participants, by column generation. */
function packingBound(highs: Highs, p: Prepared, c: Candidates, deadline: () => boolean) {
  const lp = generateColumns(highs, p, c, (k) => sizeOf(c, k), deadline, true);
  return { ...lp, bound: Math.floor(lp.upper + 1e-6) };
}

/**
 * How many participants any assignment keeping the rules could place at most, with
 * no time budget: the assignment relaxation, and the set-packing LP by column
 * generation to the end when the valid teams can be listed, and with `cutRounds`
 * rounds of subset-row cuts (the bench; decision 081).
 */
export async function upperBound(
  input: SuggestInput,
  maxCandidates = DEFAULTS.maxCandidates,
  cutRounds = 0,
): Promise<Bound & { ms: number }> {
  const highs = await loadSolver();
  const started = performance.now();
  const p = prepare(input);
  let bound: Bound = { bound: assignmentBound(highs, p), proven: false, method: "assignment LP" };
  const c = bound.bound === 0 ? null : enumerateTeams(p, maxCandidates);
  if (c && c.count > 0) {
    const lp = packingBound(highs, p, c, () => false).bound;
    if (lp < bound.bound) bound = { bound: lp, proven: false, method: "set-packing LP" };
    if (cutRounds > 0) {
      const cut = Math.floor(subsetRowBound(highs, p.parts.length, p.navs.length, c, cutRounds) + 1e-6);
      if (cut < bound.bound)
        bound = { bound: cut, proven: false, method: "set-packing LP with subset-row cuts" };
    }
  } else if (c) {
    bound = { bound: 0, proven: false, method: "set-packing LP" };
  }
  return { ...bound, ms: performance.now() - started };
}

/**
 * The most shared hours per team that any assignment keeping the rules and placing
 * at least `placed` participants could have (an upper bound from the LP, with no time
 * budget: the bench's figure, decision 083); null when the valid teams cannot be listed.
 */
export async function hoursUpperBound(
  input: SuggestInput,
  placed: number,
  maxCandidates = DEFAULTS.maxCandidates,
): Promise<number | null> {
  const highs = await loadSolver();
  const p = prepare(input);
  const c = enumerateTeams(p, maxCandidates);
  if (!c) return null;
  return hoursBound(highs, c, p.parts.length, p.navs.length, placed, p.rules.teamSizeMax) / 2;
}

/**
 * The suggestion for the organizer's page and the bench. Small cohorts: the MILP
 * over every valid team, so the exact optimum. Larger ones: the LP bound by column
 * generation, an LP-guided first answer, the neighbourhood search (decision 081).
 * Too many valid teams to list: the local search of decision 020. Every answer is
 * polished by that local search, which only takes improving moves.
 */
export async function suggestOptimizedTeams(
  input: SuggestInput,
  options: OptimizeOptions = {},
): Promise<OptimizedSuggestion> {
  const highs = await loadSolver();
  const started = performance.now();
  const cpuStarted = cpuMs();
  const { timeLimitMs, maxCandidates, repackWork, hoursWork } = { ...DEFAULTS, ...options };
  let cutShort = false;
  const overBudget = (share: number) => () => {
    if (Math.min(cpuMs() - cpuStarted, performance.now() - started) <= timeLimitMs * share) return false;
    cutShort = true;
    return true;
  };
  const p = prepare(input);
  const placedBy = (a: Assignment) => a.members.reduce((s, m) => s + m.length, 0);
  const simple = assignmentBound(highs, p);
  let bound: Bound = { bound: simple, proven: false, method: "assignment LP" };
  const c = simple === 0 ? null : enumerateTeams(p, maxCandidates);
  let best: Assignment | null = null;
  let hoursProven = false;
  if (c && c.count > 0) {
    const lp = packingBound(highs, p, c, overBudget(0.6));
    if (lp.bound < bound.bound) bound = { bound: lp.bound, proven: false, method: "set-packing LP" };
    const start = packGreedily(p, c, lp.ks, lp.x);
    let teams: number[];
    if (c.count <= EXACT_LIMIT) {
      // Small cohorts: the MILP over every valid team, so the answer is the exact optimum.
      const weight = weightOf(p, c);
      const all = Array.from({ length: c.count }, (_, k) => k);
      // HiGHS limits wall-clock time: scale what is left of the budget by how much
      // slower than processor time the wall clock has run so far.
      const used = cpuMs() - cpuStarted;
      const slowdown = Math.min(20, Math.max(1, (performance.now() - started) / Math.max(1, used)));
      const packed = solvePacking(
        highs,
        p,
        c,
        all,
        start,
        weight,
        Math.max(200, (timeLimitMs * 0.8 - used) * slowdown),
      );
      teams = packed.teams.length > 0 ? packed.teams : start;
      if (packed.optimal)
        bound = {
          bound: packed.teams.reduce((s, k) => s + sizeOf(c, k), 0),
          proven: true,
          method: "set-packing MILP",
        };
      else cutShort = true;
    } else {
      teams = repack(c, p.parts.length, p.navs.length, start, {
        work: repackWork,
        stop: overBudget(0.9),
        bound: bound.bound,
        duals: lp.y.subarray(0, p.parts.length),
      });
      // then, with the same people placed, more hours per team (decision 082)
      teams = improveHours(c, p.parts.length, p.navs.length, teams, {
        work: hoursWork,
        stop: overBudget(0.95),
      });
    }
    const asTeams = (ks: number[]) =>
      ks.map((k) => ({ t: c.nav[k], members: Array.from(c.members.subarray(c.start[k], c.start[k + 1])) }));
    best = improve(p, asTeams(teams), POLISH_PASSES);
    if (c.count > EXACT_LIMIT && hoursWork > 0) {
      // then the most hours per team for that many placed, by the LP (decision 083), and
      // when the LP's answer is fractional, a dive on it (decision 084)
      const byLp = hoursByLp(highs, c, p.parts.length, p.navs.length, columnsOf(c, best), {
        stop: overBudget(0.97),
        work: hoursWork,
      });
      hoursProven = byLp.proven;
      best = improve(p, asTeams(byLp.teams), 0);
    }
  } else {
    best = localSearchAssignment(p);
    if (c) bound = { bound: 0, proven: true, method: "set-packing LP" }; // no valid team at all
  }
  bound.proven = placedBy(best) >= bound.bound;
  const suggestion = toSuggestion(best, p);
  return {
    ...suggestion,
    ...bound,
    bound: Math.max(bound.bound, suggestion.placed),
    ms: performance.now() - started,
    cpuMs: cpuMs() - cpuStarted,
    candidates: c ? c.count : null,
    hoursProven,
    cutShort,
  };
}
