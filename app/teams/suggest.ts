// Suggests teams: each navigator leads at most one team of participants who chose
// (or accept) a common project, with the cohort's size and shared-hours rules, and a
// captain where one shares enough hours. Goals, in order: place as many participants
// as possible, then maximise the team's shared weekly hours, then place better-scored
// applicants. Greedy seeding, then a deterministic local search (insert, move, swap,
// replace, make-room) over bitset intersections. Pure and deterministic: the same
// input gives the same answer (no clocks, no randomness).
import { andAll, bitsFromSlots, count, countAnd, type Bits, WORDS } from "./bitset";

export type TeamRules = {
  teamSizeMin: number;
  teamSizeMax: number;
  minSharedHours: number;
  captainMinSharedHours: number;
};

export type PoolParticipant = {
  id: string;
  name?: string;
  /** 336-character UTC slot string, null when not given */
  slots: string | null;
  /** project ids in preference order (rank 1 first) */
  projectIds: string[];
  anyProject: boolean;
  /** application score (mean of review scores), null when unscored */
  score: number | null;
};

export type PoolGuide = { id: string; name?: string; slots: string | null; projectId: string | null };

export type SuggestInput = {
  rules: TeamRules;
  /** the cohort's project ids */
  projects: string[];
  participants: PoolParticipant[];
  navigators: PoolGuide[];
  captains: PoolGuide[];
};

export type DraftTeam = { navigatorId: string; captainId: string | null; participantIds: string[] };
export type Draft = { teams: DraftTeam[] };

export type LeftOut = { id: string; role: "participant" | "navigator" | "captain"; reason: string };

export type Suggestion = {
  draft: Draft;
  /** project chosen per navigator id */
  projects: Record<string, string | null>;
  leftOut: LeftOut[];
  placed: number;
  /** sum over teams of the hours the participants and navigator share */
  sharedHours: number;
};

const ALL_PROJECTS = 0xffffffff;

export type Prepared = {
  rules: TeamRules;
  minSlots: number;
  captainMinSlots: number;
  projects: string[];
  parts: {
    id: string;
    bits: Bits;
    proj: number;
    score: number;
    rankOf: Map<number, number>;
    hasSlots: boolean;
  }[];
  navs: { id: string; bits: Bits; proj: number }[];
  caps: { id: string; bits: Bits; proj: number }[];
};

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function prepare(input: SuggestInput): Prepared {
  const projects = [...input.projects].sort().slice(0, 32);
  const index = new Map(projects.map((p, i) => [p, i]));
  const guideProj = (projectId: string | null) =>
    projectId != null && index.has(projectId) ? 1 << index.get(projectId)! : ALL_PROJECTS;
  const parts = [...input.participants].sort(byId).map((p) => {
    const ranked = p.projectIds.filter((id) => index.has(id));
    let proj = 0;
    const rankOf = new Map<number, number>();
    ranked.forEach((id, r) => {
      proj |= 1 << index.get(id)!;
      rankOf.set(index.get(id)!, r + 1);
    });
    if (p.anyProject || ranked.length === 0) proj = ALL_PROJECTS;
    const bits = bitsFromSlots(p.slots);
    return { id: p.id, bits, proj: proj | 0, score: p.score ?? 0, rankOf, hasSlots: count(bits) > 0 };
  });
  return {
    rules: input.rules,
    minSlots: Math.ceil(input.rules.minSharedHours * 2),
    captainMinSlots: Math.ceil(input.rules.captainMinSharedHours * 2),
    projects,
    parts,
    navs: [...input.navigators]
      .sort(byId)
      .map((n) => ({ id: n.id, bits: bitsFromSlots(n.slots), proj: guideProj(n.projectId) | 0 })),
    caps: [...input.captains]
      .sort(byId)
      .map((c) => ({ id: c.id, bits: bitsFromSlots(c.slots), proj: guideProj(c.projectId) | 0 })),
  };
}

type TeamCache = {
  version: number;
  full: Bits;
  fullProj: number;
  without: Map<number, { bits: Bits; proj: number }>;
};

