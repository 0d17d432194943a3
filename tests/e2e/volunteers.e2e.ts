// A past participant volunteers as captain from the cohort's public page, is
// selected by an organizer, signs in and sees their team; a participant completes
// the midpoint evaluation and the organizer reads it; a participant answers the weekly
// pulse and the organizer sees it counted. Uses its own demo people: Lucía (an alumna
// nobody else's test uses), Fatima's evaluation and Yusuf's pulse.
import { expect, it } from "vitest";
import { describeInBrowser, signInAs, signOut, useBrowser } from "./harness";

describeInBrowser("volunteers and evaluations", () => {
  const browser = useBrowser();

  it("an alumna applies as captain, sees her hours checked as she types, is selected and finds her team", async () => {
    const page = await browser.newPage({ timezoneId: "America/Bogota" });
    await signInAs(page, "Lucía Gómez");
    await page.goto("/cohorts/session-6");
    await page.getByRole("link", { name: "Volunteer as a navigator or captain" }).click();
    await page.waitForURL("**/cohorts/session-6/volunteer");
    await page.getByLabel("captain").check();
    await page.getByLabel("Django", { exact: true }).check();
    await page.getByLabel("Hours a week I can give").fill("5");
    await expect
      .poll(() => page.locator("#commitment-hint").textContent())
      .toBe("You can give 5 hours a week; the cohort asks for 8.");
    await page.getByLabel("Hours a week I can give").fill("10");
    await page.getByLabel("Hours a week those commitments take").fill("30");
    await expect
      .poll(() => page.locator("#commitment-hint").textContent())
      .toBe("Your availability leaves the 8 hours a week the cohort asks for.");
    await page.getByLabel(/Other commitments during the cohort/).fill("A part-time job");
    await page
      .getByLabel(/Why would you like to guide a team/)
      .fill("Session 4 taught me how much a good check-in matters.");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toContain("Thank you! Your application is in");
    await signOut(page);

    await signInAs(page, "Lena Fischer");
    await page.goto("/cohorts/session-6/officers");
    const row = page.getByRole("row").filter({ hasText: "Lucía Gómez" });
    await expect.poll(() => row.textContent()).toContain("participant in Session 4 (Team Vega), completed");
    await row.getByRole("link", { name: "Lucía Gómez" }).click();
    await page.waitForURL("**/cohorts/session-6/officers/*");
    await page.getByLabel("Select as").selectOption("captain");
    await page.getByLabel("Team", { exact: true }).selectOption("lyra");
    await page.getByRole("button", { name: "Select", exact: true }).click();
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toContain("Lucía Gómez is now a captain of Session 6 in Team Lyra");
    await signOut(page);

    await signInAs(page, "Lucía Gómez");
    await page.goto("/home");
    await expect.poll(() => page.locator("main").textContent()).toContain("You are captain in Team Lyra");
    await page.goto("/cohorts/session-6");
    await page.getByRole("link", { name: "My team" }).click();
    await page.waitForURL("**/cohorts/session-6/teams/lyra");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Team Lyra");
  });

  it("a participant completes the midpoint evaluation from their week page and the organizer reads it", async () => {
    const page = await browser.newPage();
    await signInAs(page, "Fatima Zahra");
    await page.goto("/cohorts/session-5/week");
    const due = page.getByRole("region", { name: "Evaluations due" });
    await due.getByRole("link", { name: /Midpoint evaluation — about your team/ }).click();
    await page.waitForURL("**/cohorts/session-5/evaluations/*");
    await page
      .getByRole("group", { name: /My team works well together/ })
      .getByLabel("4")
      .check();
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Draft saved");
    await page.getByRole("button", { name: "Submit evaluation" }).click();
    await expect
      .poll(() => page.locator(".error-summary").textContent())
      .toContain("Please correct the 2 fields");
    await expect
      .poll(() => page.locator("main").textContent())
      .toContain("Choose 1 to 5 for “My navigator helps me when I am stuck”.");
    await page
      .getByRole("group", { name: /My navigator helps me/ })
      .getByLabel("5")
      .check();
    await page
      .getByRole("group", { name: /I am learning/ })
      .getByLabel("4")
      .check();
    await page.getByLabel(/keep doing, or do differently/).fill("Keep the *pairing* sessions.");
    await page.getByRole("button", { name: "Submit evaluation" }).click();
    await page.waitForURL("**/cohorts/session-5/evaluations");
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Evaluation submitted");
    await signOut(page);

    await signInAs(page, "Lena Fischer");
    await page.goto("/cohorts/session-5/evaluations");
    const row = page.getByRole("row").filter({ hasText: "Fatima Zahra" });
    await row.getByRole("link", { name: "Read" }).click();
    await page.waitForURL("**/evaluations/responses/*");
    await expect
      .poll(() => page.locator("main").textContent())
      .toContain("Midpoint evaluation by Fatima Zahra");
    expect(await page.locator("main em").first().textContent()).toBe("pairing");
  });

  it("a participant answers this week's pulse from their week page and the organizer sees it in the results", async () => {
    const page = await browser.newPage();
    await signInAs(page, "Lena Fischer");
    await page.goto("/cohorts/session-5");
    await page
      .getByRole("navigation", { name: "Session 5 pages" })
      .getByRole("link", { name: "Surveys" })
      .click();
    await page.waitForURL("**/cohorts/session-5/surveys");
    await expect
      .poll(() => page.locator("main").textContent())
      .toContain("Preview: what participants see each week");
    await page.getByRole("link", { name: "See the results" }).click();
    await page.waitForURL("**/cohorts/session-5/surveys/results");
    await expect
      .poll(() => page.locator("main").textContent())
      .toContain("Week 3 is not shown: fewer than three people answered");
    await signOut(page);

    await signInAs(page, "Yusuf Demir");
    await page.goto("/cohorts/session-5/week");
    const survey = page.getByRole("region", { name: "A quick survey" });
    await expect.poll(() => survey.textContent()).toContain("Week 3 pulse");
    await survey.getByRole("button", { name: "Send my answer" }).click();
    await expect
      .poll(() => page.locator(".error-summary").textContent())
      .toContain("Please correct the field marked below; nothing was saved.");
    await expect
      .poll(() => page.getByRole("group", { name: "I feel welcome in the community" }).textContent())
      .toContain("Choose an answer for “I feel welcome in the community”.");
    await page
      .getByRole("group", { name: "I feel welcome in the community" })
      .getByLabel("Agree", { exact: true })
      .check();
    await page.getByRole("button", { name: "Send my answer" }).click();
    await page.waitForURL("**/cohorts/session-5/week");
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toContain("Thank you — your answer to the week 3 pulse is in.");
    await expect.poll(() => page.getByRole("region", { name: "A quick survey" }).count()).toBe(0);
    await signOut(page);

    await signInAs(page, "Lena Fischer");
    await page.goto("/cohorts/session-5/surveys/results");
    // Diego 3, Chloé 5 and now Yusuf 4: three people, so week 3 is shown, in the chart and its table
    const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Week 3" }) });
    await expect.poll(() => row.textContent()).toBe("Week 300111");
    await expect.poll(() => page.locator("rect title", { hasText: "Week 3: 1 4 — agree" }).count()).toBe(1);
    expect(await page.locator("main").textContent()).not.toContain("Week 3 is not shown");

    // A finished cohort's rounds say they closed, with their dates.
    await page.goto("/cohorts/session-4/evaluations");
    const midpoint = page.getByRole("region", { name: "Midpoint evaluation" });
    await expect.poll(() => midpoint.textContent()).toMatch(/Closed Week 3: was open from .*, closed /);
    expect(await page.locator("main").textContent()).not.toContain("not open");
  });
});
