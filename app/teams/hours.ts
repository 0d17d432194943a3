// The hours pass (decision 082). Once the search has placed as many people as it
// can, it keeps that many placed and raises the hours each team shares. Each step
// takes a team that shares few hours and related navigators (who could lead one of
// its members, then one of theirs, …), frees their teams and places as many people
// as they held among those navigators again, exactly: a depth-first search that
// takes the person with the fewest teams and puts them in one of those teams or,
// while someone nobody placed could take their place, leaves them out. Its objective
// is the mean shared hours per team, by Dinkelbach's method: a team is worth its
// shared slots minus the current mean, so a step that gains raises the mean. The old
// teams are one of the choices, so a step never loses, and the number placed never
// changes. Deterministic: a seeded generator and a budget counted in work.
//
// It can also start from fewer people placed than wanted (decision 084: the dive on
// the hours LP gives teams sharing many hours but places a few people fewer). Then
// each step first shares out one person more than its navigators' teams held: it is
// seeded from someone nobody placed and one of the navigators who could lead them,
// and takes the choice with the most hours even when that lowers the mean, until as
// many are placed as wanted.
import type { Candidates } from "./optimize";
import { generator, navigatorIndex } from "./repack";

export type HoursOptions = {
  /** work units (team checks and search nodes) */
  work: number;
  /** stop early when this returns true (checked every few steps) */
  stop: () => boolean;
  /** place this many people in all first, one more per step (when the teams place fewer) */
  place?: number;
};

/** Navigators whose teams are shared out again in one step. */
const NEIGHBOURHOOD = 8;
/** Search nodes one step may spend before it keeps the best it has. */
const NODES_PER_STEP = 5_000;
/** A search node costs about this many team checks (it bounds what the people left can add). */
const NODE_WORK = 10;
/** The pass ends after this many steps without a gain, per navigator. */
const STALL_PER_NAVIGATOR = 10;

/** Mean shared slots per team of a set of teams (0 when there are none). */
export function meanSlots(c: Candidates, teams: number[]): number {
  return teams.length === 0 ? 0 : teams.reduce((s, k) => s + c.slots[k], 0) / teams.length;
}

/**
 * Raises the mean shared slots per team of disjoint valid teams (indices into `c`)
 * without changing how many are placed; returns the teams found.
 */
