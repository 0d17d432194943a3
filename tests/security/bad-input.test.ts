// Every action, fed what a browser never sends (JSON, text/plain, cut-off multipart,
// duplicated fields, unknown intents, 1e308, negative hours, NUL bytes…): never a
// 5xx, and a refused request leaves the database exactly as it was. Runs on SQLite,
// and on PostgreSQL with TEST_DB=postgresql (where NUL in text is an error).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { buildWorld, type World } from "../permissions/world";
import { callRoute, makeApplication, TEST_ORIGIN } from "../setup/factories";

type RouteModule = { action?: (args: never) => unknown };

const ROUTES_DIR = path.resolve("app/routes");
const routeFiles = readdirSync(ROUTES_DIR).filter((f) => /\.tsx?$/.test(f));
const actionRoutes = routeFiles.filter((f) =>
  /export (async function|const) action\b/.test(readFileSync(path.join(ROUTES_DIR, f), "utf8")),
);

// Rate-limit counters count refused requests too (that is their point), and job runs are
// the scheduler's own record: neither is data a refused request could have changed.
const NOT_COMPARED = new Set(["RateLimiterFlexible", "JobRun"]);
const MODELS = [...readFileSync(path.resolve("prisma/schema.prisma"), "utf8").matchAll(/^model (\w+) \{/gm)]
  .map((m) => m[1])
  .filter((model) => !NOT_COMPARED.has(model));

/** Every row of every table, as one comparable string. */
async function snapshot(): Promise<string> {
  const tables = await Promise.all(
    MODELS.map(async (model) => {
      const delegate = (db as unknown as Record<string, { findMany: () => Promise<unknown[]> }>)[
        model[0].toLowerCase() + model.slice(1)
      ];
      const rows = (await delegate.findMany()).map((row) =>
        JSON.stringify(row, (_k, v: unknown) =>
          typeof v === "bigint" ? v.toString() : v instanceof Uint8Array ? Buffer.from(v).toString("hex") : v,
        ),
      );
      return `${model}:${rows.sort().join("\n")}`;
    }),
  );
  return tables.join("\n\n");
}

let world: World;
let offerToken: string;
let applicationId: string;

beforeAll(async () => {
  world = await buildWorld("running");
  const application = await makeApplication(world.cohort.id, world.people.applicant.id, {
    decision: "accept",
    publishedDecision: "accept",
  });
  applicationId = application.id;
  offerToken = "fuzz-offer-token";
  await db.offer.create({
    data: {
      applicationId,
      token: offerToken,
      expiresAt: new Date(Date.now() + 7 * 86_400_000),
      openKey: applicationId,
    },
  });
});

/** `cohorts.$slug.teams.$team._index` → the address and params in the test world. */
function addressOf(file: string): { url: string; params: Record<string, string> } {
  const values: Record<string, string> = {
    slug: file.startsWith("admin.projects") ? world.project.slug : world.cohort.slug,
    team: world.teamA.slug,
    week: "2",
    login: world.people.participant.login,
    applicationId,
    token: offerToken,
  };
  const params: Record<string, string> = {};
  const segments = file
    .replace(/\.tsx?$/, "")
    .replace(/\[\.\]/g, "\u0001")
    .split(".")
    .filter((s) => s !== "_index")
    .map((s) => s.replace(/_$/, "").replace(/\u0001/g, "."))
    .map((s) => {
      if (!s.startsWith("$")) return s;
      const name = s.slice(1);
      params[name] = values[name] ?? "x";
      return encodeURIComponent(params[name]);
    });
  return { url: `${TEST_ORIGIN}/${segments.join("/")}`, params };
}

/** Field names and intents a route's own source mentions, so generated forms reach its code. */
function vocabulary(file: string): { fields: string[]; intents: string[] } {
  const source = readFileSync(path.join(ROUTES_DIR, file), "utf8");
  const fields = new Set(["intent", "id", "redirectTo"]);
  for (const m of source.matchAll(/name="([^"]+)"|name=\{`([^`$]+)|\.get(?:All)?\("([^"]+)"\)/g))
    fields.add(m[1] ?? m[2] ?? m[3]);
  const intents = new Set(["nonsense", "INTENT", ""]);
  for (const m of source.matchAll(/case "([^"]+)"|intent === "([^"]+)"|value="([a-z-_]+)"/g))
    intents.add(m[1] ?? m[2] ?? m[3]);
  return { fields: [...fields], intents: [...intents] };
}

