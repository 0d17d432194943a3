// Large-neighbourhood search over the valid teams (decision 081). A suggestion is one
// valid team per navigator at most, nobody twice. Each step frees the teams of a few
// related navigators — reached from a participant nobody placed: a navigator who
// could lead them, the people of that navigator's team, navigators who could lead
// those, and so on — and chooses those navigators' teams again, exactly, by a
// depth-first search over their valid teams among the people who are free. The old
// teams are one of the choices, so a step never loses anything. First the search
// counts placed participants only and also takes equally good new choices (so it
// moves across plateaus); then it counts the mean shared slots per team too (decision
// 082), again taking equally good choices. Deterministic: a seeded generator and a
// budget counted in work, not in time; the time limit only stops it early on a
// machine far slower than expected.
import type { Candidates } from "./optimize";

export type RepackOptions = {
  /** work units (team checks and search nodes) for both phases */
  work: number;
  /** stop early when this returns true (checked every few steps) */
  stop: () => boolean;
  /** no assignment places more than this: stop the first phase when reached */
  bound: number;
  /** each participant's value in the LP relaxation (its dual) */
  duals: Float64Array;
  /**
   * count shared hours from the first step, without the phase that counts placed
   * people only (whose moves across plateaus give hours away); decision 084
   */
  countHours?: boolean;
};

/** Navigators re-chosen together in one step. */
const NEIGHBOURHOOD = 6;
/** Search nodes one step may spend before it keeps the best it has. */
const NODES_PER_STEP = 20_000;
/** Share of the work for placing people; the rest (at most) improves shared hours. */
const PLACING_SHARE = 0.85;
/**
 * Among equally many placed, the first phase prefers to place people the LP values
 * little, so that those it values most are the ones left to place (by this much per
 * unit of dual value; measured on the bench's busy pools).
 */
const DUAL_TILT = 0.01;
/** A phase ends after this many steps without a gain, per navigator (fewer navigators, fewer neighbourhoods). */
const STALL_PER_NAVIGATOR = 60;

/** xorshift32, as the pools of the tests use: deterministic and fast. */
export function generator(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
}

/**
 * Where each navigator's valid teams start in `c` (teams are listed navigator by
 * navigator), and for each participant the navigators who could lead a team with them.
 * A navigator's teams are also listed by their first member (members in ascending
 * order): navigator t's teams whose first member is i are firstFrom[t * n + i] ..
 * firstTo[t * n + i] (none when firstFrom is -1), so the teams among a few people are
 * found without scanning all of them.
 */
export function navigatorIndex(c: Candidates, n: number, T: number) {
  const navStart = new Int32Array(T + 1);
  for (let k = 0; k < c.count; k++) navStart[c.nav[k] + 1]++;
  for (let t = 0; t < T; t++) navStart[t + 1] += navStart[t];
  const seen = new Int32Array(T).fill(-1);
  const leaders: number[][] = Array.from({ length: n }, () => []);
  for (let t = 0; t < T; t++)
    for (let k = navStart[t]; k < navStart[t + 1]; k++)
      for (let m = c.start[k]; m < c.start[k + 1]; m++) {
        const i = c.members[m];
        if (seen[i] !== t) {
          seen[i] = t;
          leaders[i].push(t);
        }
      }
  const firstFrom = new Int32Array(T * n).fill(-1);
  const firstTo = new Int32Array(T * n);
  for (let t = 0; t < T; t++)
    for (let k = navStart[t]; k < navStart[t + 1]; k++) {
      const at = t * n + c.members[c.start[k]];
      if (firstFrom[at] < 0) firstFrom[at] = k;
      firstTo[at] = k + 1;
    }
  return { navStart, leaders, firstFrom, firstTo };
}

/**
 * Improves a set of disjoint teams (indices into `c`), for `participants`
 * participants and `navigators` navigators; returns the teams found.
 */
