// The valid teams a column generation has in its LP so far (decisions 080, 083): each
// taken once, in the order taken, starting with each navigator's best few.
import type { Candidates } from "./optimize";

export type ColumnSet = {
  /** the teams taken, in order (indices into the candidates) */
  ks: number[];
  /** 1 for a team already taken */
  taken: Uint8Array;
  take: (k: number) => void;
};

export function columnSet(c: Candidates): ColumnSet {
  const taken = new Uint8Array(c.count);
  const ks: number[] = [];
  const take = (k: number) => {
    if (!taken[k]) {
      taken[k] = 1;
      ks.push(k);
    }
  };
  return { ks, taken, take };
}

/** Each navigator's first `count` valid teams in `order` (navigators in turn). */
export function eachNavigatorsBest(
  c: Candidates,
  order: (x: number, y: number) => number,
  count: number,
): number[] {
  const byNav: number[][] = [];
  for (let k = 0; k < c.count; k++) (byNav[c.nav[k]] ??= []).push(k);
  return byNav.flatMap((list) => (list ? list.sort(order).slice(0, count) : []));
}
