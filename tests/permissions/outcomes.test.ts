// Per-role access to the pages after the cohort: completion, certificates, the
// participant's page, the impact report, the maintainers' view, outcomes.
import { beforeAll, describe } from "vitest";
import { db } from "../../app/utils/db.server";
import { accessTable, type AccessRow } from "./table";
import { buildWorld, SIGNED_IN, type World } from "./world";

let world: World;
let certificateToken = "";
beforeAll(async () => {
  world = await buildWorld("finished");
  certificateToken = "certificate-token-for-the-permissions-table";
  await db.completion.create({
    data: {
      cohortId: world.cohort.id,
      personId: world.people.participant.id,
      completed: true,
      certificateToken,
    },
  });
});

const slug = (w: World) => ({ slug: w.cohort.slug });
const ORGANIZERS = ["admin", "organizer"] as const;
const PARTICIPANTS = ["participant", "otherParticipant"] as const;

const rows: AccessRow[] = [
  {
    name: "completion",
    module: () => import("~/routes/cohorts.$slug.completion"),
    path: (w) => `/cohorts/${w.cohort.slug}/completion`,
    params: slug,
    allowed: ORGANIZERS,
  },
  {
    name: "apply completion rules",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.completion"),
    path: (w) => `/cohorts/${w.cohort.slug}/completion`,
    params: slug,
    form: () => ({ intent: "apply" }),
    allowed: ORGANIZERS,
  },
  {
    name: "after the cohort",
    module: () => import("~/routes/cohorts.$slug.after"),
    path: (w) => `/cohorts/${w.cohort.slug}/after`,
    params: slug,
    allowed: PARTICIPANTS,
  },
  {
    name: "withdraw a certificate",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.after"),
    path: (w) => `/cohorts/${w.cohort.slug}/after`,
    params: slug,
    form: () => ({ intent: "showcase-off" }),
    allowed: PARTICIPANTS,
  },
  {
    name: "certificate",
    module: () => import("~/routes/certificates.$token"),
    path: () => `/certificates/${certificateToken}`,
    params: () => ({ token: certificateToken }),
    allowed: "everyone",
  },
  {
    name: "impact report",
    module: () => import("~/routes/cohorts.$slug.impact"),
    path: (w) => `/cohorts/${w.cohort.slug}/impact`,
    params: slug,
    allowed: "everyone",
  },
  {
    name: "impact CSV",
    module: () => import("~/routes/cohorts.$slug.impact[.]csv"),
    path: (w) => `/cohorts/${w.cohort.slug}/impact.csv`,
    params: slug,
    allowed: "everyone",
  },
  {
    name: "maintainers' view (public)",
    module: () => import("~/routes/cohorts.$slug.maintainers.$project"),
    path: (w) => `/cohorts/${w.cohort.slug}/maintainers/${w.project.slug}`,
    params: (w) => ({ slug: w.cohort.slug, project: w.project.slug }),
    allowed: "everyone",
  },
  {
    name: "outcomes",
    module: () => import("~/routes/cohorts.$slug.outcomes"),
    path: (w) => `/cohorts/${w.cohort.slug}/outcomes`,
    params: slug,
    allowed: ORGANIZERS,
  },
  {
    name: "outcomes CSV",
    module: () => import("~/routes/cohorts.$slug.outcomes[.]csv"),
    path: (w) => `/cohorts/${w.cohort.slug}/outcomes.csv`,
    params: slug,
    allowed: ORGANIZERS,
  },
  {
    name: "alumnus timeline",
    module: () => import("~/routes/cohorts.$slug.alumni.$login"),
    path: (w) => `/cohorts/${w.cohort.slug}/alumni/participant`,
    params: (w) => ({ slug: w.cohort.slug, login: "participant" }),
    allowed: ORGANIZERS,
  },
  {
    name: "outcomes across cohorts",
    module: () => import("~/routes/outcomes"),
    path: () => "/outcomes",
    params: () => ({}),
    allowed: ORGANIZERS,
  },
  {
    name: "following settings",
    module: () => import("~/routes/settings_.following"),
    path: () => "/settings/following",
    params: () => ({}),
    allowed: SIGNED_IN,
  },
];

describe("after the cohort: who may see what", () => {
  accessTable(rows, () => world);
});
