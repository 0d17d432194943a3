// Per-role access to the foundation's routes. Other areas add their own tables
// beside this one (tests/permissions/<area>.test.ts); the last test below fails
// when a route file is in no table at all.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { accessTable, type AccessRow } from "./table";
import { buildWorld, SIGNED_IN, type World } from "./world";

let world: World;
beforeAll(async () => {
  world = await buildWorld("running");
});

const rows: AccessRow[] = [
  {
    name: "landing page",
    module: () => import("~/routes/_index"),
    path: () => "/",
    params: () => ({}),
    allowed: "everyone",
  },
  {
    name: "health check",
    module: () => import("~/routes/healthz"),
    path: () => "/healthz",
    params: () => ({}),
    allowed: "everyone",
  },
  {
    name: "sign-in page",
    module: () => import("~/routes/login"),
    path: () => "/login",
    params: () => ({}),
    allowed: "everyone",
  },
  // Authorized by its OAuth `state`, not a session (404 here: no GitHub app is configured in tests).
  {
    name: "GitHub sign-in callback",
    module: () => import("~/routes/auth.github.callback"),
    path: () => "/auth/github/callback?code=x&state=y",
    params: () => ({}),
    allowed: "everyone",
  },
  {
    name: "demo avatar",
    module: () => import("~/routes/avatars.$file"),
    path: () => "/avatars/ana.svg",
    params: () => ({ file: "ana.svg" }),
    allowed: "everyone",
  },
  {
    name: "unknown address (404 page)",
    module: () => import("~/routes/$"),
    path: () => "/no/such/page",
    params: () => ({ "*": "no/such/page" }),
    allowed: "everyone",
  },
  {
    name: "home",
    module: () => import("~/routes/home"),
    path: () => "/home",
    params: () => ({}),
    allowed: SIGNED_IN,
  },
  {
    name: "cohort page",
    module: () => import("~/routes/cohorts.$slug._index"),
    path: (w) => `/cohorts/${w.cohort.slug}`,
    params: (w) => ({ slug: w.cohort.slug }),
    allowed: "everyone",
  },
  {
    name: "settings",
    module: () => import("~/routes/settings"),
    path: () => "/settings",
    params: () => ({}),
    allowed: SIGNED_IN,
  },
  {
    name: "save settings",
    method: "POST",
    module: () => import("~/routes/settings"),
    path: () => "/settings",
    params: () => ({}),
    form: () => ({ name: "", timeZone: "Mars/Olympus" }),
    allowed: SIGNED_IN,
  },
  {
    name: "cohort navigation",
    module: () => import("~/routes/cohorts.$slug"),
    path: (w) => `/cohorts/${w.cohort.slug}`,
    params: (w) => ({ slug: w.cohort.slug }),
    allowed: "everyone",
  },
  {
    name: "admin",
    module: () => import("~/routes/admin._index"),
    path: () => "/admin",
    params: () => ({}),
    allowed: ["admin"],
  },
  {
    name: "new project form",
    module: () => import("~/routes/admin.projects.new"),
    path: () => "/admin/projects/new",
    params: () => ({}),
    allowed: ["admin"],
  },
  {
    name: "new project",
    method: "POST",
    module: () => import("~/routes/admin.projects.new"),
    path: () => "/admin/projects/new",
    params: () => ({}),
    form: () => ({ name: "" }),
    allowed: ["admin"],
  },
  {
    name: "edit project",
    module: () => import("~/routes/admin.projects.$slug"),
    path: (w) => `/admin/projects/${w.project.slug}`,
    params: (w) => ({ slug: w.project.slug }),
    allowed: ["admin"],
  },
  {
    name: "save project",
    method: "POST",
    module: () => import("~/routes/admin.projects.$slug"),
    path: (w) => `/admin/projects/${w.project.slug}`,
    params: (w) => ({ slug: w.project.slug }),
    form: () => ({ name: "" }),
    allowed: ["admin"],
  },
  {
    name: "new cohort form",
    module: () => import("~/routes/admin.cohorts.new"),
    path: () => "/admin/cohorts/new",
    params: () => ({}),
    allowed: ["admin"],
  },
  {
    name: "new cohort",
    method: "POST",
    module: () => import("~/routes/admin.cohorts.new"),
    path: () => "/admin/cohorts/new",
    params: () => ({}),
    form: () => ({ name: "" }),
    allowed: ["admin"],
  },
  {
    name: "edit cohort",
    module: () => import("~/routes/admin.cohorts.$slug"),
    path: (w) => `/admin/cohorts/${w.cohort.slug}`,
    params: (w) => ({ slug: w.cohort.slug }),
    allowed: ["admin"],
  },
  {
    name: "appoint organizer",
    method: "POST",
    module: () => import("~/routes/admin.cohorts.$slug"),
    path: (w) => `/admin/cohorts/${w.cohort.slug}`,
    params: (w) => ({ slug: w.cohort.slug }),
    form: () => ({ intent: "appoint", login: "" }),
    allowed: ["admin"],
  },
  // Last: it ends each role's session. Signed out, it just goes to the start page.
  {
    name: "sign out",
    method: "POST",
    module: () => import("~/routes/logout"),
    path: () => "/logout",
    params: () => ({}),
    allowed: "everyone",
  },
];

describe("who may use the foundation's pages", () => {
  accessTable(rows, () => world);
});

describe("the access tables", () => {
  it("list every route file, so a new page cannot skip its permission rows", () => {
    const dir = path.resolve("tests/permissions");
    const tables = readdirSync(dir)
      .filter((f) => f.endsWith(".test.ts"))
      .map((f) => readFileSync(path.join(dir, f), "utf8"))
      .join("\n");
    const routes = readdirSync(path.resolve("app/routes")).map((f) => f.replace(/\.tsx?$/, ""));
    const missing = routes.filter((route) => !tables.includes(`import("~/routes/${route}")`));
    expect(missing, "route files with no row in tests/permissions/*.test.ts").toEqual([]);
  });
});
