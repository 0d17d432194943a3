import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { callRoute, makePerson, makeRequest, sessionCookieFor } from "../../tests/setup/factories";

describe("your settings", () => {
  it("saves name, e-mail and time zone", async () => {
    const person = await makePerson();
    const cookie = await sessionCookieFor(person.id);
    const route = await import("~/routes/settings");
    const response = await callRoute(
      route.action,
      makeRequest("/settings", {
        cookie,
        form: { name: "Ana Souza", email: "ana@example.org", timeZone: "America/Sao_Paulo" },
      }),
    );
    expect(response.status).toBe(302);
    expect(await db.person.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({
      name: "Ana Souza",
      email: "ana@example.org",
      timeZone: "America/Sao_Paulo",
    });
  });

  it("explains a bad time zone or e-mail and changes nothing", async () => {
    const person = await makePerson({ name: "Before" });
    const cookie = await sessionCookieFor(person.id);
    const route = await import("~/routes/settings");
    const response = await callRoute(
      route.action,
      makeRequest("/settings", {
        cookie,
        form: { name: "After", email: "not-an-email", timeZone: "Mars/Olympus" },
      }),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      errors: Record<string, string>;
      values: Record<string, string>;
    };
    expect(body.errors).toMatchObject({
      timeZone: "Choose a time zone from the list.",
      email: expect.stringMatching(/e-mail address/),
    });
    expect(body.values.name).toBe("After");
    expect((await db.person.findUniqueOrThrow({ where: { id: person.id } })).name).toBe("Before");
  });
});

describe("cohort navigation", () => {
  it("shows each role the pages it can open", async () => {
    const { cohortLinks } = await import("~/cohorts/next-step");
    const labels = (roles: Parameters<typeof cohortLinks>[0], phase: Parameters<typeof cohortLinks>[1]) =>
      cohortLinks(roles, phase, "s", "pegasus").map((l) => l.label);
    expect(labels([], "applications_open")).toContain("Apply");
    expect(labels(["participant"], "running")).toEqual(
      expect.arrayContaining(["My week", "My team", "Starter issues"]),
    );
    expect(labels(["participant"], "running")).not.toContain("Decisions");
    expect(labels(["navigator"], "running")).toContain("Team progress");
    expect(labels(["organizer"], "review")).toEqual(
      expect.arrayContaining(["Review", "Decisions", "Application form"]),
    );
    expect(labels(["reviewer"], "review")).not.toContain("Decisions");
  });
});