/** Mutable assignment of participants (by index) to navigators' teams (by index). */
export class Assignment {
  teamOf: Int32Array;
  members: number[][];
  // Each team's shared mask, and its mask with one member left out, are cached until
  // the team changes: evaluating a move is then one AND-and-popcount, no allocation.
  private versions: number[];
  private cache: (TeamCache | null)[];
  constructor(private readonly p: Prepared) {
    this.teamOf = new Int32Array(p.parts.length).fill(-1);
    this.members = p.navs.map(() => []);
    this.versions = p.navs.map(() => 0);
    this.cache = p.navs.map(() => null);
  }
  add(i: number, t: number) {
    this.teamOf[i] = t;
    this.members[t].push(i);
    this.versions[t]++;
  }
  remove(i: number) {
    const t = this.teamOf[i];
    if (t < 0) return;
    this.members[t] = this.members[t].filter((m) => m !== i);
    this.teamOf[i] = -1;
    this.versions[t]++;
  }
  private cached(t: number): TeamCache {
    let c = this.cache[t];
    if (!c || c.version !== this.versions[t]) {
      const nav = this.p.navs[t];
      const full = new Uint32Array(nav.bits);
      let fullProj = nav.proj;
      for (const m of this.members[t]) {
        const part = this.p.parts[m];
        for (let w = 0; w < WORDS; w++) full[w] &= part.bits[w];
        fullProj &= part.proj;
      }
      c = { version: this.versions[t], full, fullProj, without: new Map() };
      this.cache[t] = c;
    }
    return c;
  }
  private without(t: number, i: number): { bits: Bits; proj: number } {
    const c = this.cached(t);
    let entry = c.without.get(i);
    if (!entry) {
      const nav = this.p.navs[t];
      const bits = new Uint32Array(nav.bits);
      let proj = nav.proj;
      for (const m of this.members[t]) {
        if (m === i) continue;
        const part = this.p.parts[m];
        for (let w = 0; w < WORDS; w++) bits[w] &= part.bits[w];
        proj &= part.proj;
      }
      entry = { bits, proj };
      c.without.set(i, entry);
    }
    return entry;
  }
  /** shared slots and project mask of team t with `without` removed and `add` added */
  evaluate(t: number, without = -1, add = -1): { slots: number; proj: number; size: number } {
    const base = without >= 0 && this.teamOf[without] === t ? this.without(t, without) : null;
    const bits = base ? base.bits : this.cached(t).full;
    let proj = base ? base.proj : this.cached(t).fullProj;
    let size = this.members[t].length - (base ? 1 : 0);
    let slots: number;
    if (add >= 0) {
      const part = this.p.parts[add];
      slots = countAnd(bits, part.bits);
      proj &= part.proj;
      size++;
    } else {
      slots = count(bits);
    }
    return { slots, proj, size };
  }
  feasible(e: { slots: number; proj: number; size: number }): boolean {
    if (e.size === 0) return true;
    const r = this.p.rules;
    return e.size >= r.teamSizeMin && e.size <= r.teamSizeMax && e.slots >= this.p.minSlots && e.proj !== 0;
  }
  /** like feasible, but a team may still be below the minimum size while it is being built */
  growable(e: { slots: number; proj: number; size: number }): boolean {
    return e.size <= this.p.rules.teamSizeMax && e.slots >= this.p.minSlots && e.proj !== 0;
  }
  sharedOf(t: number): number {
    return this.members[t].length === 0 ? 0 : this.evaluate(t).slots;
  }
}

function order(p: Prepared): number[] {
  // better-scored applicants first; ties by id (prepare sorted by id)
  return p.parts.map((_, i) => i).sort((a, b) => p.parts[b].score - p.parts[a].score || a - b);
}

/** Dissolves teams below the minimum size (their participants go back to the pool). */
function dropSmallTeams(a: Assignment, p: Prepared) {
  for (let t = 0; t < p.navs.length; t++) {
    if (a.members[t].length > 0 && a.members[t].length < p.rules.teamSizeMin) {
      for (const i of [...a.members[t]]) a.remove(i);
    }
  }
}

/**
 * The plain greedy baseline: each participant in score order joins the team
 * where the most shared slots remain; teams left below the minimum size dissolve.
 */
function greedy(p: Prepared): Assignment {
  const a = new Assignment(p);
  for (const i of order(p)) {
    let best = -1;
    let bestSlots = -1;
    for (let t = 0; t < p.navs.length; t++) {
      const e = a.evaluate(t, -1, i);
      if (!a.growable(e)) continue;
      if (e.slots > bestSlots) {
        bestSlots = e.slots;
        best = t;
      }
    }
    if (best >= 0) a.add(i, best);
  }
  dropSmallTeams(a, p);
  return a;
}

