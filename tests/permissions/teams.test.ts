// Per-role access to the teams pages: appointments, availability, forming teams,
// the team's home and its calendar feed.
import { beforeAll, describe } from "vitest";
import { db } from "../../app/utils/db.server";
import { accessTable, type AccessRow } from "./table";
import { buildWorld, type World } from "./world";

let world: World;
let calendarToken = "";
beforeAll(async () => {
  world = await buildWorld("running");
  calendarToken = "participant-calendar-token-0001";
  await db.cohortMembership.updateMany({
    where: { personId: world.people.participant.id, teamId: world.teamA.id },
    data: { calendarToken },
  });
});

const slug = (w: World) => ({ slug: w.cohort.slug });
const teamA = (w: World) => ({ slug: w.cohort.slug, team: w.teamA.slug });
const TEAM_A_MEMBERS = ["admin", "organizer", "navigator", "captain", "participant"] as const;
const GUIDES_AND_PARTICIPANTS = [
  "navigator",
  "captain",
  "participant",
  "otherNavigator",
  "otherParticipant",
] as const;

const rows: AccessRow[] = [
  {
    name: "appointments",
    module: () => import("~/routes/cohorts.$slug.appointments"),
    path: (w) => `/cohorts/${w.cohort.slug}/appointments`,
    params: slug,
    allowed: ["admin", "organizer"],
  },
  {
    name: "appoint a navigator",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.appointments"),
    path: (w) => `/cohorts/${w.cohort.slug}/appointments`,
    params: slug,
    form: () => ({ intent: "appoint", login: "", role: "navigator" }),
    allowed: ["admin", "organizer"],
  },
  {
    name: "my availability",
    module: () => import("~/routes/cohorts.$slug.availability"),
    path: (w) => `/cohorts/${w.cohort.slug}/availability`,
    params: slug,
    allowed: GUIDES_AND_PARTICIPANTS,
  },
  {
    name: "save my availability",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.availability"),
    path: (w) => `/cohorts/${w.cohort.slug}/availability`,
    params: slug,
    form: () => ({ timeZone: "Europe/Berlin" }),
    allowed: GUIDES_AND_PARTICIPANTS,
  },
  {
    name: "form teams",
    module: () => import("~/routes/cohorts.$slug.teams.form"),
    path: (w) => `/cohorts/${w.cohort.slug}/teams/form`,
    params: slug,
    allowed: ["admin", "organizer"],
  },
  {
    name: "move someone in the draft",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.teams.form"),
    path: (w) => `/cohorts/${w.cohort.slug}/teams/form`,
    params: slug,
    form: () => ({ intent: "move", draft: "[]", person: "", to: "" }),
    allowed: ["admin", "organizer"],
  },
  {
    name: "suggest teams",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.teams.form"),
    path: (w) => `/cohorts/${w.cohort.slug}/teams/form`,
    params: slug,
    form: () => ({ intent: "suggest", draft: "[]" }),
    allowed: ["admin", "organizer"],
  },
  {
    name: "publish teams",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.teams.form"),
    path: (w) => `/cohorts/${w.cohort.slug}/teams/form`,
    params: slug,
    form: () => ({ intent: "publish", draft: "[]" }),
    allowed: ["admin", "organizer"],
  },
  {
    name: "remove a navigator",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.appointments"),
    path: (w) => `/cohorts/${w.cohort.slug}/appointments`,
    params: slug,
    form: () => ({ intent: "remove", membershipId: "no-such-membership" }),
    allowed: ["admin", "organizer"],
  },
  {
    name: "edit the team's links",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.teams.$team._index"),
    path: (w) => `/cohorts/${w.cohort.slug}/teams/${w.teamA.slug}`,
    params: teamA,
    form: () => ({ intent: "links", chatUrl: "not a url", links: "" }),
    allowed: ["admin", "organizer", "navigator"],
  },
  {
    name: "team home",
    module: () => import("~/routes/cohorts.$slug.teams.$team._index"),
    path: (w) => `/cohorts/${w.cohort.slug}/teams/${w.teamA.slug}`,
    params: teamA,
    allowed: TEAM_A_MEMBERS,
  },
  {
    name: "set the team's meeting",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.teams.$team._index"),
    path: (w) => `/cohorts/${w.cohort.slug}/teams/${w.teamA.slug}`,
    params: teamA,
    form: () => ({ intent: "meeting", weekday: "", time: "", timeZone: "Europe/Berlin", duration: "60" }),
    allowed: ["admin", "organizer", "navigator"],
  },
  {
    // the token is the credential: calendar apps cannot sign in
    name: "calendar feed",
    module: () => import("~/routes/calendar.$file"),
    path: () => `/calendar/${calendarToken}.ics`,
    params: () => ({ file: `${calendarToken}.ics` }),
    allowed: "everyone",
  },
  {
    name: "get my calendar feed address",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.teams.$team._index"),
    path: (w) => `/cohorts/${w.cohort.slug}/teams/${w.teamA.slug}`,
    params: teamA,
    form: () => ({ intent: "calendar" }),
    allowed: ["navigator", "captain", "participant"],
  },
];

describe("who may use the teams pages", () => {
  accessTable(rows, () => world);
});
