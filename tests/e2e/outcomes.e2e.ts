// After the cohort, in a browser, on the demo's finished cohort (session-4).
import { expect, it } from "vitest";
import { baseUrl, describeInBrowser, signInAs, useBrowser } from "./harness";

describeInBrowser("after the cohort", () => {
  const browser = useBrowser();

  it("the public cohort page shows approved testimonials and links the impact report and each project's maintainers' view", async () => {
    const page = await browser.newPage();
    await page.goto("/cohorts/session-4");
    await expect
      .poll(() => page.getByRole("region", { name: "In their words" }).textContent())
      .toContain("Sam Okonkwo");
    expect(await page.getByRole("region", { name: "In their words" }).textContent()).not.toContain(
      "chaotic month",
    ); // pending, not approved
    const impact = page.getByRole("link", { name: "Impact report", exact: true });
    expect(await impact.getAttribute("href")).toBe("/cohorts/session-4/impact");
    await page.goto("/cohorts/session-4/impact");
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Impact of Session 4");
    await expect.poll(() => page.locator(".retention-table").textContent()).toContain("GSoC newcomers");
    expect(await page.getByText("Fixed #35611").count()).toBeGreaterThan(0); // the showcase
    await page.goto("/cohorts/session-4");
    await page.getByRole("link", { name: /for Django maintainers/ }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Session 4: pull requests into Django");
    expect(await page.getByText("Pre-reviewed by a navigator before the first upstream review").count()).toBe(
      1,
    );
    await page.getByText("Cohort context as Markdown").first().click();
    await expect
      .poll(() => page.getByRole("textbox", { name: "Cohort context as Markdown" }).first().inputValue())
      .toContain("**Cohort context**");
  });

  it("the alumnus opens his certificate, anyone can read it, and he withdraws and shares it again", async () => {
    const sam = await browser.newPage({ timezoneId: "America/New_York" });
    await signInAs(sam, "Sam Okonkwo");
    await sam.goto("/cohorts/session-4/after");
    const link = sam.getByRole("link", { name: /^\/certificates\// });
    await expect.poll(() => link.count()).toBe(1);
    const address = (await link.textContent())!;
    const visitor = await browser.newPage();
    await visitor.goto(address);
    await expect.poll(() => visitor.getByRole("heading", { level: 1 }).textContent()).toBe("Sam Okonkwo");
    expect(await visitor.locator("article").textContent()).toMatch(
      /Session 4[\s\S]*Django[\s\S]*Kwame Mensah[\s\S]*Fixed #35702/,
    );
    try {
      await sam.getByRole("button", { name: "Withdraw my certificate" }).click();
      await expect.poll(() => sam.getByRole("button", { name: /Share it again/ }).count()).toBe(1);
      const gone = await visitor.goto(address);
      expect(gone?.status()).toBe(410);
      await expect
        .poll(() => visitor.getByRole("heading", { level: 1 }).textContent())
        .toBe("Certificate withdrawn");
    } finally {
      await sam.goto(`${baseUrl}/cohorts/session-4/after`);
      if (await sam.getByRole("button", { name: /Share it again/ }).count())
        await sam.getByRole("button", { name: /Share it again/ }).click();
      await expect.poll(() => sam.getByRole("button", { name: "Withdraw my certificate" }).count()).toBe(1);
    }
  });

  it("the organizer sees completion with the exception, the outcomes curve with its table, and an alumnus's timeline", async () => {
    const lena = await browser.newPage({ timezoneId: "Europe/Berlin" });
    await signInAs(lena, "Lena Fischer");
    await lena.goto("/cohorts/session-4/completion");
    await expect
      .poll(() => lena.getByRole("table").first().textContent())
      .toContain("Exception: Missed four weeks");
    await lena.goto("/cohorts/session-4/outcomes");
    await expect
      .poll(() => lena.locator(".retention-table").textContent())
      .toMatch(/Session 4.*50%.*\(2 of 4\)/);
    expect(await lena.locator("svg[role=img] circle").count()).toBeGreaterThan(2);
    expect(await lena.getByText("Silva et al.", { exact: false }).count()).toBeGreaterThan(0);
    await lena.getByRole("link", { name: "Sam Okonkwo" }).click();
    await expect
      .poll(() => lena.getByRole("heading", { level: 1 }).textContent())
      .toBe("Sam Okonkwo after the cohort");
    expect(await lena.locator("ol.timeline li").count()).toBe(4);
    await lena.goto("/outcomes");
    await expect
      .poll(() => lena.getByRole("heading", { level: 1 }).textContent())
      .toBe("Outcomes across cohorts");
  });

  it("settings explain following and offer the opt-out", async () => {
    const page = await browser.newPage();
    await signInAs(page, "Ana Souza");
    await page.goto("/settings/following");
    await expect.poll(() => page.getByRole("button", { name: "Opt out" }).count()).toBe(1);
  });
});