/** Seeding by navigator: fill one team at a time with the participants who keep the most hours. */
function seedByNavigator(p: Prepared): Assignment {
  const a = new Assignment(p);
  const ranked = order(p);
  // Navigators with the fewest workable participants go first.
  const reach = p.navs.map(
    (nav) =>
      ranked.filter(
        (i) => (nav.proj & p.parts[i].proj) !== 0 && count(andAll([nav.bits, p.parts[i].bits])) >= p.minSlots,
      ).length,
  );
  const navOrder = p.navs.map((_, t) => t).sort((x, y) => reach[x] - reach[y] || x - y);
  for (const t of navOrder) {
    for (let k = 0; k < p.rules.teamSizeMax; k++) {
      let best = -1;
      let bestKey = -Infinity;
      for (const i of ranked) {
        if (a.teamOf[i] >= 0) continue;
        const e = a.evaluate(t, -1, i);
        if (!a.growable(e)) continue;
        const key = e.slots * 1000 + p.parts[i].score;
        if (key > bestKey) {
          bestKey = key;
          best = i;
        }
      }
      if (best < 0) break;
      a.add(best, t);
    }
    if (a.members[t].length < p.rules.teamSizeMin) for (const i of [...a.members[t]]) a.remove(i);
  }
  return a;
}

export type Score = { placed: number; slots: number; score: number };

export function scoreOf(a: Assignment, p: Prepared): Score {
  let placed = 0;
  let slots = 0;
  let score = 0;
  for (let t = 0; t < p.navs.length; t++) {
    if (a.members[t].length === 0) continue;
    placed += a.members[t].length;
    slots += a.sharedOf(t);
    for (const i of a.members[t]) score += p.parts[i].score;
  }
  return { placed, slots, score };
}

export const better = (x: Score, y: Score) =>
  x.placed !== y.placed
    ? x.placed > y.placed
    : x.slots !== y.slots
      ? x.slots > y.slots
      : x.score > y.score + 1e-9;

/** How many first picks `openTeams` tries per unused navigator (a fixed limit, not a clock). */
const FIRST_PICKS = 12;

/**
 * Tries to open a new team around each unused navigator. A team is grown from several
 * first picks, each time taking whoever keeps the most shared slots. Besides unplaced
 * participants it may take someone from another team, when that team can spare them
 * (it stays at its minimum size, and fewer people only share more hours) or when an
 * unplaced participant can take their seat there: so the navigator of a rarer project
 * gets the people only they can lead. A new team is kept when it places more people.
 */