export function repack(
  c: Candidates,
  participants: number,
  navigators: number,
  start: number[],
  options: RepackOptions,
): number[] {
  const n = participants;
  const T = navigators;
  const size = (k: number) => c.start[k + 1] - c.start[k];
  const { navStart, leaders, firstFrom, firstTo } = navigatorIndex(c, n, T);
  let bestSlotsSum = 0;
  for (let t = 0; t < T; t++) {
    let most = 0;
    for (let k = navStart[t]; k < navStart[t + 1]; k++) most = Math.max(most, c.slots[k]);
    bestSlotsSum += most;
  }
  // second phase: a participant more outweighs any shared slots
  const weight = 1 + bestSlotsSum;
  // a step changes the sum of (slots - mean) by a multiple of 1 / teams: the tilt stays below it
  const tieScale = 1e-3 / (T * NEIGHBOURHOOD * options.duals.reduce((m, y) => Math.max(m, y), 1));
  const tilt = new Float64Array(c.count);
  for (let k = 0; k < c.count; k++)
    for (let m = c.start[k]; m < c.start[k + 1]; m++) tilt[k] -= DUAL_TILT * options.duals[c.members[m]];

  const teamOf = new Int32Array(T).fill(-1);
  const owner = new Int32Array(n).fill(-1);
  const put = (k: number) => {
    teamOf[c.nav[k]] = k;
    for (let m = c.start[k]; m < c.start[k + 1]; m++) owner[c.members[m]] = c.nav[k];
  };
  const free = (t: number) => {
    const k = teamOf[t];
    if (k < 0) return;
    for (let m = c.start[k]; m < c.start[k + 1]; m++) owner[c.members[m]] = -1;
    teamOf[t] = -1;
  };
  start.forEach(put);
  let placed = 0;
  for (let t = 0; t < T; t++) if (teamOf[t] >= 0) placed += size(teamOf[t]);

  const random = generator(0x9e3779b9 ^ (n * 131 + T));
  const available = new Uint8Array(n);
  const used = new Uint8Array(n);
  const placingWork = options.work * PLACING_SHARE;
  let work = 0;
  let placing = placed < options.bound && !options.countHours;
  let steps = 0;
  let lastGain = 0;
  const stall = STALL_PER_NAVIGATOR * T;

  let end = options.work;
  while (work < end) {
    if (placing && (work >= placingWork || placed >= options.bound || steps - lastGain > stall)) {
      placing = false;
      lastGain = steps;
      end = Math.min(end, work + options.work * (1 - PLACING_SHARE));
    }
    if (!placing && steps - lastGain > stall) break;
    if (++steps % 16 === 0 && options.stop()) break;
    let teamsNow = 0;
    let slotsNow = 0;
    for (let t = 0; t < T; t++)
      if (teamOf[t] >= 0) {
        teamsNow++;
        slotsNow += c.slots[teamOf[t]];
      }
    // second phase: a participant more outweighs any hours; then the mean shared slots per
    // team (a team is worth its slots minus the current mean, so a gain raises the mean:
    // Dinkelbach's method); the tilt, scaled below any change of that mean, only chooses
    // between choices equally good (which are taken too, as in the first phase)
    const mean = slotsNow / Math.max(1, teamsNow);
    const value = placing
      ? (k: number) => size(k) + tilt[k]
      : (k: number) => size(k) * weight + c.slots[k] - mean + tilt[k] * tieScale;

    // the neighbourhood
    const unplaced: number[] = [];
    for (let i = 0; i < n; i++) if (owner[i] < 0 && leaders[i].length > 0) unplaced.push(i);
    const chosen = new Set<number>();
    const queue: number[] = [];
    if (unplaced.length > 0) queue.push(unplaced[Math.floor(random() * unplaced.length)]);
    for (let guard = 0; chosen.size < NEIGHBOURHOOD && queue.length > 0 && guard < 100; guard++) {
      const i = queue.splice(Math.floor(random() * queue.length), 1)[0];
      const list = leaders[i];
      if (list.length === 0) continue;
      const t = list[Math.floor(random() * list.length)];
      if (chosen.has(t)) {
        queue.push(i);
        if (random() < 0.3 && unplaced.length > 0)
          queue.push(unplaced[Math.floor(random() * unplaced.length)]);
        continue;
      }
      chosen.add(t);
      const k = teamOf[t];
      if (k >= 0) for (let m = c.start[k]; m < c.start[k + 1]; m++) queue.push(c.members[m]);
    }
    while (chosen.size < Math.min(NEIGHBOURHOOD, T)) chosen.add(Math.floor(random() * T));
    const navs = [...chosen];

    // who is free for them, and what their teams are worth now
    for (let i = 0; i < n; i++) available[i] = owner[i] < 0 ? 1 : 0;
    let before = 0;
    for (const t of navs) {
      const k = teamOf[t];
      if (k < 0) continue;
      before += value(k);
      for (let m = c.start[k]; m < c.start[k + 1]; m++) available[c.members[m]] = 1;
    }
    const firsts: number[] = [];
    for (let i = 0; i < n; i++) if (available[i]) firsts.push(i);
    const lists = navs.map((t) => {
      const out: number[] = [];
      // counted as a scan of all the navigator's teams, as before the index (same budget)
      work += navStart[t + 1] - navStart[t];
      for (const first of firsts) {
        const from = firstFrom[t * n + first];
        if (from < 0) continue;
        for (let k = from, to = firstTo[t * n + first]; k < to; k++) {
          let ok = true;
          for (let m = c.start[k] + 1; m < c.start[k + 1] && ok; m++)
            if (!available[c.members[m]]) ok = false;
          if (ok) out.push(k);
        }
      }
      if (placing) {
        // random order among teams of one size, so that equal choices differ
        for (let a = out.length - 1; a > 0; a--) {
          const b = Math.floor(random() * (a + 1));
          [out[a], out[b]] = [out[b], out[a]];
        }
        out.sort((x, y) => size(y) - size(x));
      } else out.sort((x, y) => value(y) - value(x) || x - y);
      return out;
    });
    // navigators with the fewest choices first
    const order = lists.map((_, j) => j).sort((x, y) => lists[x].length - lists[y].length || x - y);
    const L = order.map((j) => lists[j]);
    const V = L.map((list) => Float64Array.from(list, value));
    const fits = (k: number) => {
      for (let m = c.start[k]; m < c.start[k + 1]; m++) if (used[c.members[m]]) return false;
      return true;
    };
    // the first team of each list that still fits, for each depth of the search (the
    // people used only grow with depth, so each depth scans on from the one above)
    const firstFit = new Int32Array((L.length + 1) * L.length);
    /** the most the navigators from j on can add: each their best team that still fits */
    const most = (j: number, row: number) => {
      let s = 0;
      for (let q = j; q < L.length; q++) if (firstFit[row + q] < L[q].length) s += V[q][firstFit[row + q]];
      return s;
    };
    // an equally good different choice is taken too
    let best = before - 1e-9;
    let bestPick: number[] | null = null;
    const pick: number[] = [];
    let nodes = 0;
    const search = (j: number, sum: number) => {
      if (nodes++ > NODES_PER_STEP) return;
      if (j === L.length) {
        if (sum > best) {
          best = sum;
          bestPick = [...pick];
        }
        return;
      }
      const row = j * L.length;
      for (let q = j; q < L.length; q++) {
        let r = j === 0 ? 0 : firstFit[row - L.length + q];
        while (r < L[q].length && !fits(L[q][r])) r++;
        firstFit[row + q] = r;
      }
      if (sum + most(j, row) <= best) return;
      const list = L[j];
      // the people used are the same at each choice below (each is undone), so is this
      const rest = placing || list.length === 0 ? 0 : most(j + 1, row);
      // from the first that fits (the second phase's cut below, on values sorted
      // downwards, would not stop at an earlier team either)
      for (let r = firstFit[row + j]; r < list.length && nodes <= NODES_PER_STEP; r++) {
        const k = list[r];
        if (!placing && sum + V[j][r] + rest <= best) break;
        if (!fits(k)) continue;
        for (let m = c.start[k]; m < c.start[k + 1]; m++) used[c.members[m]] = 1;
        pick.push(k);
        search(j + 1, sum + V[j][r]);
        pick.pop();
        for (let m = c.start[k]; m < c.start[k + 1]; m++) used[c.members[m]] = 0;
      }
      search(j + 1, sum);
    };
    search(0, 0);
    work += nodes * L.length;
    if (bestPick) {
      if (placing ? Math.round(best) > Math.round(before) : best > before) lastGain = steps;
      for (const t of navs) {
        if (teamOf[t] >= 0) placed -= size(teamOf[t]);
        free(t);
      }
      for (const k of bestPick as number[]) {
        put(k);
        placed += size(k);
      }
    }
  }
  const teams: number[] = [];
  for (let t = 0; t < T; t++) if (teamOf[t] >= 0) teams.push(teamOf[t]);
  return teams;
}
