// The team suggester on a large cohort: 300 participants and 80 navigators. Two kinds
// of seeded pools: busy people (few evening and weekend windows, so placing people is
// the hard part) and freer people (almost everyone can be placed, so the comparison is
// mostly about shared hours). For each pool: the plain greedy baseline, the local
// search alone (decision 020), and the suggestion the organizer's page gives (the LP
// bound by column generation with HiGHS, then the neighbourhood search of decision
// 081, the hours pass of decision 082, the hours LP of decision 083 and its dive, decision 084), with an upper bound on how many people any
// assignment keeping the rules could place, computed in the same run without a time
// budget (the set-packing LP with two rounds of subset-row cuts, or the assignment
// relaxation when there are too many valid teams to list). Hours per team are also
// given by team size, as teams of four share fewer hours than teams of three.
import { andAll, bitsFromSlots, count } from "../../app/teams/bitset";
import { greedyTeams, suggestTeams, type SuggestInput, type Suggestion } from "../../app/teams/suggest";
import { hoursUpperBound, loadSolver, suggestOptimizedTeams, upperBound } from "../../app/teams/optimize";
import { randomPool } from "../fixtures/team-pool";

const perTeam = (s: Suggestion) => (s.draft.teams.length ? s.sharedHours / s.draft.teams.length : 0);
const line = (label: string, s: Suggestion, ms: number) =>
  `  ${label}: ${s.placed} placed in ${s.draft.teams.length} teams, ${s.sharedHours} shared hours a week (${perTeam(s).toFixed(2)} per team), ${ms.toFixed(0)} ms`;

/** Mean shared hours of the teams of each size, so that teams of the same size can be compared. */
function hoursBySize(pool: SuggestInput, s: Suggestion): Record<string, number> {
  const slots = new Map([...pool.participants, ...pool.navigators].map((p) => [p.id, p.slots]));
  const bySize = new Map<number, number[]>();
  for (const team of s.draft.teams) {
    const people = [team.navigatorId, ...team.participantIds];
    const hours = count(andAll(people.map((id) => bitsFromSlots(slots.get(id))))) / 2;
    bySize.set(team.participantIds.length, [...(bySize.get(team.participantIds.length) ?? []), hours]);
  }
  return Object.fromEntries(
    [...bySize.entries()]
      .sort(([a], [b]) => a - b)
      .map(([size, hours]) => [`${size}: ${hours.length} teams`, Number((hours.reduce((x, y) => x + y, 0) / hours.length).toFixed(2))]),
  );
}
const sizes = (by: Record<string, number>) =>
  Object.entries(by)
    .map(([k, v]) => `${k} of ${v} h`)
    .join(", ");

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

export async function bench(): Promise<Record<string, unknown>> {
  const runs: [string, number, number][] = [["busy", 1, 1], ["busy", 1, 2], ["busy", 1, 3], ["freer", 0.5, 1], ["freer", 0.5, 2]];
  await loadSolver(); // the WebAssembly module is compiled once per server process
  const teams: { pool: string; placed: number; bound: number; bound_proven: boolean; bound_method: string; ms: number; cpu_ms: number; local_search_placed: number; hours_per_team: number; hours_proven: boolean; cut_short: boolean; hours_bound: number | null; local_search_hours_per_team: number; hours_per_team_by_size: Record<string, number>; local_search_hours_per_team_by_size: Record<string, number> }[] = [];
  for (const [kind, busy, seed] of runs) {
    const pool = randomPool(seed, 300, 80, 20, undefined, busy);
    const t0 = performance.now();
    const greedy = greedyTeams(pool);
    const t1 = performance.now();
    const local = suggestTeams(pool);
    const t2 = performance.now();
    const c0 = cpuMs();
    const suggested = await suggestOptimizedTeams(pool);
    const t3 = performance.now();
    const c1 = cpuMs();
    // the bound, with no time budget
    const bounded = await upperBound(pool, undefined, 2);
    const bound = Math.min(suggested.bound, bounded.bound);
    const hoursAtMost = await hoursUpperBound(pool, suggested.placed);
    const proven = suggested.placed >= bound;
    const name = `${kind} pool ${seed}`;
    console.log(`${name}: 300 participants, 80 navigators, 20 captains`);
    console.log(line("plain greedy      ", greedy, t1 - t0));
    console.log(line("local search (020)", local, t2 - t1));
    console.log(line("suggestion (084)  ", suggested, t3 - t2) + ` (${(c1 - c0).toFixed(0)} ms of processor time${suggested.cutShort ? "; CUT SHORT by the time limit, so the answer may be worse than its work gives" : ""})`);
    console.log(`  hours per team: ${perTeam(suggested).toFixed(2)} against the local search's ${perTeam(local).toFixed(2)}; for ${suggested.placed} placed at most ${hoursAtMost === null ? "(too many valid teams to list)" : hoursAtMost.toFixed(2)} (hours LP)${suggested.hoursProven ? ", reached: proven the most" : ""}`);
    const localBySize = hoursBySize(pool, local);
    const suggestedBySize = hoursBySize(pool, suggested);
    console.log(`  hours per team by size: local search ${sizes(localBySize)}; suggestion ${sizes(suggestedBySize)}`);
    console.log(`  placed / bound: ${suggested.placed} / ${bound} = ${((100 * suggested.placed) / bound).toFixed(1)}%, ${proven ? "proven optimal" : "bound not reached (an upper bound, not proven reachable)"}; bound by the ${bounded.method} in ${bounded.ms.toFixed(0)} ms`);
    teams.push({
      pool: name,
      placed: suggested.placed,
      bound,
      bound_proven: proven,
      bound_method: bounded.method,
      ms: Math.round(t3 - t2),
      cpu_ms: Math.round(c1 - c0),
      local_search_placed: local.placed,
      hours_per_team: Number(perTeam(suggested).toFixed(2)),
      hours_proven: suggested.hoursProven,
      cut_short: suggested.cutShort,
      hours_bound: hoursAtMost === null ? null : Number(hoursAtMost.toFixed(2)),
      local_search_hours_per_team: Number(perTeam(local).toFixed(2)),
      hours_per_team_by_size: suggestedBySize,
      local_search_hours_per_team_by_size: localBySize,
    });
  }
  const worst = Math.min(...teams.map((t) => t.placed / t.bound));
  const slowest = Math.max(...teams.map((t) => t.ms));
  const slowestCpu = Math.max(...teams.map((t) => t.cpu_ms));
  const cut = teams.filter((t) => t.cut_short).length;
  console.log(`lowest placed / bound ${(100 * worst).toFixed(1)}% (target 98%); slowest suggestion ${slowest} ms wall, ${slowestCpu} ms processor time (target 5 s on two cores); ${cut === 0 ? "none" : cut} cut short by the time limit; load average ${(await import("node:os")).loadavg()[0].toFixed(1)}`);
  return { teams };
}