function openTeams(a: Assignment, p: Prepared): boolean {
  let changed = false;
  const ranked = order(p);
  const { teamSizeMin: min, teamSizeMax: max } = p.rules;
  for (let t = 0; t < p.navs.length; t++) {
    if (a.members[t].length > 0) continue;
    const nav = p.navs[t];
    const fits = ranked.filter(
      (i) => (nav.proj & p.parts[i].proj) !== 0 && countAnd(nav.bits, p.parts[i].bits) >= p.minSlots,
    );
    if (!fits.some((i) => a.teamOf[i] < 0)) continue;
    // who may take a seat someone leaves for the new team: first those who could not join it
    const fitting = new Set(fits);
    const unplaced = ranked
      .filter((i) => a.teamOf[i] < 0)
      .sort((x, y) => Number(fitting.has(x)) - Number(fitting.has(y)));
    // unplaced people first as first picks, then those who share the most with the navigator
    const firsts = [...fits]
      .sort(
        (x, y) =>
          Number(a.teamOf[x] >= 0) - Number(a.teamOf[y] >= 0) ||
          countAnd(nav.bits, p.parts[y].bits) - countAnd(nav.bits, p.parts[x].bits),
      )
      .slice(0, FIRST_PICKS);
    let best: { picked: number[]; seats: Map<number, number> } | null = null;
    let bestGain = 0;
    let bestSlots = -1;
    for (const first of firsts) {
      const picked: number[] = [];
      const taken = new Map<number, number>(); // team → how many left it for the new team
      const seats = new Map<number, number>(); // person leaving their team → unplaced person taking the seat
      const seated = new Set<number>();
      const mask = new Uint32Array(nav.bits);
      let proj = nav.proj;
      /** How `i` can leave their team: free (unplaced or spare), -1 for no way, or who takes the seat. */
      const leave = (i: number, size: number): "free" | number => {
        const from = a.teamOf[i];
        if (from < 0) return "free";
        const gone = taken.get(from) ?? 0;
        if (size < min && a.members[from].length - gone > min) return "free";
        if (gone > 0) return -1; // a team gives at most one seat to a newcomer (evaluate() sees one change)
        for (const u of unplaced) {
          if (seated.has(u) || picked.includes(u) || u === i) continue;
          if (a.feasible(a.evaluate(from, i, u))) return u;
        }
        return -1;
      };
      const pick = (i: number, how: "free" | number) => {
        picked.push(i);
        const from = a.teamOf[i];
        if (from >= 0) taken.set(from, (taken.get(from) ?? 0) + 1);
        if (how !== "free") {
          seats.set(i, how);
          seated.add(how);
        }
        for (let w = 0; w < WORDS; w++) mask[w] &= p.parts[i].bits[w];
        proj &= p.parts[i].proj;
      };
      const firstWay = leave(first, 0);
      if (firstWay === -1) continue;
      pick(first, firstWay);
      while (picked.length < max) {
        let next = -1;
        let nextWay: "free" | number = -1;
        let nextKey = -1;
        for (const i of fits) {
          if (picked.includes(i) || seated.has(i)) continue;
          if ((proj & p.parts[i].proj) === 0) continue;
          const slots = countAnd(mask, p.parts[i].bits);
          if (slots < p.minSlots) continue;
          // an unplaced person, or a seat passed on to one, places someone more
          if (1000 + slots <= nextKey) continue;
          const way = leave(i, picked.length);
          if (way === -1) continue;
          // once the team is big enough, only moves that place someone more make it better
          const key = (a.teamOf[i] < 0 || way !== "free" ? 1000 : 0) + slots;
          if (key < 1000 && picked.length >= min) continue;
          if (key > nextKey) {
            nextKey = key;
            next = i;
            nextWay = way;
          }
        }
        if (next < 0) break;
        pick(next, nextWay);
      }
      if (picked.length < min) continue;
      const gain = picked.filter((i) => a.teamOf[i] < 0).length + seats.size;
      const slots = count(mask);
      if (gain > bestGain || (gain === bestGain && gain > 0 && slots > bestSlots)) {
        best = { picked, seats };
        bestGain = gain;
        bestSlots = slots;
      }
    }
    if (best) {
      for (const i of best.picked) {
        const from = a.teamOf[i];
        a.remove(i);
        a.add(i, t);
        const u = best.seats.get(i);
        if (u !== undefined) a.add(u, from);
      }
      changed = true;
    }
  }
  return changed;
}

