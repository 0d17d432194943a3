// Following after the cohort, at the HTTP edge: GitHub's search answers start from
// GitHub's published example (@octokit/openapi), Trac answers come from the strict
// Trac mock. The comparison group of non-cohort newcomers, alumni's Trac tickets,
// and marks that passed but were not read yet.
import { readFileSync } from "node:fs";
import path from "node:path";
import { http, HttpResponse } from "msw";
import { beforeAll, describe, expect, it } from "vitest";
import { cohortEndsAt } from "../../app/cohorts/phase";
import { createGitHub, searchIssues } from "../../app/integrations/github.server";
import { createTrac } from "../../app/integrations/trac.server";
import { followComparison } from "../../app/outcomes/comparison.server";
import { outcomeFigures, outcomesCsv } from "../../app/outcomes/figures.server";
import { followAlumni } from "../../app/outcomes/follow.server";
import { addMonths } from "../../app/outcomes/retention";
import * as following from "../../app/routes/settings_.following";
import { db } from "../../app/utils/db.server";
import { GITHUB_API, searchAnswer, searchItem } from "../mocks/github";
import { mockServer } from "../mocks/server";
import { tracQueryHandler } from "../mocks/trac";
import { buildWorld, type World } from "../permissions/world";
import { callRoute, jsonOf, makeRequest } from "../setup/factories";

const TRAC = "https://trac.example.org";
let world: World;
let scope: string;
let end: Date;
const github = () => createGitHub({ baseUrl: GITHUB_API, token: "t", timeScale: 1 });
const afterEnd = (days: number) => new Date(end.getTime() + days * 86_400_000).toISOString();

beforeAll(async () => {
  world = await buildWorld("finished");
  const r = world.project.repositories[0];
  scope = `${r.owner}/${r.name}`;
  end = cohortEndsAt(world.cohort);
  // The figures below count the world's two participants; the permissions tables' `dual` person is not one of them here.
  await db.cohortMembership.deleteMany({ where: { personId: world.people.dual.id } });
  await db.project.update({ where: { id: world.project.id }, data: { tracUrl: TRAC } });
});

describe("GitHub's search answer as published", () => {
  it("reads GitHub's own example of GET /search/issues, unchanged, into a hit", async () => {
    const spec = JSON.parse(
      readFileSync(path.resolve("node_modules/@octokit/openapi/generated/api.github.com.json"), "utf8"),
    ) as { components: { examples: Record<string, { value: unknown }> } };
    const example = spec.components.examples["issue-search-result-item-paginated"].value;
    mockServer.use(http.get(`${GITHUB_API}/search/issues`, () => HttpResponse.json(example as object)));
    const page = await searchIssues(github(), "is:pr author:Nick3C", 1);
    expect(page.total).toBe(280);
    expect(page.hits).toEqual([
      {
        repository: "batterseapower/pinyin-toolkit",
        number: 132,
        title: "Line Number Indexes Beyond 20 Not Displayed",
        url: "https://github.com/batterseapower/pinyin-toolkit/issues/132",
        authorLogin: "Nick3C",
        isPull: true,
        createdAt: new Date("2009-07-12T20:10:41Z"),
        updatedAt: new Date("2009-07-19T09:23:43Z"),
        mergedAt: null,
      },
    ]);
  });
});

describe("marks that passed but were not read", () => {
  it("are neither counted in nor out: the figures say how many are still to be checked", async () => {
    const now = new Date(addMonths(end, 1).getTime() + 86_400_000);
    const figures = await outcomeFigures([world.cohort.id], now);
    const row = figures.rows.find((r) => r.group === "alumni" && r.projectSlug === null)!;
    expect(row.marks[0]).toEqual({ mark: 1, eligible: 0, active: 0, share: null, unchecked: 2 });
    expect(outcomesCsv(figures)).toContain(`${world.cohort.name},alumni,1,0,0,,2,0`);
  });
});

describe("alumni's Trac tickets", () => {
  it("asks Trac by reporter and by owner for the mark's window and counts a ticket as contributing", async () => {
    await db.tracAccount.create({ data: { personId: world.people.participant.id, username: "part_trac" } });
    const tracCalls: string[] = [];
    mockServer.use(
      tracQueryHandler(
        [
          {
            id: 35001,
            summary: "Reported in month 1",
            reporter: "part_trac",
            changed: new Date(afterEnd(12)),
          },
          {
            id: 35002,
            summary: "Owned, changed in month 1",
            owner: "part_trac",
            changed: new Date(afterEnd(20)),
          },
          { id: 35003, summary: "Someone else's", reporter: "other", changed: new Date(afterEnd(12)) },
          { id: 35004, summary: "Before the end", reporter: "part_trac", changed: new Date(afterEnd(-3)) },
        ],
        [],
        tracCalls,
        TRAC,
      ),
      http.get(`${GITHUB_API}/search/issues`, () => HttpResponse.json(searchAnswer([]))),
    );
    const now = new Date(addMonths(end, 1).getTime() + 86_400_000);
    const summary = await followAlumni({ github: github(), trac: createTrac({ timeScale: 1 }), now });
    expect(summary).toMatchObject({ checks: 2, requests: 6, recorded: 2, error: null });
    expect(tracCalls).toHaveLength(2); // only the participant with a Trac username, reporter then owner
    expect(tracCalls.map((q) => new URLSearchParams(q).get("changetime"))).toEqual([
      `${addMonths(end, 0).toISOString().slice(0, 19)}Z..${addMonths(end, 1).toISOString().slice(0, 19)}Z`,
      `${addMonths(end, 0).toISOString().slice(0, 19)}Z..${addMonths(end, 1).toISOString().slice(0, 19)}Z`,
    ]);
    const tickets = await db.outcomeActivity.findMany({
      where: { personId: world.people.participant.id, kind: "trac_ticket" },
      orderBy: { externalKey: "asc" },
    });
    expect(tickets.map((t) => [t.externalKey, t.url])).toEqual([
      ["trac:35001", `${TRAC}/ticket/35001`],
      ["trac:35002", `${TRAC}/ticket/35002`],
    ]);
    const row = (await outcomeFigures([world.cohort.id], now)).rows.find(
      (r) => r.group === "alumni" && r.projectSlug === null,
    )!;
    // Only Trac activity, nothing on GitHub: the participant is still contributing; the other is not.
    expect(row.marks[0]).toMatchObject({ eligible: 2, active: 1, unchecked: 0 });
  });
});

