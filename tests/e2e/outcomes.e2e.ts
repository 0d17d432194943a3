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
    // 1 month: Sam, Ana and Lucía (a Trac ticket) of four; 3 months: Lucía not read yet, so 2 of 3.
    const table = lena.locator(".retention-table");
    await expect.poll(() => table.textContent()).toMatch(/Session 4.*75%.*\(3 of 4\)/);
    const row = (label: string) =>
      table.locator("tr", { has: lena.getByRole("rowheader", { name: label, exact: true }) });
    expect(await row("Session 4").locator("td").nth(1).textContent()).toBe(
      "67% (2 of 3, 1 still to be checked)",
    );
    // The comparison group, beside the alumni, in the table and as points of the curve.
    const comparison = "Session 4 · newcomers not in a cohort (comparison)";
    expect(await row(comparison).locator("td").nth(0).textContent()).toBe("44% (4 of 9)");
    expect(await row(comparison).locator("td").nth(1).textContent()).toBe(
      "29% (2 of 7, 2 still to be checked)",
    );
    expect(
      await lena
        .locator(`svg[role=img] g[data-series="${comparison}"] circle`)
        .evaluateAll((cs) => cs.map((c) => `${c.getAttribute("data-mark")}=${c.getAttribute("data-share")}`)),
    ).toEqual(["1=0.444", "3=0.286"]);
    expect(await lena.getByTestId("still-to-check").textContent()).toContain(
      "Session 4: 1 person at 3 months",
    );
    expect(await lena.locator("svg[role=img] circle").count()).toBeGreaterThan(2);
    // Lucía's 3-month mark passed without being read: her next check is overdue, not months away.
    expect(await lena.getByRole("row", { name: /Lucía Gómez/ }).textContent()).toContain("Due since");
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

  it("settings explain following, take a Trac username (refusing a list) and offer the opt-out", async () => {
    const page = await browser.newPage();
    await signInAs(page, "Ana Souza");
    await page.goto("/settings/following");
    await expect.poll(() => page.getByRole("button", { name: "Opt out" }).count()).toBe(1);
    const field = page.getByLabel("Trac username");
    await field.fill("ana, souza");
    await page.getByRole("button", { name: "Save Trac username" }).click();
    await expect
      .poll(() => page.locator(".field-error").first().textContent())
      .toContain("no spaces or commas");
    try {
      await page.getByLabel("Trac username").fill("asouza");
      await page.getByRole("button", { name: "Save Trac username" }).click();
      await expect.poll(() => page.getByText("Saved: your Trac username is asouza.").count()).toBe(1);
      expect(await page.getByLabel("Trac username").inputValue()).toBe("asouza");
    } finally {
      // Ana had none in the demo: leave it so.
      await page.getByLabel("Trac username").fill("");
      await page.getByRole("button", { name: "Save Trac username" }).click();
      await expect.poll(() => page.getByText("Your Trac username is removed.").count()).toBe(1);
    }
  });

  it("the demo's alumna has her certificate, and her Trac ticket is on her timeline", async () => {
    const lucia = await browser.newPage();
    await signInAs(lucia, "Lucía Gómez");
    await lucia.goto("/cohorts/session-4/after");
    await expect.poll(() => lucia.getByRole("link", { name: /^\/certificates\// }).count()).toBe(1);
    const lena = await browser.newPage();
    await signInAs(lena, "Lena Fischer");
    await lena.goto("/cohorts/session-4/alumni/luciagomez");
    await expect
      .poll(() => lena.locator("ol.timeline").textContent())
      .toContain("Reported or owns a Trac ticket that changed");
  });
});
