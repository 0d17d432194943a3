// What people read every day: error pages with a title, avatars with the person's
// initials, sync problems said once and settings in words, the right teams offered for
// a starter issue, a finished team's page, what "Running now" lists, and an outage
// that is not blamed on a field. The harness runs axe on every page visited, and its
// check does catch a serious problem.
import { expect, it } from "vitest";
import { axeViolations, baseUrl, describeInBrowser, signInAs, useBrowser } from "./harness";

const ENV_NAME = /\b[A-Z]{2,}_[A-Z_]{2,}\b/;

describeInBrowser("everyday pages", () => {
  const browser = useBrowser();

  it("error pages have a real title: not found, not allowed, too many requests, too large", async () => {
    const page = await browser.newPage();
    await page.goto("/no/such/page");
    await expect.poll(() => page.title()).toBe("Page not found — Cohort");

    await signInAs(page, "Mei Lin");
    const refused = await page.goto("/admin");
    expect(refused?.status()).toBe(403);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Not allowed");
    await expect.poll(() => page.title()).toBe("Not allowed — Cohort");

    // Eleven GitHub sign-in attempts from one (made-up) network address: the last is refused.
    const address = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
    let last: Response | undefined;
    for (let i = 0; i < 11; i++)
      last = await fetch(`${baseUrl}/login`, {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          Accept: "text/html",
          Origin: baseUrl,
          "X-Forwarded-For": address,
        },
        body: "intent=github",
        redirect: "manual",
      });
    expect(last?.status).toBe(429);
    const tooMany = await last!.text();
    expect(tooMany).toContain("<title>Too many requests — Cohort</title>");
    expect(tooMany).toContain("Too many sign-in attempts from your network.");

    const big = await fetch(`${baseUrl}/login`, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Accept: "text/html,application/xhtml+xml",
        "Content-Length": String(200 * 1024 * 1024),
      },
      body: new Uint8Array(16),
      duplex: "half",
    } as RequestInit).catch((error: unknown) => error);
    // the server may close the connection before the client finishes sending
    if (big instanceof Response) {
      expect(big.status).toBe(413);
      expect(await big.text()).toContain("<title>Too large — Cohort</title>");
    }
  });

  it("avatars show the initials of the person's name, not of their login", async () => {
    const page = await browser.newPage();
    await signInAs(page, "Mei Lin");
    await page.goto("/cohorts/session-5/teams/pegasus");
    const avatar = page.locator("li.card").filter({ hasText: "Mei Lin" }).locator("img.avatar");
    const src = await avatar.getAttribute("src");
    expect(src).toBe("/avatars/meilin-dev.svg");
    const svg = await (await fetch(`${baseUrl}${src}`)).text();
    expect(svg).toContain(">ML</text>");
  });

  it("the sync page says each problem once and names no settings by their variable", async () => {
    const page = await browser.newPage();
    await signInAs(page, "Lena Fischer");
    await page.goto("/cohorts/session-5/sync");
    const main = page.locator("main");
    await expect.poll(() => main.textContent()).toContain("Problems in the last run");
    const text = (await main.textContent()) ?? "";
    expect(text.split("Trac answered 502.").length - 1).toBe(1);
    expect(text).not.toMatch(ENV_NAME);
    await page.goto("/cohorts/session-5/notices");
    await expect.poll(() => page.locator("main").textContent()).toContain("notices");
    expect(await page.locator("main").textContent()).not.toMatch(ENV_NAME);
  });

  it("a starter issue can be recommended only to the teams working on its project", async () => {
    const page = await browser.newPage();
    await signInAs(page, "Lena Fischer");
    await page.goto("/cohorts/session-5/issues");
    const card = page.getByRole("article", {
      name: "Remove unneeded str() calls in django.contrib.admin template tags",
    });
    await card.getByText("Curate", { exact: true }).click();
    await expect
      .poll(() => card.getByLabel("Recommend for").locator("option").allTextContents())
      .toEqual(["No team", "Team Pegasus"]);
  });

  it("a finished cohort's team page does not promise a meeting; 'Running now' lists only running cohorts", async () => {
    const page = await browser.newPage();
    await signInAs(page, "Sam Okonkwo");
    await page.goto("/cohorts/session-4/teams/vega");
    await expect.poll(() => page.locator("main").textContent()).toContain("The cohort has ended");
    expect(await page.locator("main").textContent()).not.toContain("Your navigator will set one");

    await page.goto("/");
    const running = page.locator("h2:text-is('Running now') + ul");
    await expect.poll(() => running.textContent()).toContain("Session 5");
    expect(await running.textContent()).not.toContain("Spring Sprint");
    const starting = page.locator("h2:text-is('Starting soon') + ul");
    await expect.poll(() => starting.textContent()).toContain("Spring Sprint");
  });

  it("GitHub refusing the server is said as an outage, not as a field to correct", async () => {
    const page = await browser.newPage();
    await signInAs(page, "Oliver Walsh");
    await page.goto("/cohorts/session-5/pulls");
    await page.getByLabel("Pull request address").fill("https://github.com/outage/down/pull/1");
    await page
      .getByLabel("Explain the change in your own words")
      .fill(
        "The admin list template tags wrapped values that are already strings in str(); I removed the calls and added a test rendering a lazy verbose_name.",
      );
    await page.getByLabel("AI-assisted (I wrote it, a tool helped)").check();
    await page.getByLabel("Which AI tools (if any)").fill("GitHub Copilot");
    await page
      .getByLabel("What you checked yourself (if an AI tool helped)")
      .fill("I read every changed line and ran the tests.");
    await page.getByRole("button", { name: "Link pull request" }).click();
    const alert = page.locator(".error-summary");
    await expect.poll(() => alert.textContent()).toContain("GitHub refused this server's access token");
    expect(await alert.textContent()).toContain("Nothing was saved.");
    expect(await alert.textContent()).not.toContain("Please correct");
  });

  it("the axe check run after every test reports a serious problem when there is one", async () => {
    const page = await browser.newPage();
    await page.goto("/");
    await page.evaluate(() => {
      const img = document.createElement("img");
      img.src = "/avatars/x.svg";
      document.querySelector("main")!.append(img);
    });
    expect((await axeViolations(page)).join("\n")).toMatch(/critical: image-alt/);
  });
});