function localSearch(a: Assignment, p: Prepared, maxPasses = 40): void {
  const n = p.parts.length;
  const T = p.navs.length;
  const { teamSizeMin: min, teamSizeMax: max } = p.rules;
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = openTeams(a, p);
    const shared = Array.from({ length: T }, (_, t) => a.sharedOf(t));
    // 1. insert unplaced participants where they fit best
    for (let i = 0; i < n; i++) {
      if (a.teamOf[i] >= 0) continue;
      let best = -1;
      let bestSlots = -1;
      for (let t = 0; t < T; t++) {
        const size = a.members[t].length;
        if (size === 0 || size >= max) continue;
        const e = a.evaluate(t, -1, i);
        if (a.feasible(e) && e.slots > bestSlots) {
          bestSlots = e.slots;
          best = t;
        }
      }
      if (best >= 0) {
        a.add(i, best);
        shared[best] = bestSlots;
        improved = true;
      }
    }
    // 2. make room: unplaced i takes j's place in a team (full, or one i cannot share enough hours with while j is in it), j moves to a team with room
    for (let i = 0; i < n; i++) {
      if (a.teamOf[i] >= 0) continue;
      search: for (let t = 0; t < T; t++) {
        if (a.members[t].length === 0) continue;
        for (const j of a.members[t]) {
          const et = a.evaluate(t, j, i);
          if (!a.feasible(et)) continue;
          for (let b = 0; b < T; b++) {
            if (b === t || a.members[b].length === 0 || a.members[b].length >= max) continue;
            const eb = a.evaluate(b, -1, j);
            if (!a.feasible(eb)) continue;
            a.remove(j);
            a.add(j, b);
            a.add(i, t);
            shared[t] = et.slots;
            shared[b] = eb.slots;
            improved = true;
            break search;
          }
        }
      }
    }
    // 3. move a participant to another team when the two teams share more hours
    for (let i = 0; i < n; i++) {
      const from = a.teamOf[i];
      if (from < 0 || a.members[from].length <= min) continue;
      const ef = a.evaluate(from, i);
      if (!a.feasible(ef)) continue;
      let best = -1;
      let bestGain = 0;
      let bestSlots = 0;
      for (let t = 0; t < T; t++) {
        if (t === from || a.members[t].length === 0 || a.members[t].length >= max) continue;
        const et = a.evaluate(t, -1, i);
        if (!a.feasible(et)) continue;
        const gain = ef.slots + et.slots - shared[from] - shared[t];
        if (gain > bestGain) {
          bestGain = gain;
          best = t;
          bestSlots = et.slots;
        }
      }
      if (best >= 0) {
        a.remove(i);
        a.add(i, best);
        shared[from] = ef.slots;
        shared[best] = bestSlots;
        improved = true;
      }
    }
    // 4. swap two participants of different teams
    for (let i = 0; i < n; i++) {
      const ti = a.teamOf[i];
      if (ti < 0) continue;
      const upperI = a.evaluate(ti, i).slots;
      for (let j = i + 1; j < n; j++) {
        const tj = a.teamOf[j];
        if (tj < 0 || tj === ti) continue;
        // a swap cannot gain unless both teams could share more without the one leaving
        if (upperI + a.evaluate(tj, j).slots <= shared[ti] + shared[tj]) continue;
        const ei = a.evaluate(ti, i, j);
        if (!a.feasible(ei)) continue;
        const ej = a.evaluate(tj, j, i);
        if (!a.feasible(ej)) continue;
        if (ei.slots + ej.slots > shared[ti] + shared[tj]) {
          a.remove(i);
          a.remove(j);
          a.add(i, tj);
          a.add(j, ti);
          shared[ti] = ei.slots;
          shared[tj] = ej.slots;
          improved = true;
          break;
        }
      }
    }
    // 5. replace a placed participant by an unplaced one: more hours, or same hours and a better score
    for (let u = 0; u < n; u++) {
      if (a.teamOf[u] >= 0) continue;
      let bestT = -1;
      let bestJ = -1;
      let bestKey: [number, number] = [0, 0];
      for (let t = 0; t < T; t++) {
        if (a.members[t].length === 0) continue;
        for (const j of a.members[t]) {
          const e = a.evaluate(t, j, u);
          if (!a.feasible(e)) continue;
          const key: [number, number] = [e.slots - shared[t], p.parts[u].score - p.parts[j].score];
          if (key[0] > bestKey[0] || (key[0] === bestKey[0] && key[0] >= 0 && key[1] > bestKey[1] + 1e-9)) {
            bestKey = key;
            bestT = t;
            bestJ = j;
          }
        }
      }
      if (bestT >= 0) {
        a.remove(bestJ);
        a.add(u, bestT);
        shared[bestT] += bestKey[0];
        improved = true;
      }
    }
    if (!improved) break;
  }
}

export function chooseProject(a: Assignment, p: Prepared, t: number): string | null {
  const proj = a.evaluate(t).proj;
  let best: string | null = null;
  let bestCost = Infinity;
  p.projects.forEach((id, k) => {
    if (!(proj & (1 << k))) return;
    let cost = 0;
    for (const i of a.members[t]) cost += p.parts[i].rankOf.get(k) ?? 2;
    if (cost < bestCost) {
      bestCost = cost;
      best = id;
    }
  });
  return best;
}

function assignCaptains(a: Assignment, p: Prepared): Map<number, number> {
  const pairs: { c: number; t: number; slots: number }[] = [];
  p.caps.forEach((cap, c) => {
    for (let t = 0; t < p.navs.length; t++) {
      if (a.members[t].length === 0) continue;
      const team = a.evaluate(t);
      if ((team.proj & cap.proj) === 0) continue;
      const mask = andAll([cap.bits, p.navs[t].bits, ...a.members[t].map((i) => p.parts[i].bits)]);
      const slots = count(mask);
      if (slots >= p.captainMinSlots) pairs.push({ c, t, slots });
    }
  });
  pairs.sort((x, y) => y.slots - x.slots || x.c - y.c || x.t - y.t);
  const captainOf = new Map<number, number>();
  const used = new Set<number>();
  for (const pair of pairs) {
    if (captainOf.has(pair.t) || used.has(pair.c)) continue;
    captainOf.set(pair.t, pair.c);
    used.add(pair.c);
  }
  return captainOf;
}

