// The team suggester on a large cohort: 300 participants and 80 navigators must be
// answered in under 2 s, with more shared hours than a plain greedy assignment.
// Two kinds of seeded pools: busy people (few evening and weekend windows, so placing
// people is the hard part) and freer people (almost everyone can be placed, so the
// comparison is mostly about shared hours).
import { greedyTeams, suggestTeams, type Suggestion } from "../../app/teams/suggest";
import { randomPool } from "../fixtures/team-pool";

const line = (label: string, s: Suggestion, ms: number) =>
  `  ${label}: ${s.placed} placed in ${s.draft.teams.length} teams, ${s.sharedHours} shared hours a week (${(s.draft.teams.length ? s.sharedHours / s.draft.teams.length : 0).toFixed(1)} per team), ${ms.toFixed(0)} ms`;

export async function bench(): Promise<void> {
  const runs: [string, number, number][] = [["busy", 1, 1], ["busy", 1, 2], ["busy", 1, 3], ["freer", 0.5, 1], ["freer", 0.5, 2]];
  let slowest = 0;
  let wins = 0;
  for (const [kind, busy, seed] of runs) {
    const pool = randomPool(seed, 300, 80, 20, undefined, busy);
    const t0 = performance.now();
    const greedy = greedyTeams(pool);
    const t1 = performance.now();
    const suggested = suggestTeams(pool);
    const t2 = performance.now();
    slowest = Math.max(slowest, t2 - t1);
    if (suggested.placed >= greedy.placed && suggested.sharedHours > greedy.sharedHours) wins++;
    console.log(`${kind} pool ${seed}: 300 participants, 80 navigators, 20 captains`);
    console.log(line("plain greedy", greedy, t1 - t0));
    console.log(line("suggester   ", suggested, t2 - t1));
  }
  console.log(`slowest suggestion ${slowest.toFixed(0)} ms (${slowest < 2000 ? "under" : "OVER"} the 2 s target); more shared hours than greedy in ${wins} of ${runs.length} pools`);
}
