// Each page's buttons are parsed with one zod schema: a refused press (an unknown button,
// a missing id, an unticked box) gets its sentence on the page or in the flash, never a 500.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { readFlash } from "~/utils/flash.server";
import { buildWorld, type World, type WorldRole } from "../permissions/world";
import { callRoute, makeApplication, makeRequest, TEST_ORIGIN } from "../setup/factories";

let world: World;
let applicationId: string;
const token = "refusal-offer-token";

beforeAll(async () => {
  world = await buildWorld("running");
  applicationId = (
    await makeApplication(world.cohort.id, world.people.applicant.id, {
      decision: "accept",
      publishedDecision: "accept",
    })
  ).id;
  await db.offer.create({
    data: { applicationId, token, expiresAt: new Date(Date.now() + 7 * 86_400_000), openKey: applicationId },
  });
});

/** The sentences a person sees after the press: the page's errors, or the flash after a redirect. */
async function sentencesOf(response: Response): Promise<string[]> {
  if (response.status === 302) {
    const cookie = (response.headers.get("Set-Cookie") ?? "").split(";")[0];
    const { flash } = await readFlash(new Request(TEST_ORIGIN, { headers: { Cookie: cookie } }));
    return flash?.kind === "error" ? [flash.message] : [];
  }
  const body = (await response.json()) as { error?: string; errors?: Record<string, string> };
  return [body.error, ...Object.values(body.errors ?? {})].filter((s): s is string => Boolean(s));
}

type Case = {
  route: string;
  as: WorldRole;
  form: Record<string, string>;
  sentence: string;
  params?: () => Record<string, string>;
};

const slug = () => ({ slug: world.cohort.slug });
const CASES: Case[] = [
  {
    route: "admin.outbox",
    as: "admin",
    form: { intent: "retry" },
    sentence: "That notice cannot be retried.",
  },
  {
    route: "offers.$token",
    as: "applicant",
    form: { intent: "decline" },
    sentence: "Tick the box to confirm that you are giving up your seat.",
    params: () => ({ token }),
  },
  {
    route: "cohorts.$slug.review.$applicationId",
    as: "reviewer",
    form: { intent: "recuse", reason: "x".repeat(501) },
    sentence: "Keep the reason under 500 characters.",
    params: () => ({ ...slug(), applicationId }),
  },
  { route: "settings", as: "participant", form: { intent: "shred" }, sentence: "Choose what to save." },
  {
    route: "admin.cohorts.$slug",
    as: "admin",
    form: { intent: "remove" },
    sentence: "That organizer was already removed.",
    params: slug,
  },
  {
    route: "cohorts.$slug.appointments",
    as: "organizer",
    form: { intent: "remove" },
    sentence: "That appointment no longer exists.",
    params: slug,
  },
  {
    route: "cohorts.$slug.teams.form",
    as: "organizer",
    form: { intent: "publish", draft: "" },
    sentence: "Nothing was published: tick “I have read who gets a welcome notice” first.",
    params: slug,
  },
  {
    route: "cohorts.$slug.apply",
    as: "applicant",
    form: { intent: "shred" },
    sentence: "Choose whether to save, submit or withdraw your application.",
    params: slug,
  },
  { route: "login", as: "anonymous", form: { intent: "fax" }, sentence: "Choose how to sign in." },
  {
    route: "settings_.following",
    as: "participant",
    form: {},
    sentence: "Tick the box to confirm; nothing was changed.",
  },
  {
    route: "cohorts.$slug.after",
    as: "participant",
    form: { intent: "x" },
    sentence: "Unknown action.",
    params: slug,
  },
  {
    route: "cohorts.$slug.completion",
    as: "organizer",
    form: { intent: "x" },
    sentence: "Unknown action.",
    params: slug,
  },
  {
    route: "cohorts.$slug.issues",
    as: "organizer",
    form: { intent: "x" },
    sentence: "Unknown action.",
    params: slug,
  },
  {
    route: "cohorts.$slug.pulls",
    as: "organizer",
    form: { intent: "x" },
    sentence: "Unknown action.",
    params: slug,
  },
  {
    route: "cohorts.$slug.officers.$id",
    as: "organizer",
    form: { intent: "x" },
    sentence: "Choose whether to save the review or the decision.",
    params: () => ({ ...slug(), id: "no-such-application" }),
  },
  {
    route: "cohorts.$slug.officers._index",
    as: "organizer",
    form: { intent: "remove-question" },
    sentence: "That question was already removed.",
    params: slug,
  },
  {
    route: "cohorts.$slug.teams.$team._index",
    as: "participant",
    form: { intent: "x" },
    sentence: "Nothing was changed.",
    params: () => ({ ...slug(), team: world.teamA.slug }),
  },
  {
    route: "cohorts.$slug.public-page",
    as: "organizer",
    form: { intent: "x" },
    sentence: "That button is not known; reload the page and try again.",
    params: slug,
  },
  {
    route: "cohorts.$slug.form",
    as: "organizer",
    form: { intent: "x" },
    sentence: "Unknown action.",
    params: slug,
  },
];

describe("a refused button press says why", () => {
  it.each(CASES)("$route: $sentence", async ({ route, as, form, sentence, params }) => {
    const module = (await import(`../../app/routes/${route}.tsx`)) as {
      action: Parameters<typeof callRoute>[0];
    };
    const before = await db.auditEntry.count();
    const response = await callRoute(
      module.action,
      makeRequest("/refused", { cookie: world.cookies[as], form }),
      params?.() ?? {},
    );
    expect(response.status).toBeLessThan(500);
    expect(await sentencesOf(response)).toContain(sentence);
    expect(await db.auditEntry.count()).toBe(before);
  });
});
