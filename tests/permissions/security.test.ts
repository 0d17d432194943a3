// Per-role access to the pages of issue 11 (audit log), and the navigator who is a
// participant of another team in the same cohort.
import { beforeAll, describe } from "vitest";
import { accessTable, type AccessRow } from "./table";
import { buildWorld, type World } from "./world";

let world: World;
beforeAll(async () => {
  world = await buildWorld("running");
});

const rows: AccessRow[] = [
  {
    name: "audit log",
    module: () => import("~/routes/cohorts.$slug.audit"),
    path: (w) => `/cohorts/${w.cohort.slug}/audit`,
    params: (w) => ({ slug: w.cohort.slug }),
    allowed: ["admin", "organizer"],
  },
];

describe("who may read a cohort's audit log", () => {
  accessTable(rows, () => world);
});
