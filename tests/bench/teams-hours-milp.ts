// The most shared hours per team on a busy pool of the teams bench with at least
// `placed` people placed, decided exactly (decisions 082, 083; minutes of one core, so
// not part of `npm run bench`). At a mean of `hours`: the LP over every valid team
// maximises the sum over chosen teams of (shared slots - 2 * hours) with at least
// `placed` placed. Below zero: no assignment reaches that mean. Otherwise only teams
// whose reduced cost is above minus the LP's value can be in an answer at or above
// zero (reduced-cost fixing), and HiGHS's MILP over those decides; an optimum above
// zero raises the mean (Dinkelbach's method) until the LP or MILP says no more.
//   npx tsx tests/bench/teams-hours-milp.ts <pool seed> <placed> <hours> [seconds]
// With EXPORT=file.mps it writes the fixed MILP (as a minimisation) for another
// solver, e.g. Debian's coinor-cbc. To decide whether the mean is reachable, give CBC
// the cutoff zero, so that it prunes by reduced cost against it (decision 084):
//   cbc file.mps -threads 1 -cutoff 0.000001 -seconds 900 -solve -quit
// "Problem proven infeasible": no assignment placing that many reaches the mean.
// With MOST_PLACED=file.mps it writes instead the MILP "most people placed" over every
// valid team (minimise -placed; give <placed> and <hours> as 0); `-cutoff -264.5`
// then asks CBC whether 265 can be placed.
import { writeFileSync } from "node:fs";
import { enumerateTeams, loadSolver } from "../../app/teams/optimize";
import { prepare } from "../../app/teams/suggest";
import { randomPool } from "../fixtures/team-pool";

const [seed, placed, hours, seconds = 600] = process.argv.slice(2).map(Number);
const highs = await loadSolver();
const p = prepare(randomPool(seed, 300, 80, 20, undefined, 1));
const c = enumerateTeams(p, 250_000);
if (!c) throw new Error("too many valid teams to list");
const n = p.parts.length;
const rows = n + p.navs.length + 1; // participants, navigators, then the placed count

const size = (k: number) => c!.start[k + 1] - c!.start[k];

/** A team's worth at a mean of `slotsPerTeam`: its shared slots above that mean. */
const above = (slotsPerTeam: number) => (k: number) => c!.slots[k] - slotsPerTeam;

function model(ks: number[], cost: (k: number) => number, integer: boolean, minimise = false) {
  const starts = new Int32Array(ks.length + 1);
  const indices: number[] = [];
  const values: number[] = [];
  ks.forEach((k, j) => {
    for (let m = c!.start[k]; m < c!.start[k + 1]; m++) indices.push(c!.members[m]);
    indices.push(n + c!.nav[k], rows - 1);
    values.push(...Array<number>(size(k) + 1).fill(1), size(k));
    starts[j + 1] = indices.length;
  });
  const sign = minimise ? -1 : 1;
  return highs.createModel({
    numCols: ks.length,
    numRows: rows,
    sense: minimise ? highs.constants.objectiveSense.minimize : highs.constants.objectiveSense.maximize,
    colCost: Float64Array.from(ks, (k) => sign * cost(k)),
    colLower: new Float64Array(ks.length),
    colUpper: new Float64Array(ks.length).fill(1),
    rowLower: Float64Array.from({ length: rows }, (_, r) => (r === rows - 1 ? placed : -highs.infinity)),
    rowUpper: Float64Array.from({ length: rows }, (_, r) => (r === rows - 1 ? highs.infinity : 1)),
    matrix: { format: "csc", numRows: rows, numCols: ks.length, starts, indices: Int32Array.from(indices), values: Float64Array.from(values) },
    ...(integer ? { integrality: new Int32Array(ks.length).fill(highs.constants.variableType.integer) } : {}),
  });
}

const all = Array.from({ length: c.count }, (_, k) => k);
if (process.env.MOST_PLACED) {
  const most = model(all, size, true, true);
  writeFileSync(process.env.MOST_PLACED, most.exportModel("mps"));
  most.dispose();
  console.log(`pool ${seed}, ${c.count} valid teams: "most placed" written to ${process.env.MOST_PLACED}`);
  process.exit(0);
}
let slotsPerTeam = 2 * hours;
for (let step = 0; step < 10; step++) {
  const started = performance.now();
  const lp = model(all, above(slotsPerTeam), false);
  lp.options.set({ output_flag: false });
  lp.run();
  const value = lp.getObjectiveValue();
  const solution = lp.getSolution();
  const keep = all.filter((k) => solution.colDual[k] >= -value - 1e-6 || solution.colValue[k] > 1e-9);
  lp.dispose();
  const at = `pool ${seed}, ${c.count} valid teams, at least ${placed} placed, ${(slotsPerTeam / 2).toFixed(4)} h per team`;
  if (value < -1e-9) {
    console.log(`${at}: LP ${value.toFixed(3)} < 0, so no assignment reaches it`);
    break;
  }
  if (value <= 1e-9) {
    console.log(`${at}: LP 0, so no assignment has more${step > 0 ? `: proven the most` : ""}`);
    break;
  }
  console.log(`${at}: LP ${value.toFixed(3)}; ${keep.length} teams can be in an answer at or above it`);
  if (process.env.EXPORT) {
    const fixed = model(keep, above(slotsPerTeam), true, true);
    writeFileSync(process.env.EXPORT, fixed.exportModel("mps"));
    fixed.dispose();
    console.log(`  written to ${process.env.EXPORT} (minimise; a negative optimum reaches the mean)`);
    break;
  }
  const mip = model(keep, above(slotsPerTeam), true);
  try {
    mip.options.set({ output_flag: false, time_limit: seconds, mip_rel_gap: 0 });
    mip.run();
    const optimal = mip.getModelStatus() === highs.constants.modelStatus.optimal;
    const found = Number(mip.info.get("primal_solution_status")) > 0;
    const took = `${((performance.now() - started) / 1000).toFixed(0)} s`;
    if (!found) {
      console.log(`  MILP: nothing found${optimal ? " (none exists)" : `, bound ${Number(mip.info.get("mip_dual_bound")).toFixed(2)}`}, ${took}`);
      break;
    }
    const x = mip.getSolution().colValue;
    const chosen = keep.filter((_, j) => x[j] > 0.5);
    const slots = chosen.reduce((s, k) => s + c.slots[k], 0);
    const people = chosen.reduce((s, k) => s + size(k), 0);
    console.log(
      `  MILP: best ${mip.getObjectiveValue().toFixed(2)}${optimal ? " (optimal)" : `, bound ${Number(mip.info.get("mip_dual_bound")).toFixed(2)}`}: ` +
        `${people} placed in ${chosen.length} teams, ${(slots / 2 / chosen.length).toFixed(4)} h per team, ${took}`,
    );
    if (!optimal) break;
    if (slots / chosen.length <= slotsPerTeam + 1e-9) {
      console.log(`  proven: the most hours per team with at least ${placed} placed is ${(slotsPerTeam / 2).toFixed(4)}`);
      break;
    }
    slotsPerTeam = slots / chosen.length;
  } finally {
    mip.dispose();
  }
}
