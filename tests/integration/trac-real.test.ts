// Django's Trac as Trac 1.6 really answers (tests/mocks/trac.ts refuses what real
// Trac refuses): the re-check of tickets that left the easy-pickings query, TRAC_URL,
// and pauses before retrying a failing Trac.
import { http, HttpResponse } from "msw";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createGitHub } from "../../app/integrations/github.server";
import { createTrac, idFilter } from "../../app/integrations/trac.server";
import { runSync } from "../../app/issues/sync.server";
import { resetEnv } from "../../app/utils/env.server";
import { db } from "../../app/utils/db.server";
import { makeCohort, makeProject } from "../setup/factories";
import { mockServer } from "../mocks/server";
import { TRAC, tracCsv, tracQueryHandler } from "../mocks/trac";

let projectId: string;
const sync = (timeScale = 1) =>
  runSync({ trigger: "cli", github: createGitHub({ timeScale: 1 }), trac: createTrac({ timeScale }) });
const ticket = (key: number) =>
  db.starterIssue.findUniqueOrThrow({
    where: { source_externalKey: { source: "trac", externalKey: String(key) } },
  });

beforeAll(async () => {
  const django = await makeProject({ slug: "django", name: "Django", tracUrl: TRAC, repos: [] });
  projectId = django.id;
  await makeCohort("running", { projectIds: [django.id] });
});

afterEach(() => {
  delete process.env.TRAC_URL;
  resetEnv();
});

describe("Trac 1.6", () => {
  it("writes an id list the way Trac splits it: commas, with runs as ranges", () => {
    expect(idFilter([33, 12, 13, 14])).toBe("12-14,33");
    expect(idFilter([35811, 36077])).toBe("35811,36077");
    expect(idFilter([7, 8])).toBe("7,8");
  });

  it("the project's Trac mock refuses what Trac 1.6 refuses: a |-joined id list gets Trac's 500 page, a query without format=csv the HTML query page", async () => {
    mockServer.use(
      tracQueryHandler([
        { id: 35811, summary: "One" },
        { id: 36077, summary: "Two" },
      ]),
    );
    const piped = await fetch(`${TRAC}/query?format=csv&col=id&col=summary&id=35811|36077`);
    expect(piped.status).toBe(500);
    expect(await piped.text()).toMatch(/Trac detected an internal error/);
    const commas = await fetch(`${TRAC}/query?format=csv&col=id&col=summary&id=35811,36077`);
    expect(commas.status).toBe(200);
    expect((await commas.text()).split("\r\n").filter((line) => /^\d/.test(line))).toHaveLength(2);
    const page = await fetch(`${TRAC}/query?col=id&col=summary`);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
  });

  it("closes on the board the tickets that left the easy-pickings query, asking for them with a comma list", async () => {
    const open = [35811, 35812, 35813, 36077].map((id) => ({ id, summary: `Ticket ${id}` }));
    mockServer.use(tracQueryHandler(open));
    await sync();
    expect(await db.starterIssue.count({ where: { projectId, source: "trac", state: "open" } })).toBe(4);

    const calls: string[] = [];
    mockServer.use(
      tracQueryHandler(
        [],
        open.map((t) => ({ ...t, status: "closed" })),
        calls,
      ),
    );
    const summary = await sync();
    expect(summary?.errors).toEqual([]);
    expect(new URLSearchParams(calls[1]).get("id")).toBe("35811-35813,36077");
    for (const id of [35811, 35812, 35813, 36077]) expect((await ticket(id)).state).toBe("closed");
  });

  it("asks the Trac named by TRAC_URL, not code.djangoproject.com, while ticket links stay public", async () => {
    process.env.TRAC_URL = "http://trac.mirror.test";
    resetEnv();
    mockServer.use(
      tracQueryHandler([{ id: 36300, summary: "Mirror ticket" }], [], [], "http://trac.mirror.test"),
    );
    const summary = await sync();
    expect(summary?.errors).toEqual([]);
    expect((await ticket(36300)).url).toBe(`${TRAC}/ticket/36300`);
  });

  it("pauses before retrying a Trac that answers 5xx, longer each time", async () => {
    const at: number[] = [];
    mockServer.use(
      http.get(`${TRAC}/query`, () => {
        at.push(performance.now());
        if (at.length < 3) return new HttpResponse("<html>502 Bad Gateway</html>", { status: 502 });
        return new HttpResponse(tracCsv([{ id: 36301, summary: "After the storm" }]), {
          headers: { "Content-Type": "text/csv;charset=utf-8" },
        });
      }),
    );
    const summary = await sync(20);
    expect(at.length).toBeGreaterThanOrEqual(3);
    expect(at[1] - at[0]).toBeGreaterThanOrEqual(15);
    expect(at[2] - at[1]).toBeGreaterThanOrEqual(60);
    expect(summary?.errors).toEqual([]);
    expect((await ticket(36301)).title).toBe("After the storm");
  });
});