const NASTY = [
  "1e308",
  "-1e308",
  "-5",
  "-0.5",
  "NaN",
  "Infinity",
  "0",
  "99999999999999999999",
  "",
  " ",
  "a\u0000b",
  "\u0000",
  "\uD800",
  "x".repeat(3000),
  "2026-02-30",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "[]",
  "{}",
  "null",
  "true",
];

type Body = { kind: string; contentType: string | null; body: string };

function formBody(fields: string[], intents: string[]): fc.Arbitrary<Body> {
  const value = fc.oneof(
    fc.constantFrom(...NASTY),
    fc.string({ maxLength: 40 }),
    fc.integer().map(String),
    fc.double().map(String),
  );
  const field = fc.oneof(fc.constantFrom(...fields), fc.string({ maxLength: 12 }));
  const intent = fc.constantFrom(...intents);
  return fc
    .tuple(intent, fc.array(fc.tuple(field, value), { maxLength: 12 }), fc.boolean())
    .map(([chosen, pairs, duplicate]) => {
      const params = new URLSearchParams();
      params.append("intent", chosen);
      for (const [k, v] of pairs) {
        params.append(k, v);
        if (duplicate) params.append(k, v + "2");
      }
      return { kind: "form", contentType: "application/x-www-form-urlencoded", body: params.toString() };
    });
}

const notAForm: fc.Arbitrary<Body> = fc.oneof(
  fc.json().map((body) => ({ kind: "json", contentType: "application/json", body })),
  fc.string().map((body) => ({ kind: "text", contentType: "text/plain", body })),
  fc.constant({ kind: "none", contentType: null, body: "" }),
  fc.tuple(fc.string({ maxLength: 30 }), fc.nat(200)).map(([value, cut]) => {
    const full = `--XyZ\r\nContent-Disposition: form-data; name="intent"\r\n\r\n${value}\r\n--XyZ\r\nContent-Disposition: form-data; name="name"\r\n\r\nAna\r\n--XyZ--\r\n`;
    return {
      kind: "truncated multipart",
      contentType: "multipart/form-data; boundary=XyZ",
      body: full.slice(0, Math.min(cut, full.length - 9)),
    };
  }),
  fc.constant({
    kind: "multipart file",
    contentType: "multipart/form-data; boundary=XyZ",
    body: `--XyZ\r\nContent-Disposition: form-data; name="intent"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nsave\r\n--XyZ--\r\n`,
  }),
);

// People who between them hold every power an action checks for.
const IDENTITIES = ["admin", "organizer", "navigator", "participant", "applicant", "reviewer"] as const;

