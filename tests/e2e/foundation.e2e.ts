import { expect, it } from "vitest";
import { describeInBrowser, signInAs, signOut, useBrowser } from "./harness";

describeInBrowser("signing in to the demo", () => {
  const browser = useBrowser();

  it("a demo navigator signs in and sees their cohort on the home page", async () => {
    const page = await browser.newPage();
    await page.goto("/");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("navigator");
    await signInAs(page, "Ana Souza");
    expect(new URL(page.url()).pathname).toBe("/home");
    const card = page.getByRole("article", { name: "Session 5" });
    await expect.poll(() => card.textContent()).toContain("Week 3 of 6");
    await expect.poll(() => card.textContent()).toContain("navigator in Team Pegasus");
    await card.getByRole("link", { name: "Session 5" }).click();
    await page.waitForURL("**/cohorts/session-5");
    await expect.poll(() => page.getByRole("table").textContent()).toContain("Ana Souza (navigator)");
    await signOut(page);
    await page.goto("/home");
    expect(new URL(page.url()).pathname).toBe("/login");
  });

  it("an unknown address shows a friendly not-found page", async () => {
    const page = await browser.newPage();
    const response = await page.goto("/no/such/page");
    expect(response?.status()).toBe(404);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Page not found");
  });

  it("an admin creates a cohort, fixing a mistake the form points out, and appoints an organizer", async () => {
    const page = await browser.newPage();
    await signInAs(page, "Amara Okafor");
    await page.goto("/admin/cohorts/new");
    await page.getByRole("textbox", { name: "Name", exact: true }).fill("Session 7");
    await page.getByLabel("Address name").fill("session-7");
    await page.getByLabel("Wagtail").check();
    await page.getByLabel("Applications open on").fill("2027-02-01");
    await page.getByLabel("Applications close on").fill("2027-01-15");
    await page.getByLabel("Starts on").fill("2027-03-01");
    await page.getByRole("button", { name: "Create cohort" }).click();
    await expect
      .poll(() => page.locator(".field-error").allTextContents())
      .toContain("Applications must close on or after the day they open.");
    await expect
      .poll(() => page.getByRole("textbox", { name: "Name", exact: true }).inputValue())
      .toBe("Session 7");
    await page.getByLabel("Applications close on").fill("2027-02-20");
    await page.getByRole("button", { name: "Create cohort" }).click();
    await page.waitForURL("**/admin/cohorts/session-7");
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Cohort “Session 7” created");
    await page.getByLabel("Appoint an organizer by GitHub login").fill("someone-new");
    await page.getByRole("button", { name: "Appoint organizer" }).click();
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toContain("@someone-new will become an organizer when they first sign in.");
    await expect
      .poll(() => page.getByRole("listitem").filter({ hasText: "@someone-new" }).textContent())
      .toContain("has not signed in yet");
  });
});
