// Can a busy pool of the teams bench place `placed` people with more than `hours`
// shared hours per team? Decision 082's check, by hand (minutes of one core, so not
// part of `npm run bench`): HiGHS's MILP over every valid team maximises the sum over
// chosen teams of (shared slots - 2 * hours) with at least `placed` participants
// placed. A positive value (optimal, or any feasible answer found within the time
// limit) means yes; an optimum at or below zero means no.
//   npx tsx tests/bench/teams-hours-milp.ts <pool seed> <placed> <hours> [seconds]
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
const starts = new Int32Array(c.count + 1);
const indices: number[] = [];
const values: number[] = [];
for (let k = 0; k < c.count; k++) {
  for (let m = c.start[k]; m < c.start[k + 1]; m++) indices.push(c.members[m]);
  indices.push(n + c.nav[k], rows - 1);
  values.push(...Array<number>(c.start[k + 1] - c.start[k] + 1).fill(1), c.start[k + 1] - c.start[k]);
  starts[k + 1] = indices.length;
}
const started = performance.now();
const model = highs.createModel({
  numCols: c.count,
  numRows: rows,
  sense: highs.constants.objectiveSense.maximize,
  colCost: Float64Array.from({ length: c.count }, (_, k) => c.slots[k] - 2 * hours),
  colLower: new Float64Array(c.count),
  colUpper: new Float64Array(c.count).fill(1),
  rowLower: Float64Array.from({ length: rows }, (_, r) => (r === rows - 1 ? placed : -highs.infinity)),
  rowUpper: Float64Array.from({ length: rows }, (_, r) => (r === rows - 1 ? highs.infinity : 1)),
  matrix: {
    format: "csc",
    numRows: rows,
    numCols: c.count,
    starts,
    indices: Int32Array.from(indices),
    values: Float64Array.from(values),
  },
  integrality: new Int32Array(c.count).fill(highs.constants.variableType.integer),
});
try {
  model.options.set({ output_flag: false, time_limit: seconds, mip_rel_gap: 0 });
  model.run();
  const optimal = model.getModelStatus() === highs.constants.modelStatus.optimal;
  const found = Number(model.info.get("primal_solution_status")) > 0;
  console.log(
    `pool ${seed}, ${c.count} valid teams, at least ${placed} placed, ${hours} h per team: ` +
      (found ? `best found ${model.getObjectiveValue().toFixed(2)}` : "nothing found") +
      (optimal ? " (optimal)" : `, bound ${Number(model.info.get("mip_dual_bound")).toFixed(2)}`) +
      `, ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
} finally {
  model.dispose();
}