describe.each(actionRoutes)("POST %s with generated bodies", (file) => {
  it("never answers 5xx, and a refused request changes nothing", async () => {
    const mod = (await import(/* @vite-ignore */ path.join(ROUTES_DIR, file))) as RouteModule;
    const { url, params } = addressOf(file);
    const words = vocabulary(file);
    // Sync now and sign-out accept any form by design (there is nothing to fill in).
    const acceptsAnyForm = /sync|logout/.test(file);
    const bodies = acceptsAnyForm
      ? notAForm
      : fc.oneof(notAForm, formBody(words.fields, words.intents), formBody(words.fields, words.intents));
    // Signing out ends the session, so it is tried signed out.
    const identities = /logout/.test(file) ? (["anonymous"] as const) : IDENTITIES;
    let before = await snapshot();
    await fc.assert(
      fc.asyncProperty(bodies, fc.constantFrom(...identities), async (sent, role) => {
        const headers = new Headers({ Host: "localhost:3000", Origin: TEST_ORIGIN });
        if (sent.contentType) headers.set("Content-Type", sent.contentType);
        const cookie = role === "anonymous" ? "" : world.cookies[role];
        if (cookie) headers.set("Cookie", cookie);
        const request = new Request(url, { method: "POST", headers, body: sent.body });
        const response = await callRoute(mod.action as Parameters<typeof callRoute>[0], request, params);
        expect(
          response.status,
          `${sent.kind} as ${role}: ${JSON.stringify(sent.body).slice(0, 200)}`,
        ).toBeLessThan(500);
        if (sent.kind !== "form") {
          // Refused: by authorization first (403/404/redirect to sign-in) or as not a form (400, with a sentence).
          expect(
            response.status === 302 ? response.headers.get("Location") : response.status,
            `${sent.kind} as ${role}`,
          ).toSatisfy(
            (v: unknown) =>
              (typeof v === "number" && v >= 400) || (typeof v === "string" && v.startsWith("/login")),
          );
          if (response.status === 400 && !/webhooks/.test(file))
            expect((await response.clone().text()).length).toBeGreaterThan(20);
        }
        const after = await snapshot();
        if (response.status >= 400)
          expect(
            after === before,
            `a refused ${sent.kind} (${response.status}) as ${role} changed the database`,
          ).toBe(true);
        before = after;
      }),
      {
        numRuns: acceptsAnyForm ? 10 : Number(process.env.FUZZ_RUNS ?? 12),
        seed: Number(process.env.FUZZ_SEED ?? 20261202),
      },
    );
  });
});

describe("specific bad input", () => {
  it("a malformed session cookie is ignored as if absent: /login still opens", async () => {
    const login = await import("~/routes/login");
    const root = await import("~/root");
    const request = new Request(`${TEST_ORIGIN}/login`, { headers: { Cookie: "cohort_session=%" } });
    expect((await callRoute(login.loader as Parameters<typeof callRoute>[0], request)).status).toBe(200);
    expect((await callRoute(root.loader as Parameters<typeof callRoute>[0], request)).status).toBe(200);
    const home = await import("~/routes/home");
    const response = await callRoute(
      home.loader as Parameters<typeof callRoute>[0],
      new Request(`${TEST_ORIGIN}/home`, { headers: { Cookie: "cohort_session=%E0%A4%A; other=1" } }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login/);
  });

  it("a session cookie carrying a NUL byte is ignored, not sent to the database", async () => {
    const home = await import("~/routes/home");
    const response = await callRoute(
      home.loader as Parameters<typeof callRoute>[0],
      new Request(`${TEST_ORIGIN}/home`, { headers: { Cookie: "cohort_session=ab%00c.def" } }),
    );
    expect(response.status).toBe(302);
  });

  it("settings refuse a NUL byte with a sentence and keep the saved name", async () => {
    const settings = await import("~/routes/settings");
    const request = new Request(`${TEST_ORIGIN}/settings`, {
      method: "POST",
      headers: {
        Host: "localhost:3000",
        Origin: TEST_ORIGIN,
        Cookie: world.cookies.participant,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ name: "Mallory\u0000", timeZone: "UTC", email: "" }).toString(),
    });
    const response = await callRoute(settings.action as Parameters<typeof callRoute>[0], request);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/control character/);
    expect((await db.person.findUnique({ where: { id: world.people.participant.id } }))?.name).toBe(
      world.people.participant.name,
    );
  });

  it("a form larger than 1 MB gets 413 before it is read", async () => {
    const settings = await import("~/routes/settings");
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 400) return controller.close();
        controller.enqueue(new Uint8Array(64 * 1024).fill(97));
      },
    });
    const request = new Request(`${TEST_ORIGIN}/settings`, {
      method: "POST",
      headers: {
        Host: "localhost:3000",
        Origin: TEST_ORIGIN,
        Cookie: world.cookies.participant,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body,
      duplex: "half",
    } as RequestInit);
    const response = await callRoute(settings.action as Parameters<typeof callRoute>[0], request);
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(40);
  });
});