describe("the comparison group", () => {
  it("lists first-time contributors of the cohort's window who were in no cohort and follows them like alumni", async () => {
    const during = new Date(world.cohort.startsOn.getTime() + 10 * 86_400_000).toISOString();
    const queries: string[] = [];
    mockServer.use(
      http.get(`${GITHUB_API}/search/issues`, ({ request }) => {
        const q = new URL(request.url).searchParams.get("q") ?? "";
        queries.push(q);
        if (q.startsWith("is:pr is:merged") && q.includes("merged:<"))
          // veteran had a pull request merged before the cohort; the others did not
          return HttpResponse.json(
            q.includes("author:veteran")
              ? searchAnswer([searchItem(scope, 10, { created: "2025-01-01T00:00:00Z", login: "veteran" })])
              : searchAnswer([]),
          );
        if (q.startsWith("is:pr is:merged"))
          return HttpResponse.json(
            searchAnswer(
              [
                ["newbie", 101],
                ["Newbie", 102], // the same person, another pull request
                ["late-bloomer", 103],
                ["veteran", 104],
                ["participant", 105], // in a cohort: never a comparison
                ["dependabot[bot]", 106],
              ].map(([login, n]) =>
                searchItem(scope, n as number, { created: during, merged: during, login: login as string }),
              ),
            ),
          );
        if (q.startsWith("is:pr author:newbie"))
          return HttpResponse.json(
            searchAnswer([
              searchItem(scope, 200, { created: afterEnd(9), merged: afterEnd(15), login: "newbie" }),
            ]),
          );
        return HttpResponse.json(searchAnswer([]));
      }),
    );
    const now = new Date(addMonths(end, 1).getTime() + 86_400_000);
    // Too little budget left to list a window (up to 5 pages): nothing is asked.
    expect(await followComparison({ github: github(), now, budget: 4 })).toMatchObject({ requests: 0 });
    // 8 left: the listing (1 page), three first-merge questions (3) and one mark (3); the rest next run.
    const first = await followComparison({ github: github(), now, budget: 8 });
    expect(first).toMatchObject({ listed: 3, firstChecks: 3, checks: 1, requests: 7, error: null });
    expect(queries[0]).toBe(
      `is:pr is:merged repo:${scope} merged:${world.cohort.startsOn.toISOString().slice(0, 19)}Z..${end.toISOString().slice(0, 19)}Z`,
    );
    const second = await followComparison({ github: github(), now, budget: 27 });
    expect(second).toMatchObject({ listed: 0, firstChecks: 0, checks: 1, requests: 3, error: null });
    expect(await followComparison({ github: github(), now })).toMatchObject({ requests: 0, checks: 0 });
    const newcomers = await db.comparisonNewcomer.findMany({ orderBy: { login: "asc" } });
    expect(newcomers.map((n) => [n.login, n.firstMerge])).toEqual([
      ["late-bloomer", true],
      ["newbie", true],
      ["veteran", false],
    ]);
    const figures = await outcomeFigures([world.cohort.id], now);
    const comparison = figures.rows.find((r) => r.group === "comparison")!;
    expect(comparison.label).toBe(`${world.cohort.name} · newcomers not in a cohort (comparison)`);
    expect(comparison.marks.map((m) => [m.mark, m.eligible, m.active, m.unchecked])).toEqual([
      [1, 2, 1, 0],
      [3, 0, 0, 0],
      [6, 0, 0, 0],
      [12, 0, 0, 0],
    ]);
    expect(outcomesCsv(figures)).toContain(
      `${world.cohort.name} · newcomers not in a cohort (comparison),comparison group,1,2,1,0.500,0,0`,
    );
  });
});

describe("the Trac username in settings", () => {
  const save = (tracUsername: string) =>
    callRoute(
      following.action,
      makeRequest("/settings/following", {
        cookie: world.cookies.otherParticipant,
        form: { intent: "trac", tracUsername },
      }),
    );

  it("refuses a name Trac would read as several, on the page, and saves a good one", async () => {
    const bad = await save("ana|bob");
    expect(bad.status).toBe(400);
    expect((await jsonOf<{ errors: Record<string, string> }>(bad)).errors.tracUsername).toMatch(
      /no spaces or commas/,
    );
    expect(await db.tracAccount.count({ where: { personId: world.people.otherParticipant.id } })).toBe(0);
    const good = await save("  other.p ");
    expect(good.status).toBe(302);
    expect(
      (await db.tracAccount.findUnique({ where: { personId: world.people.otherParticipant.id } }))?.username,
    ).toBe("other.p");
    await save("");
    expect(await db.tracAccount.count({ where: { personId: world.people.otherParticipant.id } })).toBe(0);
  });
});
