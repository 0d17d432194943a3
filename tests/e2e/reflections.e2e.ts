// A participant asks for help in a reflection; the navigator sees it under "Needs
// attention" and replies; the participant reads the reply. And hostile Markdown
// in every reflection field never runs in the browser.
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { XSS_PAYLOADS, XSS_TEXT } from "../fixtures/xss-payloads";
import { baseUrl, describeInBrowser, signInAs, signOut, useBrowser } from "./harness";

describeInBrowser("weekly reflections", () => {
  const browser = useBrowser();
  /** A signed-in page whose alert()/confirm() dialogs are recorded in `dialogs` (and dismissed). */
  const signedInWatchingDialogs = async (who: string, dialogs: string[]) => {
    const page = await browser.newPage();
    page.on("dialog", (dialog) => {
      dialogs.push(`${who}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await signInAs(page, who);
    return page;
  };

  it("a participant asks for help; the navigator sees it, replies; the participant reads the reply", async () => {
    const page = await browser.newPage({ timezoneId: "Asia/Shanghai" });
    await signInAs(page, "Mei Lin");
    await page.goto("/cohorts/session-5/week");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Week 3 of 6");
    await expect.poll(() => page.locator("main").textContent()).toContain("Navigator: Ana Souza");
    await page.getByRole("link", { name: "Write your week 3 reflection" }).click();
    await page.waitForURL("**/cohorts/session-5/reflections/3");

    await page
      .getByLabel("What I worked on")
      .fill("Rebased my system check PR and answered the **review comments**.");
    await page
      .getByLabel("What is blocking me")
      .fill("The `check_framework` tests fail only on SQLite and I cannot see why.");
    await page.getByLabel("What help I would like").fill("Could we look at the failing test together?");
    await page.getByRole("button", { name: "Preview" }).click();
    const preview = page.getByRole("region", { name: "Preview" });
    await preview.waitFor();
    await expect.poll(() => preview.locator("strong").first().textContent()).toBe("review comments");

    await page.getByLabel("2", { exact: true }).check();
    await page.getByLabel(/I need help/).check();
    await page.getByRole("button", { name: "Submit reflection" }).click();
    await page.waitForURL("**/cohorts/session-5/reflections/3/meilin-dev");
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Week 3 reflection submitted");
    await expect.poll(() => page.locator("main").textContent()).toContain("Needs help");
    await signOut(page);

    await signInAs(page, "Ana Souza");
    await page.goto("/cohorts/session-5/teams/pegasus/progress");
    const attention = page.getByRole("region", { name: /Needs attention/ });
    const item = attention
      .getByRole("listitem")
      .filter({ hasText: "Mei Lin — Asked for help in the week 3 reflection" });
    await expect.poll(() => item.count()).toBe(1);
    await item.getByRole("link", { name: "Read and reply" }).click();
    await page.waitForURL("**/cohorts/session-5/reflections/3/meilin-dev");
    await expect
      .poll(() => page.locator("main").textContent())
      .toContain("The check_framework tests fail only on SQLite");
    await page
      .getByLabel("Reply to Mei Lin")
      .fill(
        "Yes! Let's pair after Tuesday's meeting. Bring:\n\n- the traceback\n- the output of `./runtests.py check_framework --parallel 1`",
      );
    await page.getByRole("button", { name: "Send reply" }).click();
    await page.waitForURL("**/cohorts/session-5/reflections/3/meilin-dev");
    await expect.poll(() => page.getByRole("status").textContent()).toBe("Reply sent.");
    // Answered: it leaves the list.
    await page.goto("/cohorts/session-5/teams/pegasus/progress");
    await expect
      .poll(() => page.getByRole("region", { name: /Needs attention/ }).textContent())
      .not.toContain("Mei Lin — Asked for help in the week 3 reflection");
    await signOut(page);

    await signInAs(page, "Mei Lin");
    await page.goto("/cohorts/session-5/week");
    await page.getByRole("link", { name: "Read it and the replies" }).first().click();
    await page.waitForURL("**/cohorts/session-5/reflections/3/meilin-dev");
    const replies = page.getByRole("region", { name: "Replies" });
    await expect.poll(() => replies.textContent()).toContain("Ana Souza");
    await expect.poll(() => replies.textContent()).toContain("Let's pair after Tuesday's meeting");
    // The Markdown list is a list: bullets, no box around each item.
    const items = replies.locator(".markdown li").filter({ hasText: /traceback|runtests/ });
    await expect
      .poll(() => items.allTextContents())
      .toEqual(["the traceback", "the output of ./runtests.py check_framework --parallel 1"]);
    const look = await items.first().evaluate((li) => {
      const style = getComputedStyle(li);
      return { border: style.borderTopWidth, bullet: getComputedStyle(li.parentElement!).listStyleType };
    });
    expect(look).toEqual({ border: "0px", bullet: "disc" });
    await signOut(page);

    // Lena, an organizer, reads the help and reply notices of her cohort, kinds in words,
    // and every link in them leads to this server (its real address and port).
    await signInAs(page, "Lena Fischer");
    await page.goto("/cohorts/session-5/notices?show=replies");
    const reply = page.getByRole("article", { name: "Ana Souza replied to your week 3 reflection" }).first();
    await expect.poll(() => reply.textContent()).toContain("To Mei Lin");
    await expect.poll(() => reply.textContent()).toContain("Reply to a reflection");
    await expect.poll(() => reply.textContent()).toContain("/cohorts/session-5/reflections/3/meilin-dev");
    const help = page.getByRole("article").filter({ hasText: "Asked for help in a reflection" }).first();
    await expect.poll(() => help.textContent()).toContain("Mei Lin");
    for (const group of ["replies", "decisions"]) {
      if (group !== "replies") {
        await page.goto(`/cohorts/session-5/notices?show=${group}`);
        await page.locator(".notice-body").first().waitFor();
      }
      const bodies = await page.locator(".notice-body").allTextContents();
      const links = bodies.flatMap((body) => body.match(/https?:\/\/[^\s)]+/g) ?? []);
      expect(links.length, group).toBeGreaterThan(0);
      expect(links.filter((link) => !link.startsWith(`${baseUrl}/`))).toEqual([]);
      expect(await page.locator("main").textContent()).not.toMatch(
        /reflection_reply|reflection_help|\boffer\b ·/,
      );
    }
  });

  it("hostile Markdown in reflection answers, the preview and replies never runs", async () => {
    const dialogs: string[] = [];
    const watch = (page: Page) =>
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
    const injected = (page: Page) =>
      page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss ?? null);

    const page = await browser.newPage();
    watch(page);
    await signInAs(page, "Diego Ramírez");
    await page.goto("/cohorts/session-5/reflections/3");
    for (const prompt of [
      "What I worked on",
      "What I learned",
      "What is blocking me",
      "What help I would like",
    ]) {
      await page.getByLabel(prompt).fill(XSS_TEXT);
    }
    await page.getByRole("button", { name: "Preview" }).click();
    await page.getByRole("region", { name: "Preview" }).waitFor();
    await page.waitForTimeout(300);
    await expect.poll(() => injected(page)).toBeNull();
    await page.getByLabel("3", { exact: true }).check();
    await page.getByLabel(/Share with my team/).check();
    await page.getByRole("button", { name: "Submit reflection" }).click();
    await page.waitForURL("**/cohorts/session-5/reflections/3/diegoramirez");
    // What was written is shown as text, not lost.
    await expect.poll(() => page.locator("main").textContent()).toContain("<script>window.__xss = 1");
    await page.getByLabel("Reply").fill(XSS_TEXT);
    await page.getByRole("button", { name: "Send reply" }).click();
    await page.waitForURL("**/cohorts/session-5/reflections/3/diegoramirez");
    await page.waitForTimeout(300);
    await expect.poll(() => injected(page)).toBeNull();
    await signOut(page);

    // The navigator replies with the same text and reads the page; a teammate reads the shared reflection.
    for (const reader of ["Ana Souza", "Mei Lin"]) {
      const other = await browser.newPage();
      watch(other);
      await signInAs(other, reader);
      await other.goto("/cohorts/session-5/reflections/3/diegoramirez");
      if (reader === "Ana Souza") {
        await other.getByLabel("Reply to Diego Ramírez").fill(XSS_TEXT);
        await other.getByRole("button", { name: "Send reply" }).click();
        await other.waitForURL("**/cohorts/session-5/reflections/3/diegoramirez");
        await other.goto("/cohorts/session-5/teams/pegasus/progress");
        await other.goto("/cohorts/session-5/reflections/3/diegoramirez");
      }
      // Hover and focus everything, in case a handler survived.
      for (const link of await other.locator("main .markdown a").all()) await link.hover();
      await other.waitForTimeout(300);
      await expect.poll(() => injected(other)).toBeNull();
      await expect
        .poll(() =>
          other
            .locator("main .markdown script, main .markdown img, main .markdown svg, main .markdown iframe")
            .count(),
        )
        .toBe(0);
      await expect
        .poll(() =>
          other.locator('main .markdown a[href^="javascript:" i], main .markdown a[href^="data:" i]').count(),
        )
        .toBe(0);
    }
    expect(dialogs).toEqual([]);
  });

  // The same list through the other areas' user-written fields, as they exist today:
  // application answers (read by a reviewer and an organizer), a starter issue's
  // curation note, a pull request's explanation and a navigator's pre-review comment.
  it("hostile Markdown in application answers, curation notes, PR explanations and pre-reviews never runs", async () => {
    const dialogs: string[] = [];
    const open = (who: string) => signedInWatchingDialogs(who, dialogs);
    const inert = async (page: Page, where: string) => {
      for (const link of await page.locator("main .markdown a").all()) await link.hover();
      await page.waitForTimeout(300);
      expect(
        await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss ?? null),
        where,
      ).toBeNull();
      expect(
        await page
          .locator("main .markdown :is(script, img, svg, iframe, style, form, details, math)")
          .count(),
        where,
      ).toBe(0);
      expect(
        await page
          .locator('main .markdown a[href^="javascript:" i], main .markdown a[href^="data:" i]')
          .count(),
        where,
      ).toBe(0);
    };

    // An applicant writes the payloads into every long answer and submits. Sam (an
    // alumnus) applies, so the applications browser test keeps Nadia to itself.
    const applicant = await open("Sam Okonkwo");
    await applicant.goto("/cohorts/session-6/apply");
    for (const label of [
      /Why do you want to join/,
      /something you built or fixed/,
      /Anything about your circumstances/,
    ]) {
      await applicant.getByLabel(label).first().fill(XSS_TEXT);
    }
    await applicant.getByLabel("Not yet").check();
    await applicant
      .getByRole("group", { name: /five hours a week/ })
      .getByLabel("Yes")
      .check();
    await applicant.getByLabel(/How many hours a week/).fill("5");
    await applicant.getByLabel(/Any project/).check();
    await applicant.getByLabel(/I have read the code of conduct/).check();
    await applicant.getByLabel(/I have read the AI-contribution policies/).check();
    const slots = applicant.locator('.availability-grid input[type="checkbox"]');
    for (let i = 0; i < 12; i++) await slots.nth(7 * 36 + i).check();
    await applicant.getByRole("button", { name: "Submit application" }).click();
    await applicant.getByRole("status").filter({ hasText: "Application submitted" }).waitFor();
    await inert(applicant, "applicant's own form");

    for (const reader of ["Tom Nguyen", "Lena Fischer"]) {
      const page = await open(reader);
      await page.goto("/cohorts/session-6/review");
      await page.getByRole("link", { name: "Sam Okonkwo" }).click();
      await page.waitForURL("**/cohorts/session-6/review/*");
      await expect.poll(() => page.locator("main").textContent()).toContain("window.__xss");
      await inert(page, `application read by ${reader}`);
    }

    // A participant explains a pull request; a navigator pre-reviews another and curates an issue.
    const mei = await open("Mei Lin");
    await mei.goto("/cohorts/session-5/pulls");
    const merged = mei.locator("article").filter({ hasText: "django/django#18823" }).last();
    await merged.getByText("Edit my explanation").click();
    await merged.getByLabel("Explain the change in your own words").fill(XSS_TEXT);
    await merged.getByRole("button", { name: "Save explanation" }).click();
    await mei
      .getByRole("status")
      .filter({ hasText: "Saved your explanation of django/django#18823" })
      .waitFor();
    await expect.poll(() => mei.locator(".field-error").count()).toBe(0);

    const ana = await open("Ana Souza");
    await ana.goto("/cohorts/session-5/pulls");
    const open18901 = ana.locator("article").filter({ hasText: "django/django#18901" }).last();
    await open18901.getByText(/Mark as pre-reviewed|Update the pre-review/).click();
    await open18901.getByLabel("Pre-review comment").fill(XSS_TEXT);
    await open18901.getByRole("button", { name: "Mark pre-reviewed" }).click();
    await ana.getByRole("status").filter({ hasText: "pre-reviewed" }).waitFor();
    await ana.goto("/cohorts/session-5/issues");
    const curate = ana
      .getByRole("article", { name: "Add a system check for invalid ModelAdmin.list_display_links entries" })
      .locator("details")
      .filter({ has: ana.locator('textarea[name="note"]') });
    await curate.locator("summary").click();
    await curate.getByLabel("Why it is a good first issue, and where to start in the code").fill(XSS_TEXT);
    await curate.getByRole("button", { name: "Save curation" }).click();
    await ana.getByRole("status").filter({ hasText: "Saved your notes" }).waitFor();

    for (const [who, path] of [
      ["Mei Lin", "/cohorts/session-5/pulls"],
      ["Ana Souza", "/cohorts/session-5/pulls"],
      ["Mei Lin", "/cohorts/session-5/issues"],
      ["Ana Souza", "/cohorts/session-5/issues"],
    ] as const) {
      const page = await open(who);
      await page.goto(path);
      for (const summary of await page.locator("main details > summary").all()) await summary.click();
      await expect.poll(() => page.locator("main").innerHTML()).toContain("&lt;script&gt;window.__xss = 1");
      await inert(page, `${path} read by ${who}`);
    }
    expect(dialogs).toEqual([]);
  });
  // Plain-text fields of this area: the prompts organizers write (labels and headings
  // on the participant's pages) and a participant's name (on the navigator's
  // dashboard, the thread and the overview). Put back afterwards: the demo data is shared.
  it("hostile reflection prompts and a hostile display name never run", async () => {
    const dialogs: string[] = [];
    const open = (who: string) => signedInWatchingDialogs(who, dialogs);
    const inert = async (page: Page, where: string) => {
      await page.waitForTimeout(200);
      expect(
        await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss ?? null),
        where,
      ).toBeNull();
      expect(await page.locator("main :is(script, img, iframe, style, math)").count(), where).toBe(0);
      expect(
        await page.evaluate(() =>
          [...document.querySelectorAll("main *")].flatMap((el) =>
            [...el.attributes].filter((a) => a.name.startsWith("on")).map((a) => a.name),
          ),
        ),
        where,
      ).toEqual([]);
      expect(
        await page.locator('main a[href^="javascript:" i], main a[href^="data:" i]').count(),
        where,
      ).toBe(0);
    };
    const lena = await open("Lena Fischer");
    const hannah = await open("Hannah Kim");
    const saveSettings = async (prompts: string) => {
      await lena.goto("/cohorts/session-5/progress");
      await lena.getByText("Change the prompts and when something needs attention").click();
      await lena.getByRole("textbox", { name: "Reflection prompts" }).fill(prompts);
      await lena.getByRole("button", { name: "Save settings" }).click();
      await lena.getByRole("status").filter({ hasText: "Reflection prompts and thresholds saved" }).waitFor();
    };
    try {
      const prompts = XSS_PAYLOADS.filter((p) => !p.includes("\n") && p.length <= 200);
      // At most 8 prompts a cohort: in rounds of 8.
      for (let i = 0; i < prompts.length; i += 8) {
        const round = prompts.slice(i, i + 8);
        await saveSettings(round.join("\n"));
        await hannah.goto("/cohorts/session-5/reflections/3");
        await hannah.getByLabel(round[0], { exact: true }).fill("Still on the *docs* fix.");
        await hannah.getByRole("button", { name: "Preview" }).click();
        await hannah.getByRole("region", { name: "Preview" }).waitFor();
        await expect
          .poll(() => hannah.getByRole("region", { name: "Preview" }).textContent())
          .toContain(round[0]);
        await inert(hannah, `prompts ${i + 1}–${i + round.length} in the editor and preview`);
      }

      const name = `<img src=x onerror="window.__xss=2;alert('name')">`;
      await hannah.goto("/settings");
      await hannah.locator("input[name=name]").fill(name);
      await hannah.getByRole("button", { name: "Save settings" }).click();
      await hannah.getByRole("status").filter({ hasText: "Your settings are saved." }).waitFor();
      expect(await hannah.locator(".field-error").count()).toBe(0);

      const kwame = await open("Kwame Mensah");
      for (const [page, path] of [
        [kwame, "/cohorts/session-5/teams/andromeda/progress"],
        [kwame, "/cohorts/session-5/reflections/2/hannahkim"],
        [lena, "/cohorts/session-5/progress"],
        [hannah, "/cohorts/session-5/week"],
      ] as const) {
        await page.goto(path);
        await inert(page, path);
      }
      await kwame.goto("/cohorts/session-5/teams/andromeda/progress");
      await expect
        .poll(() => kwame.getByRole("table", { name: "Each participant's reflection" }).textContent())
        .toContain(name);
    } finally {
      // Back to the demo's own prompts and name, even when something above failed.
      await saveSettings("What I worked on\nWhat I learned\nWhat is blocking me\nWhat help I would like");
      await hannah.goto("/settings");
      await hannah.locator("input[name=name]").fill("Hannah Kim");
      await hannah.getByRole("button", { name: "Save settings" }).click();
      await hannah.getByRole("status").filter({ hasText: "Your settings are saved." }).waitFor();
    }
    expect(dialogs).toEqual([]);
  });
  it("a failed submit after a saved draft shows the problem, not the earlier 'Draft saved'", async () => {
    const page = await browser.newPage();
    await signInAs(page, "Ravi Patel");
    await page.goto("/cohorts/session-5/reflections/3");
    await page.getByLabel("What I worked on").fill("Read the ORM's query compiler.");
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByRole("status").filter({ hasText: "Draft saved" }).waitFor();
    // No confidence chosen: the submit is refused, and the old flash goes away.
    await page.getByRole("button", { name: "Submit reflection" }).click();
    await expect
      .poll(() => page.locator("main").textContent())
      .toContain("Choose how confident you feel this week (1 to 5) before submitting.");
    await expect.poll(() => page.locator("main").textContent()).toContain("nothing was saved");
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Draft saved" }).count()).toBe(0);
    await expect
      .poll(() => page.getByLabel("What I worked on").inputValue())
      .toBe("Read the ORM's query compiler.");
    await signOut(page);
  });

  it("works without JavaScript: preview and draft for the participant, charts with their tables for the organizer", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await signInAs(page, "Ravi Patel");
    await page.goto("/cohorts/session-5/reflections/3");
    await page.getByLabel("What I learned").fill("How `select_related()` *joins*.");
    await page.getByRole("button", { name: "Preview" }).click();
    await page.getByRole("region", { name: "Preview" }).waitFor();
    await expect
      .poll(() => page.getByRole("region", { name: "Preview" }).locator("em").textContent())
      .toBe("joins");
    // What was typed is still in the box after the preview.
    await expect
      .poll(() => page.getByLabel("What I learned").inputValue())
      .toBe("How `select_related()` *joins*.");
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByRole("status").filter({ hasText: "Draft saved" }).waitFor();
    await expect
      .poll(() => page.getByLabel("What I learned").inputValue())
      .toBe("How `select_related()` *joins*.");
    await signOut(page);

    await signInAs(page, "Lena Fischer");
    await page.goto("/cohorts/session-5/progress");
    for (const title of ["Reflections by week", "Pull requests by week", "Average confidence by week"]) {
      const chart = page.getByRole("img", { name: new RegExp(`^${title}`) });
      expect(await chart.count(), title).toBe(1);
      await expect.poll(() => chart.evaluate((svg) => svg.tagName.toLowerCase())).toBe("svg");
      // The same numbers as a table, for screen readers.
      const table = page.getByRole("table", { name: title });
      expect(await table.getByRole("row", { name: /^Week 1\b/ }).count(), title).toBe(1);
    }
    await expect
      .poll(() =>
        page.getByRole("table", { name: "Reflections by week" }).getByRole("columnheader").allTextContents(),
      )
      .toEqual(["Week", "On time", "Late", "Missing", "Not due yet"]);
  });
});
