import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import {
  callRoute,
  makePerson,
  makeProject,
  makeRequest,
  sessionCookieFor,
} from "../../tests/setup/factories";

const goodCohort = {
  name: "Session 7",
  slug: "session-7",
  applicationsOpenOn: "2027-01-10",
  applicationsCloseOn: "2027-02-10",
  startsOn: "2027-03-01",
  weeks: "6",
  teamSizeMin: "3",
  teamSizeMax: "4",
  minSharedHours: "5",
  published: "on",
};

async function asAdmin() {
  const admin = await makePerson({ isAdmin: true });
  return sessionCookieFor(admin.id);
}

type Refused = { errors: Record<string, string>; values: Record<string, string> };

/** Posts the new-cohort form with `changes`, expects it refused, and checks nothing was saved. */
async function refusedNewCohort(changes: Record<string, string>): Promise<Refused> {
  const cookie = await asAdmin();
  const route = await import("~/routes/admin.cohorts.new");
  const before = await db.cohort.count();
  const response = await callRoute(
    route.action,
    makeRequest("/admin/cohorts/new", { cookie, form: { ...goodCohort, ...changes } }),
  );
  expect(response.status).toBe(400);
  expect(await db.cohort.count()).toBe(before);
  return (await response.json()) as Refused;
}

describe("creating cohorts", () => {
  it("creates a cohort with its projects and audit entry", async () => {
    const cookie = await asAdmin();
    const project = await makeProject({ slug: "wagtail" });
    const route = await import("~/routes/admin.cohorts.new");
    const response = await callRoute(
      route.action,
      makeRequest("/admin/cohorts/new", { cookie, form: { ...goodCohort, projectSlugs: "wagtail" } }),
    );
    expect(response.headers.get("Location")).toBe("/admin/cohorts/session-7");
    const cohort = await db.cohort.findUniqueOrThrow({
      where: { slug: "session-7" },
      include: { projects: true },
    });
    expect(cohort.projects.map((p) => p.projectId)).toEqual([project.id]);
    expect(cohort.applicationsCloseAt.toISOString()).toBe("2027-02-11T11:59:59.999Z");
    expect(await db.auditEntry.count({ where: { subjectId: cohort.id, action: "cohort.created" } })).toBe(1);
  });

  it("explains each invalid field and keeps what was typed", async () => {
    const body = await refusedNewCohort({
      slug: "Session 7!",
      applicationsCloseOn: "2027-01-01",
      startsOn: "2026-12-20",
      weeks: "13",
      teamSizeMin: "4",
      teamSizeMax: "3",
    });
    expect(body.errors.slug).toMatch(/lowercase letters/);
    expect(body.errors.weeks).toBe("A cohort runs between 1 and 12 weeks.");
    expect(body.errors.applicationsCloseOn).toBe("Applications must close on or after the day they open.");
    expect(body.errors.startsOn).toBe("The cohort must start after applications close.");
    expect(body.errors.teamSizeMax).toMatch(/at least the smallest/);
    expect(body.values.name).toBe("Session 7");
  });

  it("refuses days that do not exist and team sizes that are not numbers, beside each field", async () => {
    // What a browser without a date picker lets someone type.
    const body = await refusedNewCohort({
      applicationsOpenOn: "2027-13-01",
      applicationsCloseOn: "2027-02-30",
      teamSizeMin: "three",
    });
    expect(body.errors.applicationsOpenOn).toBe(
      "Enter the day applications open as a date, e.g. 2027-01-15.",
    );
    expect(body.errors.applicationsCloseOn).toBe(
      "Enter the day applications close as a date, e.g. 2027-01-15.",
    );
    expect(body.errors.teamSizeMin).toBe("Enter the smallest team size as a whole number.");
    expect(body.values.applicationsOpenOn).toBe("2027-13-01");
  });

  it("refuses a second cohort with the same address name", async () => {
    const cookie = await asAdmin();
    const route = await import("~/routes/admin.cohorts.new");
    await callRoute(
      route.action,
      makeRequest("/admin/cohorts/new", { cookie, form: { ...goodCohort, slug: "dup" } }),
    );
    const second = await callRoute(
      route.action,
      makeRequest("/admin/cohorts/new", { cookie, form: { ...goodCohort, name: "Other", slug: "dup" } }),
    );
    expect(second.status).toBe(400);
    expect(((await second.json()) as { errors: Record<string, string> }).errors.slug).toBe(
      "Another cohort already uses this address name.",
    );
  });

  it("appoints an organizer by login, pending until they first sign in", async () => {
    const cookie = await asAdmin();
    const create = await import("~/routes/admin.cohorts.new");
    await callRoute(
      create.action,
      makeRequest("/admin/cohorts/new", { cookie, form: { ...goodCohort, slug: "s8" } }),
    );
    const edit = await import("~/routes/admin.cohorts.$slug");
    const known = await makePerson({ login: "KnownPerson" });
    await callRoute(
      edit.action,
      makeRequest("/admin/cohorts/s8", { cookie, form: { intent: "appoint", login: "@knownperson" } }),
      { slug: "s8" },
    );
    await callRoute(
      edit.action,
      makeRequest("/admin/cohorts/s8", { cookie, form: { intent: "appoint", login: "newcomer-42" } }),
      { slug: "s8" },
    );
    const bad = await callRoute(
      edit.action,
      makeRequest("/admin/cohorts/s8", { cookie, form: { intent: "appoint", login: "not a login" } }),
      { slug: "s8" },
    );
    expect(bad.status).toBe(400);
    const organizers = await db.cohortMembership.findMany({
      where: { cohort: { slug: "s8" }, role: "organizer" },
      orderBy: { createdAt: "asc" },
    });
    expect(organizers.map((o) => [o.personId, o.pendingLogin])).toEqual([
      [known.id, null],
      [null, "newcomer-42"],
    ]);
  });
});