export function improveHours(
  c: Candidates,
  participants: number,
  navigators: number,
  teams: number[],
  options: HoursOptions,
): number[] {
  const n = participants;
  const T = navigators;
  if (teams.length === 0) return teams;
  const { leaders, firstFrom, firstTo } = navigatorIndex(c, n, T);
  const size = (k: number) => c.start[k + 1] - c.start[k];
  let minSize = Infinity;
  let maxSize = 0;
  for (let k = 0; k < c.count; k++) {
    minSize = Math.min(minSize, size(k));
    maxSize = Math.max(maxSize, size(k));
  }
  const teamOf = new Int32Array(T).fill(-1);
  const slot = new Int32Array(T); // a navigator's index in this step's neighbourhood
  let total = 0;
  let count = 0;
  for (const k of teams) {
    teamOf[c.nav[k]] = k;
    total += c.slots[k];
    count++;
  }
  const random = generator(0x85ebca6b ^ (n * 131 + T));
  const position = new Int32Array(n).fill(-1); // index in this step's people, or -1
  const inTeam = new Uint8Array(n);
  let placed = 0;
  for (const k of teams)
    for (let m = c.start[k]; m < c.start[k + 1]; m++) {
      inTeam[c.members[m]] = 1;
      placed++;
    }
  let work = 0;
  let steps = 0;
  let lastGain = 0;
  const stall = STALL_PER_NAVIGATOR * T;

  while (work < options.work && steps - lastGain <= stall) {
    if (++steps % 16 === 0 && options.stop()) break;
    const mean = total / count;
    const value = (k: number) => c.slots[k] - mean;
    // one more person to place in this step, or none
    const more = placed < (options.place ?? 0) ? 1 : 0;
    const unplaced: number[] = [];
    for (let i = 0; i < n; i++) if (!inTeam[i] && leaders[i].length > 0) unplaced.push(i);

    // the neighbourhood: the team sharing the fewest hours of three drawn at random, and related navigators
    const led: number[] = [];
    for (let t = 0; t < T; t++) if (teamOf[t] >= 0) led.push(t);
    let seed = led[Math.floor(random() * led.length)];
    for (let q = 0; q < 2; q++) {
      const t = led[Math.floor(random() * led.length)];
      if (c.slots[teamOf[t]] < c.slots[teamOf[seed]]) seed = t;
    }
    const queue: number[] = [];
    if (more) {
      if (unplaced.length === 0) break;
      const i = unplaced[Math.floor(random() * unplaced.length)];
      seed = leaders[i][Math.floor(random() * leaders[i].length)];
      queue.push(i);
    }
    const chosen = new Set<number>([seed]);
    const join = (t: number) => {
      const k = teamOf[t];
      if (k >= 0) for (let m = c.start[k]; m < c.start[k + 1]; m++) queue.push(c.members[m]);
    };
    join(seed);
    for (let guard = 0; chosen.size < NEIGHBOURHOOD && queue.length > 0 && guard < 100; guard++) {
      const i = queue.splice(Math.floor(random() * queue.length), 1)[0];
      const t = leaders[i][Math.floor(random() * leaders[i].length)];
      if (chosen.has(t)) {
        if (random() < 0.5) queue.push(i);
        continue;
      }
      chosen.add(t);
      join(t);
    }
    const navs = [...chosen];
    navs.forEach((t, j) => (slot[t] = j));

    // the people to share out again (as many as before, or one more), and the valid teams among them:
    // the members of those teams, and people nobody placed whom one of them could lead
    const people: number[] = [];
    let before = 0;
    const add = (i: number) => {
      position[i] = people.length;
      people.push(i);
    };
    for (const t of navs) {
      const k = teamOf[t];
      if (k < 0) continue;
      before += value(k);
      for (let m = c.start[k]; m < c.start[k + 1]; m++) add(c.members[m]);
    }
    const required = people.length + more;
    for (const i of unplaced) if (leaders[i].some((t) => chosen.has(t))) add(i);
    const lists: number[][] = people.map(() => []);
    const navBest = new Float64Array(navs.length).fill(-Infinity);
    const firsts = [...people].sort((x, y) => x - y);
    for (const t of navs) {
      for (const first of firsts) {
        const from = firstFrom[t * n + first];
        if (from < 0) continue;
        const to = firstTo[t * n + first];
        work += to - from;
        for (let k = from; k < to; k++) {
          let inside = true;
          for (let m = c.start[k]; m < c.start[k + 1] && inside; m++)
            if (position[c.members[m]] < 0) inside = false;
          if (!inside) continue;
          for (let m = c.start[k]; m < c.start[k + 1]; m++) lists[position[c.members[m]]].push(k);
          const j = slot[t];
          navBest[j] = Math.max(navBest[j], value(k));
        }
      }
    }
    for (const list of lists) list.sort((x, y) => value(y) - value(x) || x - y);
    // each person's share of the best team they could be in: the people still to place add no more than the best shares
    const share = new Float64Array(people.length).fill(-Infinity);
    lists.forEach((list, q) => {
      for (const k of list) share[q] = Math.max(share[q], value(k) / size(k));
    });
    const byShare = people.map((_, q) => q).sort((x, y) => share[y] - share[x] || x - y);
    // people with the fewest teams are decided first
    const order = people.map((_, q) => q).sort((x, y) => lists[x].length - lists[y].length || x - y);
    const state = new Uint8Array(people.length); // 0 undecided, 1 in a team, 2 left out
    const shares = (need: number) => {
      let s = 0;
      for (let r = 0; r < byShare.length && need > 0; r++)
        if (state[byShare[r]] === 0) {
          s += share[byShare[r]];
          need--;
        }
      return need > 0 ? -Infinity : s;
    };

    const navUsed = new Uint8Array(navs.length);
    const byBest = navs.map((_, j) => j).sort((x, y) => navBest[y] - navBest[x] || x - y);
    /** the most the navigators still free can add when `need` people remain to be placed */
    const most = (need: number) => {
      const teams = Math.ceil(need / maxSize);
      const most = Math.floor(need / minSize);
      let s = 0;
      let taken = 0;
      for (let r = 0; r < byBest.length && taken < most; r++) {
        const j = byBest[r];
        if (navUsed[j] || navBest[j] === -Infinity) continue;
        if (taken >= teams && navBest[j] <= 0) break;
        s += navBest[j];
        taken++;
      }
      return taken < teams ? -Infinity : s;
    };
    // when placing one more, the old teams are not a choice: the best new one is taken
    let best = more ? -Infinity : before + 1e-9;
    let bestPick: number[] | null = null;
    const pick: number[] = [];
    let nodes = 0;
    const search = (placed: number, leftOut: number, from: number, sum: number) => {
      if (nodes++ > NODES_PER_STEP) return;
      const need = required - placed;
      if (need === 0) {
        if (sum > best) {
          best = sum;
          bestPick = [...pick];
        }
        return;
      }
      if (sum + shares(need) <= best || sum + most(need) <= best) return;
      let q = from;
      while (q < order.length && state[order[q]] !== 0) q++;
      if (q === order.length) return;
      const person = order[q];
      for (const k of lists[person]) {
        if (size(k) > need) continue;
        const j = slot[c.nav[k]];
        if (navUsed[j]) continue;
        let fits = true;
        for (let m = c.start[k]; m < c.start[k + 1] && fits; m++)
          if (state[position[c.members[m]]] !== 0) fits = false;
        if (!fits) continue;
        navUsed[j] = 1;
        for (let m = c.start[k]; m < c.start[k + 1]; m++) state[position[c.members[m]]] = 1;
        pick.push(k);
        search(placed + size(k), leftOut, q + 1, sum + value(k));
        pick.pop();
        for (let m = c.start[k]; m < c.start[k + 1]; m++) state[position[c.members[m]]] = 0;
        navUsed[j] = 0;
        if (nodes > NODES_PER_STEP) return;
      }
      // or this person stays out, when someone else can take their place
      if (leftOut < people.length - required) {
        state[person] = 2;
        search(placed, leftOut + 1, q + 1, sum);
        state[person] = 0;
      }
    };
    search(0, 0, 0, 0);
    work += nodes * NODE_WORK;
    for (const i of people) position[i] = -1;
    if (bestPick) {
      lastGain = steps;
      placed += more;
      for (const t of navs) {
        const k = teamOf[t];
        if (k < 0) continue;
        total -= c.slots[k];
        count--;
        for (let m = c.start[k]; m < c.start[k + 1]; m++) inTeam[c.members[m]] = 0;
        teamOf[t] = -1;
      }
      for (const k of bestPick as number[]) {
        teamOf[c.nav[k]] = k;
        total += c.slots[k];
        count++;
        for (let m = c.start[k]; m < c.start[k + 1]; m++) inTeam[c.members[m]] = 1;
      }
    }
  }
  const out: number[] = [];
  for (let t = 0; t < T; t++) if (teamOf[t] >= 0) out.push(teamOf[t]);
  return out;
}
