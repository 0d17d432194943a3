// Sessions a person can see and end, and signing in over someone else's session.
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { callRoute, makePerson, makeRequest, sessionCookieFor } from "../setup/factories";

async function demoPerson(login: string) {
  return db.person.create({ data: { login, name: login, isDemo: true, demoRole: "participant" } });
}

const cookieOf = (response: Response) =>
  (response.headers.get("Set-Cookie") ?? "").match(/cohort_session=[^;]*/)?.[0] ?? "";

describe("signing in on a browser that is already signed in", () => {
  it("ends the previous person's session and records both in the audit log", async () => {
    const ana = await demoPerson("ana-dev");
    const ben = await demoPerson("ben-dev");
    const login = await import("~/routes/login");
    const first = await callRoute(
      login.action,
      makeRequest("/login", {
        form: { intent: "demo", personId: ana.id },
        headers: { "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0" },
      }),
    );
    const anaCookie = cookieOf(first);
    expect(anaCookie).not.toBe("");
    const second = await callRoute(
      login.action,
      makeRequest("/login", { cookie: anaCookie, form: { intent: "demo", personId: ben.id } }),
    );
    expect(cookieOf(second)).not.toBe("");
    expect(await db.authSession.count({ where: { personId: ana.id } })).toBe(0);
    const home = await import("~/routes/home");
    expect(
      (await callRoute(home.loader, makeRequest("/home", { cookie: anaCookie }))).headers.get("Location"),
    ).toMatch(/^\/login/);
    const actions = (
      await db.auditEntry.findMany({ where: { subjectId: { in: [ana.id, ben.id] } }, orderBy: { at: "asc" } })
    ).map((e) => `${e.action}:${e.subjectId === ana.id ? "ana" : "ben"}`);
    expect(actions).toEqual(["auth.sign_in:ana", "auth.sign_out:ana", "auth.sign_in:ben"]);
  });

  it("records signing out", async () => {
    const person = await makePerson();
    const cookie = await sessionCookieFor(person.id);
    const logout = await import("~/routes/logout");
    await callRoute(logout.action, makeRequest("/logout", { cookie, form: {} }));
    expect(await db.auditEntry.count({ where: { action: "auth.sign_out", actorId: person.id } })).toBe(1);
  });
});

describe("signed-in devices on settings", () => {
  it("lists each session, signs out one other device, and signs out everywhere", async () => {
    const person = await makePerson();
    const other = await makePerson();
    const laptop = await sessionCookieFor(person.id);
    const phone = await sessionCookieFor(person.id);
    const strangers = await sessionCookieFor(other.id);
    const settings = await import("~/routes/settings");
    const page = (await (
      await callRoute(settings.loader, makeRequest("/settings", { cookie: laptop }))
    ).json()) as { devices: { id: string; current: boolean }[] };
    expect(page.devices).toHaveLength(2);
    expect(page.devices.filter((d) => d.current)).toHaveLength(1);
    const phoneId = page.devices.find((d) => !d.current)!.id;
    // Someone else's session cannot be ended from here.
    const strangerId = strangers.split("=")[1].split(".")[0];
    await callRoute(
      settings.action,
      makeRequest("/settings", { cookie: laptop, form: { intent: "end-session", sessionId: strangerId } }),
    );
    expect(await db.authSession.count({ where: { id: strangerId } })).toBe(1);
    await callRoute(
      settings.action,
      makeRequest("/settings", { cookie: laptop, form: { intent: "end-session", sessionId: phoneId } }),
    );
    const home = await import("~/routes/home");
    expect((await callRoute(home.loader, makeRequest("/home", { cookie: phone }))).status).toBe(302);
    expect((await callRoute(home.loader, makeRequest("/home", { cookie: laptop }))).status).toBe(200);
    await sessionCookieFor(person.id);
    const everywhere = await callRoute(
      settings.action,
      makeRequest("/settings", { cookie: laptop, form: { intent: "sign-out-everywhere" } }),
    );
    expect(everywhere.headers.get("Location")).toBe("/login");
    expect(await db.authSession.count({ where: { personId: person.id } })).toBe(0);
    expect(await db.authSession.count({ where: { personId: other.id } })).toBe(1);
  });

  it("records which settings changed (not the values) in the audit log", async () => {
    const person = await makePerson({ name: "Old Name", timeZone: "UTC" });
    const cookie = await sessionCookieFor(person.id);
    const settings = await import("~/routes/settings");
    const response = await callRoute(
      settings.action,
      makeRequest("/settings", {
        cookie,
        form: { name: "New Name", email: person.email ?? "", timeZone: "Europe/Berlin" },
      }),
    );
    expect(response.status).toBe(302);
    const entry = await db.auditEntry.findFirstOrThrow({
      where: { action: "settings.updated", actorId: person.id },
    });
    expect(entry.detail).toBe("name, timeZone");
  });
});

describe("the cohort's audit log", () => {
  it("records CSV exports and scoring, and organizers read it on its page", async () => {
    const { buildWorld } = await import("../permissions/world");
    const { makeApplication, makeCriterion } = await import("../setup/factories");
    const world = await buildWorld("review");
    const criterion = await makeCriterion(world.cohort.id);
    const application = await makeApplication(world.cohort.id, world.people.applicant.id);
    const csv = await import("~/routes/cohorts.$slug.applications[.]csv");
    expect(
      (
        await callRoute(
          csv.loader,
          makeRequest(`/cohorts/${world.cohort.slug}/applications.csv`, { cookie: world.cookies.organizer }),
          { slug: world.cohort.slug },
        )
      ).status,
    ).toBe(200);
    const review = await import("~/routes/cohorts.$slug.review.$applicationId");
    const scored = await callRoute(
      review.action,
      makeRequest(`/cohorts/${world.cohort.slug}/review/${application.id}`, {
        cookie: world.cookies.reviewer,
        form: { intent: "score", [`c_${criterion.id}`]: "4", comment: "Clear motivation." },
      }),
      { slug: world.cohort.slug, applicationId: application.id },
    );
    expect(scored.status).toBeLessThan(400);
    const audit = await import("~/routes/cohorts.$slug.audit");
    const page = (await (
      await callRoute(
        audit.loader,
        makeRequest(`/cohorts/${world.cohort.slug}/audit`, { cookie: world.cookies.organizer }),
        { slug: world.cohort.slug },
      )
    ).json()) as { entries: { label: string; actor: string | null; detail: string | null }[] };
    const labels = page.entries.map((e) => `${e.label} by ${e.actor}`);
    expect(labels).toContain(
      `Exported the applications (CSV) by ${world.people.organizer.name} (@organizer)`,
    );
    expect(labels).toContain(`Scored an application by ${world.people.reviewer.name} (@reviewer)`);
    // Scores stay hidden from the log (organizers may review too).
    expect(JSON.stringify(page.entries)).not.toContain('"4"');
  });
});
