// The landing page, a person's home and the cohort page, read through their routes
// the way a visitor, a member and an admin see them.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/utils/db.server";
import {
  addMember,
  callRoute,
  jsonOf,
  makeCohort,
  makePerson,
  makeProject,
  makeRequest,
  makeTeam,
  sessionCookieFor,
} from "../setup/factories";

const landing = () => import("../../app/routes/_index");
const home = () => import("../../app/routes/home");
const cohortPage = () => import("../../app/routes/cohorts.$slug._index");

type CohortPageData = {
  cohort: {
    name: string;
    phase: string;
    week: number;
    weeks: number;
    projects: { name: string }[];
    teams: { name: string; participants: number; guides: { name: string; role: string }[] }[];
    viewer: { mayApply: boolean; next: { label: string; href: string }[] };
  };
};
type HomeData = {
  cohorts: {
    slug: string;
    phase: string;
    roles: { role: string; team: { name: string } | null; next: { label: string; href: string } }[];
  }[];
};

async function openCohortPage(slug: string, cookie?: string) {
  const { loader } = await cohortPage();
  return callRoute(loader, makeRequest(`/cohorts/${slug}`, { cookie }), { slug });
}

let cookies: Record<"navigator" | "reviewer" | "newcomer" | "admin", string>;

beforeAll(async () => {
  const django = await makeProject({ slug: "django", name: "Django" });
  const running = await makeCohort("running", {
    slug: "session-5",
    name: "Session 5",
    week: 3,
    projectIds: [django.id],
  });
  await makeCohort("applications_open", { slug: "session-6", name: "Session 6", projectIds: [django.id] });
  await makeCohort("finished", { slug: "session-4", name: "Session 4" });
  await makeCohort("draft", { slug: "session-7", name: "Session 7" });
  const pegasus = await makeTeam(running.id, { slug: "pegasus", name: "Team Pegasus", projectId: django.id });
  const ana = await makePerson({ login: "ana", name: "Ana Souza" });
  const jonas = await makePerson({ login: "jonas", name: "Jonas Berg" });
  await addMember(running.id, ana.id, "navigator", pegasus.id);
  await addMember(running.id, jonas.id, "captain", pegasus.id);
  for (const login of ["mei", "ravi", "sofia"])
    await addMember(running.id, (await makePerson({ login })).id, "participant", pegasus.id);
  const ines = await makePerson({ login: "ines", name: "Inês Duarte" });
  await addMember(
    (await db.cohort.findUniqueOrThrow({ where: { slug: "session-6" } })).id,
    ines.id,
    "reviewer",
  );
  cookies = {
    navigator: await sessionCookieFor(ana.id),
    reviewer: await sessionCookieFor(ines.id),
    newcomer: await sessionCookieFor((await makePerson({ login: "nadia" })).id),
    admin: await sessionCookieFor((await makePerson({ login: "amara", isAdmin: true })).id),
  };
});

describe("the landing page", () => {
  it("lists cohorts open for applications, running and past, never drafts", async () => {
    const { loader } = await landing();
    const data = await jsonOf<{
      open: { name: string }[];
      running: { name: string; week: number }[];
      past: { name: string }[];
    }>(await callRoute(loader, makeRequest("/")));
    expect(data.open.map((c) => c.name)).toEqual(["Session 6"]);
    expect(data.running.map((c) => [c.name, c.week])).toEqual([["Session 5", 3]]);
    expect(data.past.map((c) => c.name)).toEqual(["Session 4"]);
  });
});

describe("the cohort page", () => {
  it("shows phase and week, projects, and each team with its navigator and captain", async () => {
    const { cohort } = await jsonOf<CohortPageData>(await openCohortPage("session-5"));
    expect([cohort.phase, cohort.week, cohort.weeks]).toEqual(["running", 3, 6]);
    expect(cohort.projects.map((p) => p.name)).toEqual(["Django"]);
    expect(cohort.teams).toEqual([
      expect.objectContaining({
        name: "Team Pegasus",
        participants: 3,
        guides: expect.arrayContaining([
          expect.objectContaining({ name: "Ana Souza", role: "navigator" }),
          expect.objectContaining({ name: "Jonas Berg", role: "captain" }),
        ]),
      }),
    ]);
  });

  it("offers applying to newcomers and visitors, not to the cohort's own reviewers", async () => {
    const mayApply = async (cookie?: string) =>
      (await jsonOf<CohortPageData>(await openCohortPage("session-6", cookie))).cohort.viewer.mayApply;
    expect(await mayApply()).toBe(true);
    expect(await mayApply(cookies.newcomer)).toBe(true);
    expect(await mayApply(cookies.reviewer)).toBe(false);
  });

  it("is not found for a draft unless you run it", async () => {
    expect((await openCohortPage("session-7")).status).toBe(404);
    expect((await openCohortPage("session-7", cookies.newcomer)).status).toBe(404);
    expect((await openCohortPage("session-7", cookies.admin)).status).toBe(200);
  });
});

describe("home", () => {
  it("lists the person's cohorts with their role and the right next page", async () => {
    const { loader } = await home();
    const data = await jsonOf<HomeData>(
      await callRoute(loader, makeRequest("/home", { cookie: cookies.navigator })),
    );
    expect(
      data.cohorts.map((c) => [c.slug, c.roles.map((r) => [r.role, r.team?.name ?? null, r.next.href])]),
    ).toEqual([["session-5", [["navigator", "Team Pegasus", "/cohorts/session-5/teams/pegasus/progress"]]]]);
  });
});
