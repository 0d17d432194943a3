// Per-role access to reflections, the participant's week and the progress
// dashboards. Teammates read a reflection only when it was shared with the team.
import { beforeAll, describe } from "vitest";
import { addMember, makePerson } from "../setup/factories";
import { makeReflection } from "../reflections/builders";
import { accessTable, type AccessRow } from "./table";
import { buildWorld, type World } from "./world";

let world: World;
beforeAll(async () => {
  world = await buildWorld("running");
  const { cohort, teamA, people } = world;
  // Two more participants of team A: one shares their week 1 reflection, one does not.
  const sharer = await makePerson({ login: "sharer", name: "Sam Sharer" });
  const quiet = await makePerson({ login: "quiet", name: "Quinn Quiet" });
  await addMember(cohort.id, sharer.id, "participant", teamA.id);
  await addMember(cohort.id, quiet.id, "participant", teamA.id);
  await makeReflection(cohort.id, people.participant.id, 1);
  await makeReflection(cohort.id, sharer.id, 1, { sharedWithTeam: true });
  await makeReflection(cohort.id, quiet.id, 1, { sharedWithTeam: false });
  await makeReflection(cohort.id, people.otherParticipant.id, 1, { sharedWithTeam: true });
});

const slug = (w: World) => ({ slug: w.cohort.slug });
const GUIDES_OF_A = ["admin", "organizer", "navigator", "captain"] as const;

const rows: AccessRow[] = [
  {
    name: "participant's week",
    module: () => import("~/routes/cohorts.$slug.week"),
    path: (w) => `/cohorts/${w.cohort.slug}/week`,
    params: slug,
    allowed: ["participant", "otherParticipant"],
  },
  {
    name: "write a reflection",
    module: () => import("~/routes/cohorts.$slug.reflections.$week"),
    path: (w) => `/cohorts/${w.cohort.slug}/reflections/3`,
    params: (w) => ({ slug: w.cohort.slug, week: "3" }),
    allowed: ["participant", "otherParticipant"],
  },
  {
    name: "preview a reflection",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.reflections.$week"),
    path: (w) => `/cohorts/${w.cohort.slug}/reflections/3`,
    params: (w) => ({ slug: w.cohort.slug, week: "3" }),
    form: () => ({ intent: "preview", "answer-0": "**hello**" }),
    allowed: ["participant", "otherParticipant"],
  },
  {
    name: "read a participant's reflection",
    module: () => import("~/routes/cohorts.$slug.reflections.$week_.$login"),
    path: (w) => `/cohorts/${w.cohort.slug}/reflections/1/participant`,
    params: (w) => ({ slug: w.cohort.slug, week: "1", login: "participant" }),
    allowed: ["participant", ...GUIDES_OF_A],
    dual: false, // a teammate, and this reflection is not shared with the team
  },
  {
    name: "read a teammate's reflection shared with the team",
    module: () => import("~/routes/cohorts.$slug.reflections.$week_.$login"),
    path: (w) => `/cohorts/${w.cohort.slug}/reflections/1/sharer`,
    params: (w) => ({ slug: w.cohort.slug, week: "1", login: "sharer" }),
    allowed: ["participant", ...GUIDES_OF_A],
  },
  {
    name: "read a teammate's reflection not shared",
    module: () => import("~/routes/cohorts.$slug.reflections.$week_.$login"),
    path: (w) => `/cohorts/${w.cohort.slug}/reflections/1/quiet`,
    params: (w) => ({ slug: w.cohort.slug, week: "1", login: "quiet" }),
    allowed: GUIDES_OF_A,
  },
  {
    name: "read another team's shared reflection",
    module: () => import("~/routes/cohorts.$slug.reflections.$week_.$login"),
    path: (w) => `/cohorts/${w.cohort.slug}/reflections/1/otherparticipant`,
    params: (w) => ({ slug: w.cohort.slug, week: "1", login: "otherparticipant" }),
    allowed: ["admin", "organizer", "otherNavigator", "otherParticipant"],
  },
  {
    name: "reply under a reflection",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.reflections.$week_.$login"),
    path: (w) => `/cohorts/${w.cohort.slug}/reflections/1/participant`,
    params: (w) => ({ slug: w.cohort.slug, week: "1", login: "participant" }),
    form: () => ({ body: "" }),
    allowed: ["participant", ...GUIDES_OF_A],
    dual: false, // a teammate, and this reflection is not shared with the team
  },
  {
    name: "reply under a teammate's shared reflection",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.reflections.$week_.$login"),
    path: (w) => `/cohorts/${w.cohort.slug}/reflections/1/sharer`,
    params: (w) => ({ slug: w.cohort.slug, week: "1", login: "sharer" }),
    form: () => ({ body: "" }),
    allowed: GUIDES_OF_A,
  },
  {
    name: "team progress",
    module: () => import("~/routes/cohorts.$slug.teams.$team_.progress"),
    path: (w) => `/cohorts/${w.cohort.slug}/teams/team-a/progress`,
    params: (w) => ({ slug: w.cohort.slug, team: "team-a" }),
    allowed: GUIDES_OF_A,
  },
  {
    name: "check in with a participant",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.teams.$team_.progress"),
    path: (w) => `/cohorts/${w.cohort.slug}/teams/team-a/progress`,
    params: (w) => ({ slug: w.cohort.slug, team: "team-a" }),
    form: (w) => ({ personId: w.people.participant.id, reason: "checking in" }),
    allowed: GUIDES_OF_A,
  },
  {
    name: "cohort progress",
    module: () => import("~/routes/cohorts.$slug.progress"),
    path: (w) => `/cohorts/${w.cohort.slug}/progress`,
    params: slug,
    allowed: ["admin", "organizer"],
  },
  {
    name: "save reflection settings",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.progress"),
    path: (w) => `/cohorts/${w.cohort.slug}/progress`,
    params: slug,
    form: () => ({ prompts: "" }),
    allowed: ["admin", "organizer"],
  },
  {
    name: "cohort notices (reminders and digests)",
    module: () => import("~/routes/cohorts.$slug.notices"),
    path: (w) => `/cohorts/${w.cohort.slug}/notices?show=reminders`,
    params: slug,
    allowed: ["admin", "organizer"],
  },
];

describe("reflections and progress: who may open what", () => {
  accessTable(rows, () => world);
});
