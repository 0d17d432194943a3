// A tighter bound for the bench (decision 081): the set-packing LP on placed
// participants, by column generation over every valid team, strengthened with
// subset-row cuts. For any three participants, the teams holding at least two of
// them pairwise share someone, so at most one of those teams can be chosen: the sum
// of their values is at most 1. Every assignment keeping the rules satisfies these,
// so the LP with them still bounds any assignment, and its fractional answers that
// split three people over overlapping teams are cut off. The duals (people,
// navigators, cuts) give the bound at every round, as for the plain LP: their sum,
// plus each team's value above what its rows' duals charge for it.
import type { Candidates, Highs } from "./optimize";

const COLUMNS_PER_ROUND = 600;
const CUTS_PER_ROUND = 60;

export function subsetRowBound(
  highs: Highs,
  participants: number,
  navigators: number,
  c: Candidates,
  cutRounds = 3,
): number {
  const n = participants;
  const T = navigators;
  const size = (k: number) => c.start[k + 1] - c.start[k];
  const cutsOf: number[][] = Array.from({ length: n }, () => []);
  let cuts = 0;
  const hits = new Map<number, number>();
  /** the cuts team k takes part in (it holds at least two of the cut's three people) */
  const cutsOfTeam = (k: number): number[] => {
    hits.clear();
    for (let m = c.start[k]; m < c.start[k + 1]; m++)
      for (const q of cutsOf[c.members[m]]) hits.set(q, (hits.get(q) ?? 0) + 1);
    const out: number[] = [];
    for (const [q, h] of hits) if (h >= 2) out.push(q);
    return out.sort((a, b) => a - b);
  };
  const rowsOf = (k: number) => {
    const rows: number[] = [];
    for (let m = c.start[k]; m < c.start[k + 1]; m++) rows.push(c.members[m]);
    rows.push(n + c.nav[k]);
    for (const q of cutsOfTeam(k)) rows.push(n + T + q);
    return rows;
  };
  const ks: number[] = [];
  const inSet = new Uint8Array(c.count);
  // to start with, each navigator's first ten teams
  const taken = new Int32Array(T);
  for (let k = 0; k < c.count; k++)
    if (taken[c.nav[k]]++ < 10) {
      inSet[k] = 1;
      ks.push(k);
    }
  const columns = (list: number[], rows: number) => {
    const starts = [0];
    const indices: number[] = [];
    for (const k of list) {
      indices.push(...rowsOf(k));
      starts.push(indices.length);
    }
    return {
      format: "csc" as const,
      numRows: rows,
      numCols: list.length,
      starts: Int32Array.from(starts),
      indices: Int32Array.from(indices),
      values: new Float64Array(indices.length).fill(1),
    };
  };
  const model = highs.createModel({
    numCols: ks.length,
    numRows: n + T,
    sense: highs.constants.objectiveSense.maximize,
    colCost: Float64Array.from(ks, size),
    colLower: new Float64Array(ks.length),
    colUpper: new Float64Array(ks.length).fill(1),
    rowLower: new Float64Array(n + T).fill(-highs.infinity),
    rowUpper: new Float64Array(n + T).fill(1),
    matrix: columns(ks, n + T),
  });
  let best = Infinity;
  try {
    model.options.set({ output_flag: false, presolve: "off", solver: "simplex" });
    for (let round = 0; round <= cutRounds; round++) {
      let x = new Float64Array(0);
      // column generation to the end with the cuts so far
      for (let pricing = 0; pricing < 500; pricing++) {
        model.run();
        if (model.getModelStatus() !== highs.constants.modelStatus.optimal) return best;
        const solution = model.getSolution();
        x = Float64Array.from(solution.colValue);
        const y = Float64Array.from(solution.rowDual, (v) => Math.max(0, v));
        let bound = y.reduce((s, v) => s + v, 0);
        const priced: [number, number][] = [];
        for (let k = 0; k < c.count; k++) {
          let r = size(k) - y[n + c.nav[k]];
          for (let m = c.start[k]; m < c.start[k + 1]; m++) r -= y[c.members[m]];
          if (r <= 1e-7) continue;
          if (cuts > 0) for (const q of cutsOfTeam(k)) r -= y[n + T + q];
          if (r > 1e-7) {
            bound += r;
            if (!inSet[k]) priced.push([k, r]);
          }
        }
        best = Math.min(best, bound);
        if (priced.length === 0) break;
        priced.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
        const added = priced.slice(0, COLUMNS_PER_ROUND).map(([k]) => k);
        for (const k of added) {
          inSet[k] = 1;
          ks.push(k);
        }
        model.addCols({
          cost: Float64Array.from(added, size),
          lower: new Float64Array(added.length),
          upper: new Float64Array(added.length).fill(1),
          matrix: columns(added, n + T + cuts),
        });
      }
      if (round === cutRounds) break;
      // the most violated cuts among the LP's fractional teams
      const support: number[] = [];
      ks.forEach((k, j) => {
        if (x[j] > 1e-6 && x[j] < 1 - 1e-6) support.push(j);
      });
      const partners: Set<number>[] = Array.from({ length: n }, () => new Set());
      for (const j of support) {
        const k = ks[j];
        for (let a = c.start[k]; a < c.start[k + 1]; a++)
          for (let b = c.start[k]; b < c.start[k + 1]; b++)
            if (a !== b) partners[c.members[a]].add(c.members[b]);
      }
      const existing = new Set<string>();
      const triples: [number, number, number, number][] = [];
      for (let i = 0; i < n; i++) {
        const js = [...partners[i]].filter((j) => j > i).sort((a, b) => a - b);
        for (let a = 0; a < js.length; a++)
          for (let b = a + 1; b < js.length; b++) {
            const key = `${i},${js[a]},${js[b]}`;
            if (existing.has(key)) continue;
            existing.add(key);
            let activity = 0;
            for (const j of support) {
              const k = ks[j];
              let h = 0;
              for (let m = c.start[k]; m < c.start[k + 1]; m++) {
                const q = c.members[m];
                if (q === i || q === js[a] || q === js[b]) h++;
              }
              if (h >= 2) activity += x[j];
            }
            if (activity > 1.02) triples.push([i, js[a], js[b], activity]);
          }
      }
      if (triples.length === 0) break;
      triples.sort((a, b) => b[3] - a[3] || a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
      const chosen = triples.slice(0, CUTS_PER_ROUND);
      // the new rows over the columns in the model
      const rowStarts = [0];
      const rowIndices: number[] = [];
      for (const [i, j, l] of chosen) {
        ks.forEach((k, col) => {
          let h = 0;
          for (let m = c.start[k]; m < c.start[k + 1]; m++) {
            const q = c.members[m];
            if (q === i || q === j || q === l) h++;
          }
          if (h >= 2) rowIndices.push(col);
        });
        rowStarts.push(rowIndices.length);
        cutsOf[i].push(cuts);
        cutsOf[j].push(cuts);
        cutsOf[l].push(cuts);
        cuts++;
      }
      model.addRows({
        lower: new Float64Array(chosen.length).fill(-highs.infinity),
        upper: new Float64Array(chosen.length).fill(1),
        matrix: {
          format: "csr",
          numRows: chosen.length,
          numCols: ks.length,
          starts: Int32Array.from(rowStarts),
          indices: Int32Array.from(rowIndices),
          values: new Float64Array(rowIndices.length).fill(1),
        },
      });
    }
  } finally {
    model.dispose();
  }
  return best;
}