describe("creating projects", () => {
  it("validates repositories and URLs beside their fields", async () => {
    const cookie = await asAdmin();
    const route = await import("~/routes/admin.projects.new");
    const response = await callRoute(
      route.action,
      makeRequest("/admin/projects/new", {
        cookie,
        form: { name: "Django", slug: "django", repositories: "django", tracUrl: "code.djangoproject.com" },
      }),
    );
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as { errors: Record<string, string> };
    expect(errors.repositories).toMatch(/owner\/name/);
    expect(errors.tracUrl).toMatch(/https:\/\//);
  });

  it("says which project already has a repository, beside the repositories, whatever its case", async () => {
    const cookie = await asAdmin();
    await makeProject({
      slug: "debug-toolbar",
      name: "Django Debug Toolbar",
      repos: [["django-commons", "django-debug-toolbar"]],
    });
    const route = await import("~/routes/admin.projects.new");
    const response = await callRoute(
      route.action,
      makeRequest("/admin/projects/new", {
        cookie,
        form: {
          name: "Toolbar fork",
          slug: "toolbar-fork",
          repositories: "Django-Commons/Django-Debug-Toolbar",
        },
      }),
    );
    expect(response.status).toBe(400);
    const { errors, values } = (await response.json()) as {
      errors: Record<string, string>;
      values: Record<string, string>;
    };
    expect(errors).toEqual({
      repositories:
        "django-commons/django-debug-toolbar already belongs to the project “Django Debug Toolbar”.",
    });
    expect(values.slug).toBe("toolbar-fork");
    expect(await db.project.count({ where: { slug: "toolbar-fork" } })).toBe(0);
    // Saving the project that owns it again is fine.
    const edit = await import("~/routes/admin.projects.$slug");
    const saved = await callRoute(
      edit.action,
      makeRequest("/admin/projects/debug-toolbar", {
        cookie,
        form: {
          name: "Django Debug Toolbar",
          slug: "debug-toolbar",
          repositories: "django-commons/django-debug-toolbar",
        },
      }),
      { slug: "debug-toolbar" },
    );
    expect(saved.status).toBe(302);
  });

  it("refuses javascript: and data: addresses, which the cohort page would show as links", async () => {
    const cookie = await asAdmin();
    const route = await import("~/routes/admin.projects.new");
    const form = {
      name: "Django",
      slug: "django-js",
      repositories: "django/django",
      websiteUrl: "javascript:alert(document.cookie)",
      aiPolicyUrl: "data:text/html,<script>alert(1)</script>",
    };
    const response = await callRoute(route.action, makeRequest("/admin/projects/new", { cookie, form }));
    expect(response.status).toBe(400);
    const { errors, values } = (await response.json()) as {
      errors: Record<string, string>;
      values: Record<string, string>;
    };
    expect(errors.websiteUrl).toBe("Enter a full web address starting with https://");
    expect(errors.aiPolicyUrl).toBe("Enter a full web address starting with https://");
    expect(values.name).toBe("Django");
    expect(await db.project.count({ where: { slug: "django-js" } })).toBe(0);
  });

  it("saves repositories, default starter labels and the Django Trac query", async () => {
    const cookie = await asAdmin();
    const route = await import("~/routes/admin.projects.new");
    await callRoute(
      route.action,
      makeRequest("/admin/projects/new", {
        cookie,
        form: {
          name: "Django",
          slug: "django",
          repositories: "https://github.com/django/django\ndjango/djangoproject.com",
          tracUrl: "https://code.djangoproject.com",
        },
      }),
    );
    const project = await db.project.findUniqueOrThrow({
      where: { slug: "django" },
      include: { repositories: true },
    });
    expect(project.repositories.map((r) => `${r.owner}/${r.name}`).sort()).toEqual([
      "django/django",
      "django/djangoproject.com",
    ]);
    expect(JSON.parse(project.starterLabels)).toEqual(["good first issue", "easy pickings", "help wanted"]);
    expect(project.tracQuery).toBe("status=!closed&stage=Accepted&easy=1");
  });
});
