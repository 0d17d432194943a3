import { expect, it } from "vitest";
import { describeInBrowser, signInAs, useBrowser } from "./harness";

describeInBrowser("from application to participant", () => {
  const browser = useBrowser();

  it("Nadia applies, Tom scores, Lena accepts and publishes, Nadia confirms and is a participant", async () => {
    // ── Nadia applies (her browser is in Beirut) ──
    const nadia = await browser.newPage({ timezoneId: "Asia/Beirut" });
    await signInAs(nadia, "Nadia Haddad");
    await nadia.goto("/cohorts/session-6/apply");
    await expect
      .poll(() => nadia.getByRole("heading", { level: 1 }).textContent())
      .toBe("Apply to Session 6");
    await nadia
      .getByLabel("Why do you want to join this cohort?")
      .fill("I maintain a small Django app for a food bank and want to fix things upstream.");
    // Submitting too early: the page says what is missing, beside each field, and keeps what was typed.
    await nadia.getByRole("button", { name: "Submit application" }).click();
    await expect.poll(() => nadia.locator(".error-summary").count()).toBe(1);
    await expect.poll(() => nadia.locator("#field-timeZone").inputValue()).toBe("Asia/Beirut");
    await expect
      .poll(() => nadia.getByLabel("Why do you want to join this cohort?").inputValue())
      .toContain("food bank");
    await expect
      .poll(() => nadia.locator(".field-error").allTextContents())
      .toContain("Please read and accept the code of conduct.");
    // She pressed Submit at the very end of a long form: the summary takes the focus and links to each problem.
    await expect.poll(() => nadia.evaluate(() => document.activeElement?.className)).toBe("error-summary");
    await expect
      .poll(() => nadia.locator(".error-summary a").allTextContents())
      .toEqual(expect.arrayContaining(["Code of conduct", "Projects", "How much have you used Django?"]));

    await nadia
      .getByLabel("Tell us about something you built or fixed with Python")
      .fill("A volunteer rota with **Django** and a CSV import.");
    await nadia.getByLabel("I built a project with it").check();
    await nadia.getByLabel("Written automated tests").check();
    await nadia.getByLabel("Yes", { exact: true }).check();
    await nadia.getByLabel("How many hours a week can you give the cohort?").fill("6");
    await nadia
      .getByLabel("Your GitHub profile or a project you are proud of")
      .fill("https://github.com/nadiahaddad");
    await nadia.getByLabel("Django", { exact: true }).selectOption("1");
    await nadia.getByLabel("Wagtail", { exact: true }).selectOption("2");
    // The grid with the keyboard: one Tab stop; arrows move, Space ticks, Shift+arrow ticks a run.
    await nadia.locator("#field-timeZone").focus();
    await nadia.keyboard.press("Tab");
    const focused = () => nadia.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? null);
    await expect.poll(() => focused()).toBe("Monday 00:00");
    for (let i = 0; i < 36; i++) await nadia.keyboard.press("ArrowDown");
    await nadia.keyboard.press("Space");
    await nadia.keyboard.press("Shift+ArrowDown");
    await expect.poll(() => focused()).toBe("Monday 18:30");
    await nadia.keyboard.press("ArrowRight");
    await nadia.keyboard.press("ArrowRight");
    await nadia.keyboard.press("ArrowUp");
    await nadia.keyboard.press("Space");
    await nadia.keyboard.press("Shift+ArrowDown");
    await nadia.keyboard.press("Tab");
    await expect
      .poll(() => nadia.evaluate(() => document.activeElement?.closest(".availability-grid") ?? null))
      .toBeNull();
    // and with a click on the cell
    await nadia.getByLabel("Saturday 10:00").check();
    await expect
      .poll(() =>
        nadia
          .locator("input[name=slot]:checked")
          .evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value).sort()),
      )
      .toEqual(["mon-18:00", "mon-18:30", "sat-10:00", "wed-18:00", "wed-18:30"]);
    await nadia.getByLabel(/I have read the code of conduct/).check();
    await nadia.getByLabel(/I have read the AI-contribution policies/).check();
    await nadia.getByRole("button", { name: "Submit application" }).click();
    await expect.poll(() => nadia.getByRole("status").textContent()).toContain("Application submitted");
    // She lands on what she sent and what happens next.
    await expect
      .poll(() => nadia.getByRole("heading", { level: 1 }).textContent())
      .toBe("Your application to Session 6");
    const next = nadia.getByRole("region", { name: "What happens next" });
    await expect.poll(() => next.textContent()).toMatch(/Applications close .+Decisions are sent by /);
    await expect.poll(() => next.textContent()).toContain("under “Messages we sent you”");
    await expect.poll(() => nadia.locator("main").textContent()).toContain("A volunteer rota with Django");
    await expect.poll(() => nadia.locator("main").textContent()).toContain("1. Django, 2. Wagtail");
    await expect
      .poll(() => nadia.locator("main").textContent())
      .toContain("Your weekly availability: 2.5 hours");
    await nadia.getByRole("link", { name: "change your answers" }).click();
    await expect
      .poll(() => nadia.getByRole("region", { name: "Your application" }).textContent())
      .toContain("submitted");
    // The grid comes back in her zone.
    await expect.poll(() => nadia.getByLabel("Monday 18:00").isChecked()).toBe(true);
    await expect.poll(() => nadia.getByLabel("Wednesday 18:30").isChecked()).toBe(true);

    // ── Tom scores her application ──
    const tom = await browser.newPage({ timezoneId: "Australia/Sydney" });
    await signInAs(tom, "Tom Nguyen");
    await tom.goto("/cohorts/session-6/review");
    await expect
      .poll(() => tom.locator(".review-progress").textContent())
      .toMatch(/\d+ of \d+ scored by you/);
    await tom.getByRole("link", { name: "Nadia Haddad" }).click();
    await tom.waitForURL(/\/cohorts\/session-6\/review\/.+/);
    await expect.poll(() => tom.getByRole("heading", { level: 1 }).textContent()).toBe("Nadia Haddad");
    await expect
      .poll(() => tom.locator("main").textContent())
      .toContain("Other reviewers’ scores and the average stay hidden until you have scored");
    for (const [criterion, score] of [
      ["Motivation", 5],
      ["Readiness", 4],
      ["Commitment", 4],
      ["Benefit from mentoring", 5],
    ] as const) {
      await tom.getByLabel(`${criterion}: ${score}`, { exact: true }).check();
    }
    await tom
      .getByLabel("Overall comment (optional, Markdown)")
      .fill("Concrete experience and clear motivation.");
    await tom.getByRole("button", { name: "Save my scores" }).click();
    await expect.poll(() => tom.getByRole("status").textContent()).toContain("Your scores are saved.");
    await expect.poll(() => tom.locator(".aggregate").textContent()).toContain("Mean 4.50");

    // ── Lena accepts and publishes ──
    const lena = await browser.newPage({ timezoneId: "Europe/Berlin" });
    await signInAs(lena, "Lena Fischer");
    await lena.goto("/cohorts/session-6/decisions");
    await lena.getByLabel("Select Nadia Haddad").check();
    await lena.getByRole("button", { name: "Accept", exact: true }).click();
    await expect
      .poll(() => lena.getByRole("status").textContent())
      .toContain("1 application marked “Accepted”");
    await expect
      .poll(() => lena.getByRole("row").filter({ hasText: "Nadia Haddad" }).textContent())
      .toContain("not yet");
    // the tick clears once saved, so the next bulk action cannot include her by accident
    await expect.poll(() => lena.getByLabel("Select Nadia Haddad").isChecked()).toBe(false);
    // Publishing says who gets which notice and warns first: applications are still open.
    const publish = lena.getByRole("form", { name: "Publish decisions" });
    await expect.poll(() => publish.textContent()).toMatch(/offers? of a place.*Nadia Haddad/);
    await expect
      .poll(() => publish.getByRole("list", { name: "Before you publish" }).textContent())
      .toContain("Applications are still open");
    await publish.getByLabel(/I have read who gets which notice/).check();
    await publish.getByRole("button", { name: /^Publish \d+ decisions?$/ }).click();
    await expect
      .poll(() => lena.getByRole("alert").textContent())
      .toContain("Nothing was sent: applications are still open");
    await expect
      .poll(() => lena.getByRole("row").filter({ hasText: "Nadia Haddad" }).textContent())
      .toContain("not yet");
    await publish
      .getByLabel("Why publish before applications close? (required now, kept in the history)")
      .fill("Test run: the mentors want to meet Nadia early.");
    await publish.getByLabel(/I have read who gets which notice/).check();
    await publish.getByRole("button", { name: /^Publish \d+ decisions?$/ }).click();
    await expect
      .poll(() => lena.getByRole("status").textContent())
      .toMatch(/decisions? published; read the notices on the cohort's Notices page/);
    await expect
      .poll(() => lena.locator(".audit").textContent())
      .toContain(
        "while applications were still open — reason: Test run: the mentors want to meet Nadia early.",
      );
    const row = lena.getByRole("row").filter({ hasText: "Nadia Haddad" });
    await expect.poll(() => row.textContent()).toContain("Waiting for an answer");
    await expect
      .poll(() => lena.locator(".audit").textContent())
      .toContain("Lena Fischer: decision for Nadia Haddad from Undecided to Accepted");

    // ── Lena reads the notice on the cohort's Notices page, without Nadia's personal link ──
    await lena.goto("/cohorts/session-6/notices?show=decisions");
    const lenaCopy = lena
      .getByRole("article", { name: "You are accepted to Session 6" })
      .filter({ hasText: "Nadia Haddad" });
    await expect.poll(() => lenaCopy.textContent()).toContain("Offer of a place");
    await expect
      .poll(() => lenaCopy.textContent())
      .toContain("the personal link is only in the applicant's copy");
    await expect.poll(() => lenaCopy.textContent()).not.toMatch(/\/offers\/[A-Za-z0-9_-]{8,}/);
    await lena.goto("/cohorts/session-6/decisions");

    // ── The notice is readable on the admin outbox ──
    const amara = await browser.newPage();
    await signInAs(amara, "Amara Okafor");
    await amara.goto("/admin/outbox");
    const notice = amara
      .getByRole("article", { name: "You are accepted to Session 6" })
      .filter({ hasText: "Nadia Haddad" });
    await expect.poll(() => notice.textContent()).toMatch(/\/offers\/[A-Za-z0-9_-]+/);

    // ── Her home page says she is accepted and until when to confirm ──
    await nadia.goto("/home");
    await expect
      .poll(() => nadia.getByRole("region", { name: "Your applications" }).textContent())
      .toMatch(/Application to Session 6: accepted — confirm by/);
    await expect
      .poll(() => nadia.getByRole("link", { name: "Confirm or decline" }).getAttribute("href"))
      .toMatch(/^\/offers\//);

    // ── Nadia confirms from her application page ──
    await nadia.goto("/cohorts/session-6/apply");
    await nadia.getByRole("link", { name: "Answer your offer" }).click();
    await nadia.waitForURL(/\/offers\//);
    await nadia.getByRole("button", { name: "Confirm my place" }).click();
    await nadia.waitForURL("**/cohorts/session-6");
    await expect.poll(() => nadia.getByRole("status").textContent()).toContain("You are now a participant");
    await nadia.goto("/home");
    await expect
      .poll(() => nadia.getByRole("article", { name: "Session 6" }).textContent())
      .toContain("participant");

    // Lena sees the confirmation on the same page.
    await lena.reload();
    await expect
      .poll(() => lena.getByRole("row").filter({ hasText: "Nadia Haddad" }).textContent())
      .toContain("Confirmed");
  });

  it("on a phone the form fits the screen and a tap anywhere in a cell ticks the half-hour", async () => {
    const phone = await browser.newPage({
      timezoneId: "America/Sao_Paulo",
      viewport: { width: 375, height: 740 },
    });
    await signInAs(phone, "Mei Lin");
    await phone.goto("/cohorts/session-6/apply");
    await expect
      .poll(() => phone.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(375);
    const cell = phone.getByLabel("Friday 10:00").locator("xpath=ancestor::td");
    await cell.scrollIntoViewIfNeeded();
    const box = (await cell.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(24);
    expect(box.height).toBeGreaterThanOrEqual(24);
    await phone.mouse.click(box.x + 3, box.y + 3);
    await expect.poll(() => phone.getByLabel("Friday 10:00").isChecked()).toBe(true);
  });
});
