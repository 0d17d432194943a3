import { expect, it } from "vitest";
import { zoneOffsetMinutes } from "../../app/availability/slots";
import { describeInBrowser, signInAs, useBrowser } from "./harness";

describeInBrowser("forming teams and the team's home", () => {
  const browser = useBrowser();

  it("before teams can be formed, the organizer reads why, with nothing to suggest and a link to what is missing", async () => {
    // Session 6 is in review with no navigator; whether Nadia has confirmed her place by
    // now depends on which browser test ran first, so both reasons are accepted.
    const lena = await browser.newPage();
    await signInAs(lena, "Lena Fischer");
    await lena.goto("/cohorts/session-6/teams/form");
    const why = lena.getByTestId("nothing-to-form");
    await expect
      .poll(() => why.textContent())
      .toMatch(/^No teams can be formed yet: .*no navigator is appointed yet\./);
    expect(await lena.getByRole("button", { name: "Suggest teams" }).count()).toBe(0);
    const nobodyConfirmed = (await why.textContent())!.includes("there are no confirmed participants yet");
    await why
      .getByRole("link", { name: nobodyConfirmed ? "See the decisions" : "Appoint navigators" })
      .click();
    await expect
      .poll(() => lena.getByRole("heading", { level: 1 }).textContent())
      .toMatch(nobodyConfirmed ? /^Decisions/ : /^Navigators and captains/);
  });

  it("an organizer suggests teams, moves one person, publishes, and a participant sees the meeting in their own time zone", async () => {
    const lena = await browser.newPage({ timezoneId: "Europe/Berlin" });
    await signInAs(lena, "Lena Fischer");
    await lena.goto("/cohorts/spring-sprint/teams/form");
    await expect.poll(() => lena.getByRole("heading", { level: 1 }).textContent()).toBe("Form teams");
    await lena.getByRole("button", { name: "Suggest teams" }).click();
    // (the demo's availability is seeded relative to today, so exact counts can vary with daylight saving)
    await expect
      .poll(() => lena.getByRole("status").textContent())
      .toMatch(/Suggested [34] teams placing \d+ of 14 participants/);
    // how good the suggestion is, from the solver's bound (decision 080)
    await expect
      .poll(() => lena.getByTestId("suggestion-quality").textContent())
      .toMatch(/places (\d+) of the \d+ participants who could be placed at most/);
    const anaTeam = lena.getByRole("article", { name: "Team of Ana Souza" });
    await expect
      .poll(() => anaTeam.getByTestId("shared-hours").textContent())
      .toMatch(/^([5-9]|\d\d)(\.5)? shared hours$/);
    // Noah is only free early on weekday mornings: no navigator shares enough hours with him.
    const leftOut = lena
      .getByRole("list", { name: "Left without a team" })
      .getByRole("listitem")
      .filter({ hasText: "Noah Schmidt" });
    await expect
      .poll(() => leftOut.textContent())
      .toContain("Shares fewer than 5 hours a week with every navigator of a project they chose.");
    await expect
      .poll(() => leftOut.textContent())
      .toContain(
        "What happens next: Stays a confirmed participant without a team and gets no welcome notice.",
      );

    // Move Noah into Ana's team anyway: the shared hours and the warning update.
    await lena.getByLabel("Move Noah Schmidt to").selectOption({ label: "Team of Ana Souza" });
    await lena
      .locator("form")
      .filter({ has: lena.getByLabel("Move Noah Schmidt to") })
      .getByRole("button", { name: "Move" })
      .click();
    await expect.poll(() => anaTeam.textContent()).toContain("Noah Schmidt");
    await expect.poll(() => anaTeam.getByTestId("shared-hours").textContent()).toBe("0 shared hours");
    await expect
      .poll(() => anaTeam.getByRole("list", { name: "Rule warnings" }).textContent())
      .toContain("the cohort asks for at least 5");

    // Publishing says who gets a welcome notice and warns about who is left without a team.
    const publish = lena.getByRole("form", { name: "Publish teams" });
    await expect
      .poll(() => publish.textContent())
      .toMatch(/Team of Ana Souza: Ana Souza \(navigator\), .*Noah Schmidt/);
    await expect
      .poll(() => publish.getByRole("list", { name: "Before you publish teams" }).textContent())
      .toContain("rule warning");
    const stillOut = lena.getByRole("list", { name: "Left without a team" }).getByRole("listitem").first();
    if (await lena.getByRole("list", { name: "Left without a team" }).count()) {
      await expect.poll(() => stillOut.textContent()).toMatch(/Why: .+What happens next: /);
    }
    await publish.getByLabel("Publish despite the warnings").check();
    await publish.getByLabel(/I have read who gets a welcome notice/).check();
    await publish.getByRole("button", { name: "Publish teams" }).click();
    await expect
      .poll(() => lena.getByRole("status").textContent())
      .toMatch(/Published [34] teams; \d+ welcome notices queued\./);

    // Oliver, in Dublin, finds his new team.
    const oliver = await browser.newPage({ timezoneId: "Europe/Dublin" });
    await signInAs(oliver, "Oliver Walsh");
    await oliver.goto("/cohorts/spring-sprint");
    await oliver.getByRole("link", { name: "My team" }).click();
    await oliver.waitForURL(/\/cohorts\/spring-sprint\/teams\/[a-z-]+$/);
    const teamPath = new URL(oliver.url()).pathname;
    await expect
      .poll(() => oliver.getByRole("list", { name: "Members" }).textContent())
      .toMatch(/Navigator.*Oliver Walsh.*Participant/);
    await expect.poll(() => oliver.getByText("No weekly meeting yet").count()).toBe(1);

    // The organizer sets the meeting in São Paulo time.
    await lena.goto(teamPath);
    await lena.getByText("Set the weekly meeting").click();
    await lena.getByLabel("Day of the week", { exact: true }).selectOption({ label: "Wednesday" });
    await lena.getByLabel("Starts at").fill("17:00");
    await lena.getByLabel("In the time zone").selectOption("America/Sao_Paulo");
    await lena.getByRole("button", { name: "Save meeting" }).click();
    await expect.poll(() => lena.getByRole("status").textContent()).toContain("Weekly meeting saved");

    // Oliver sees it on his own clock: 17:00 in São Paulo is 20:00 in Dublin in winter, 21:00 in summer
    // (as in the cohort's first week: the demo cohort starts in ten days).
    const firstWeek = new Date(Date.now() + 13 * 24 * 60 * 60 * 1000);
    const hours =
      17 +
      (zoneOffsetMinutes("Europe/Dublin", firstWeek) - zoneOffsetMinutes("America/Sao_Paulo", firstWeek)) /
        60;
    await oliver.reload();
    const meeting = await oliver.getByTestId("meeting").textContent();
    expect(meeting).toContain(`Wednesdays ${hours}:00–${hours + 1}:00 your time (Europe/Dublin)`);
    expect(meeting).toContain("First meetings, from the cohort’s start:");
    expect(meeting).toContain("Set as Wednesdays 17:00–18:00 (America/Sao_Paulo)");
    await expect
      .poll(() => oliver.getByLabel("Calendar feed address").inputValue())
      .toMatch(/\/calendar\/[\w-]+\.ics$/);
  });
});