const hours = (slots: number) => slots / 2;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function explain(a: Assignment, p: Prepared, captainOf: Map<number, number>): LeftOut[] {
  const r = p.rules;
  const out: LeftOut[] = [];
  const minText = `${r.minSharedHours} shared hours a week`;
  p.parts.forEach((part, i) => {
    if (a.teamOf[i] >= 0) return;
    let reason: string;
    const compatible = p.navs.map((nav, t) => t).filter((t) => (p.navs[t].proj & part.proj) !== 0);
    if (!part.hasSlots) reason = "Has not given any weekly availability.";
    else if (compatible.length === 0) reason = "No navigator guides a project they chose.";
    else if (!compatible.some((t) => count(andAll([p.navs[t].bits, part.bits])) >= p.minSlots)) {
      reason = `Shares fewer than ${r.minSharedHours} hours a week with every navigator of a project they chose.`;
    } else {
      const joinable = compatible.filter(
        (t) =>
          a.members[t].length > 0 &&
          (() => {
            const e = a.evaluate(t, -1, i);
            return e.slots >= p.minSlots && e.proj !== 0;
          })(),
      );
      if (joinable.length > 0)
        reason = `Every team they could join keeping ${minText} is full (${plural(r.teamSizeMax, "participant")}).`;
      else {
        const free = compatible.filter(
          (t) => a.members[t].length === 0 && count(andAll([p.navs[t].bits, part.bits])) >= p.minSlots,
        );
        reason =
          free.length > 0
            ? `No team keeps ${minText} with them, and a new team of ${r.teamSizeMin} with them would take people from other teams, leaving those teams too small or someone else out.`
            : `No team keeps ${minText} with them, and every navigator they share enough hours with already leads a team.`;
      }
    }
    out.push({ id: part.id, role: "participant", reason });
  });
  p.navs.forEach((nav, t) => {
    if (a.members[t].length > 0) return;
    const candidates = p.parts.filter(
      (part) => (part.proj & nav.proj) !== 0 && count(andAll([nav.bits, part.bits])) >= p.minSlots,
    );
    const reason =
      count(nav.bits) === 0
        ? "Has not given any weekly availability."
        : candidates.length === 0
          ? `No participant of their project shares ${r.minSharedHours} hours a week with them.`
          : `Too few participants remain who share ${r.minSharedHours} hours a week with them to form a team of ${r.teamSizeMin}.`;
    out.push({ id: nav.id, role: "navigator", reason });
  });
  const placedCaptains = new Set(captainOf.values());
  p.caps.forEach((cap, c) => {
    if (placedCaptains.has(c)) return;
    const reason =
      count(cap.bits) === 0
        ? "Has not given any weekly availability."
        : `No team without a captain shares ${r.captainMinSharedHours} hours a week with them.`;
    out.push({ id: cap.id, role: "captain", reason });
  });
  return out;
}

export function toSuggestion(a: Assignment, p: Prepared): Suggestion {
  const captainOf = assignCaptains(a, p);
  const teams: DraftTeam[] = [];
  const projects: Record<string, string | null> = {};
  let slots = 0;
  let placed = 0;
  for (let t = 0; t < p.navs.length; t++) {
    if (a.members[t].length === 0) continue;
    const c = captainOf.get(t);
    teams.push({
      navigatorId: p.navs[t].id,
      captainId: c === undefined ? null : p.caps[c].id,
      participantIds: [...a.members[t]].sort((x, y) => x - y).map((i) => p.parts[i].id),
    });
    projects[p.navs[t].id] = chooseProject(a, p, t);
    slots += a.sharedOf(t);
    placed += a.members[t].length;
  }
  return { draft: { teams }, projects, leftOut: explain(a, p, captainOf), placed, sharedHours: hours(slots) };
}

/** The plain greedy assignment, for comparison in the benchmark. */
export function greedyTeams(input: SuggestInput): Suggestion {
  const p = prepare(input);
  return toSuggestion(greedy(p), p);
}

/** The better of the two seeds, each improved by the local search. */
export function localSearchAssignment(p: Prepared): Assignment {
  let best: Assignment | null = null;
  let bestScore: Score | null = null;
  for (const seed of [greedy(p), seedByNavigator(p)]) {
    localSearch(seed, p);
    const s = scoreOf(seed, p);
    if (!bestScore || better(s, bestScore)) {
      best = seed;
      bestScore = s;
    }
  }
  return best!;
}

/** An assignment from given teams (navigator index, participant indices), improved by the local search. */
export function improve(p: Prepared, teams: { t: number; members: number[] }[], maxPasses = 40): Assignment {
  const a = new Assignment(p);
  for (const team of teams) for (const i of team.members) a.add(i, team.t);
  localSearch(a, p, maxPasses);
  return a;
}

export function suggestTeams(input: SuggestInput): Suggestion {
  const p = prepare(input);
  return toSuggestion(localSearchAssignment(p), p);
}
