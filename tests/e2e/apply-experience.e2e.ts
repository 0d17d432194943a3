// What applicants and reviewers read (issue 12) and the time commitment at application
// (issue 15): live answer counts, drag to select on the grid with a mouse and a finger,
// the hours check as the applicant types, reviewers' written vs grid hours, and the
// organizers' public page with its FAQ. Nothing here is submitted: the demo stays as it was.
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { describeInBrowser, signInAs, useBrowser } from "./harness";

const checkedSlots = (page: Page) =>
  page
    .locator("input[name=slot]:checked")
    .evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value).sort());

async function centre(page: Page, label: string) {
  const box = await page.getByLabel(label, { exact: true }).locator("xpath=ancestor::td").boundingBox();
  if (!box) throw new Error(`no cell ${label}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

describeInBrowser("applying: what the applicant reads as they fill the form", () => {
  const browser = useBrowser();

  it("counts answers live, ticks the grid by dragging with a mouse and a finger, and checks the hours as they are typed", async () => {
    const yusuf = await browser.newPage({ timezoneId: "Europe/Istanbul" });
    await signInAs(yusuf, "Yusuf Demir");
    await yusuf.goto("/cohorts/session-6/apply");
    await expect
      .poll(() => yusuf.getByRole("heading", { level: 1 }).textContent())
      .toBe("Apply to Session 6");

    // Every free-text field takes right-to-left text.
    await expect
      .poll(() =>
        yusuf
          .locator(".application-form textarea, .application-form input[type=text]")
          .evaluateAll((fields) => fields.filter((f) => f.getAttribute("dir") !== "auto").length),
      )
      .toBe(0);

    // The live count of a long answer, told politely to a screen reader once typing pauses.
    const why = yusuf.getByLabel("Why do you want to join this cohort?");
    await why.fill("أريد أن أساهم في جانغو");
    const whyId = await why.getAttribute("id");
    const count = yusuf.locator(`#${whyId}-count`);
    await expect.poll(() => count.textContent()).toBe("22 / 10,000");
    await expect
      .poll(() => yusuf.locator(`.field:has(#${whyId}) [aria-live=polite]`).textContent())
      .toBe("22 of 10,000 characters used");

    // He starts from an empty grid (clearing what his browser may have kept).
    for (const value of await checkedSlots(yusuf))
      await yusuf.locator(`input[name=slot][value="${value}"]`).uncheck();
    await expect.poll(() => checkedSlots(yusuf)).toEqual([]);
    // Drag with the mouse from Monday 18:00 to Tuesday 19:00: six half-hours.
    await yusuf.getByLabel("Monday 18:00", { exact: true }).scrollIntoViewIfNeeded();
    const from = await centre(yusuf, "Monday 18:00");
    const to = await centre(yusuf, "Tuesday 19:00");
    await yusuf.mouse.move(from.x, from.y);
    await yusuf.mouse.down();
    await yusuf.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
    await yusuf.mouse.move(to.x, to.y, { steps: 4 });
    await yusuf.mouse.up();
    await expect
      .poll(() => checkedSlots(yusuf))
      .toEqual(["mon-18:00", "mon-18:30", "mon-19:00", "tue-18:00", "tue-18:30", "tue-19:00"]);
    await expect.poll(() => yusuf.locator("main").textContent()).toContain("Your grid shows 3 hours a week.");

    // A finger drags down Wednesday from 18:00 to 20:30 (pointer events of type touch).
    const cdp = await yusuf.context().newCDPSession(yusuf);
    await cdp.send("Emulation.setTouchEmulationEnabled", { enabled: true, maxTouchPoints: 1 });
    const start = await centre(yusuf, "Wednesday 18:00");
    const end = await centre(yusuf, "Wednesday 20:30");
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [start] });
    for (let i = 1; i <= 5; i++)
      await cdp.send("Input.dispatchTouchEvent", {
        type: "touchMove",
        touchPoints: [{ x: start.x, y: start.y + ((end.y - start.y) * i) / 5 }],
      });
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    await expect
      .poll(() => checkedSlots(yusuf))
      .toEqual(expect.arrayContaining(["wed-18:00", "wed-19:00", "wed-20:00", "wed-20:30"]));
    await expect.poll(() => yusuf.locator("main").textContent()).toContain("Your grid shows 6 hours a week.");
    // A plain click still ticks one cell, and the keyboard still works.
    await yusuf.getByLabel("Saturday 10:00", { exact: true }).check();
    await expect.poll(() => yusuf.getByLabel("Saturday 10:00", { exact: true }).isChecked()).toBe(true);
    await yusuf.getByLabel("Saturday 10:00", { exact: true }).focus();
    await yusuf.keyboard.press("Shift+ArrowDown");
    await expect.poll(() => yusuf.getByLabel("Saturday 10:30", { exact: true }).isChecked()).toBe(true);

    // The hours check as he types: impossible numbers get a sentence beside the field.
    const hint = yusuf.locator("#commitment-hint");
    await yusuf.getByLabel("How many hours a week can you give the cohort?").fill("8");
    await yusuf.getByLabel("Other commitments (optional)").fill("Full-time job");
    const commitmentHours = yusuf.getByLabel("Hours a week those commitments take");
    await commitmentHours.fill("165");
    await expect
      .poll(() => yusuf.locator("#field-commitmentHours-error").textContent())
      .toBe("A week has 168 hours; 165 for other commitments and the cohort's 8 do not fit in it.");
    await commitmentHours.fill("40");
    await expect
      .poll(() => hint.textContent())
      .toBe(
        "Your availability grid shows 7 hours a week; the cohort asks for 8. Tick more half-hours if you can meet then.",
      );
    await yusuf.getByLabel("Sunday 10:00", { exact: true }).check();
    await yusuf.getByLabel("Sunday 10:30", { exact: true }).check();
    await expect
      .poll(() => hint.textContent())
      .toBe("Your hours, availability and other commitments leave the 8 hours a week the cohort asks for.");

    // The server refuses 1e308 with the same sentence and keeps everything typed; nothing is saved.
    await yusuf.getByLabel("How many hours a week can you give the cohort?").fill("1e308");
    await yusuf.getByRole("button", { name: "Save draft" }).click();
    await expect
      .poll(() => yusuf.locator(".error-summary").textContent())
      .toContain("Hours a week you can give");
    await expect
      .poll(() => yusuf.locator("#field-hoursPerWeek-error").textContent())
      .toContain("as a whole number");
    await expect
      .poll(() => yusuf.getByLabel("How many hours a week can you give the cohort?").inputValue())
      .toBe("1e308");
    await expect.poll(() => why.inputValue()).toBe("أريد أن أساهم في جانغو");
    await expect
      .poll(() => yusuf.getByLabel("Other commitments (optional)").inputValue())
      .toBe("Full-time job");
    await expect.poll(() => yusuf.getByLabel("Wednesday 19:30", { exact: true }).isChecked()).toBe(true);
  });

  it("without JavaScript the answers state their limit and the grid is plain checkboxes", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await signInAs(page, "Yusuf Demir");
    await page.goto("/cohorts/session-6/apply");
    await expect.poll(() => page.locator("main").textContent()).toContain("Up to 10,000 characters.");
    await expect.poll(() => page.locator("input[name=slot]").count()).toBe(336);
    await expect
      .poll(() => page.locator("#commitment-hint").textContent())
      .toBe("The cohort asks for about 8 hours a week.");
  });
});

describeInBrowser("reviewers and the public page", () => {
  const browser = useBrowser();

  it("reviewers see the hours written beside the grid's, and who falls short flagged", async () => {
    const tom = await browser.newPage({ timezoneId: "Australia/Sydney" });
    await signInAs(tom, "Tom Nguyen");
    await tom.goto("/cohorts/session-6/review");
    const headers = tom.locator("thead th");
    await expect
      .poll(() => headers.allTextContents())
      .toEqual(
        expect.arrayContaining([
          "Hours a week they wrote",
          "Hours in their availability grid",
          "Time commitment (cohort asks 8 h)",
        ]),
      );
    await expect.poll(() => tom.locator("tbody .badge-warn").count()).toBeGreaterThan(0);
    await tom.locator("tbody a").first().click();
    await tom.waitForURL(/\/review\/.+/);
    await expect
      .poll(() => tom.locator(".time-commitment").textContent())
      .toMatch(/Hours a week they wrote they can give\d+Hours in their availability grid[\d.]+/);
    await expect
      .poll(() => tom.locator(".time-verdict").textContent())
      .toMatch(/Fits|Short of the cohort’s hours/);
  });

  it("anyone reads who can apply, the hours, the dates and a FAQ that the organizer edits", async () => {
    const visitor = await browser.newPage();
    await visitor.goto("/cohorts/session-6");
    const who = visitor.getByRole("region", { name: "Who can apply" });
    await expect.poll(() => who.textContent()).toContain("People who already program");
    await expect
      .poll(() => visitor.getByRole("region", { name: "Time commitment" }).textContent())
      .toContain("About 8 hours a week for 6 weeks.");
    await expect.poll(() => visitor.locator("dl.facts").textContent()).toContain("Decisions sent by");
    await expect
      .poll(() => visitor.getByRole("region", { name: "Frequently asked questions" }).textContent())
      .toContain("Do I need to know Django already?");

    const lena = await browser.newPage({ timezoneId: "Europe/Berlin" });
    await signInAs(lena, "Lena Fischer");
    await lena.goto("/cohorts/session-6/public-page");
    await lena.getByLabel("Hours a week the cohort asks of participants").fill("1e308");
    await lena.getByRole("button", { name: "Save the public page" }).click();
    await expect
      .poll(() => lena.locator("#field-weeklyHours-error").textContent())
      .toBe("Give the weekly hours as a whole number, or leave it empty.");
    const question = "Can I apply from any time zone?";
    try {
      await lena.locator("#faq-new-question").fill(question);
      await lena.locator("#faq-new-answer").fill("Yes — teams are formed **by shared hours**.");
      await lena.getByRole("button", { name: "Add to the FAQ" }).click();
      await expect
        .poll(() => lena.getByRole("status").textContent())
        .toContain("The question is added to the FAQ.");
      await visitor.reload();
      const faq = visitor.getByRole("region", { name: "Frequently asked questions" });
      await faq.getByText(question).click();
      await expect.poll(() => faq.locator("strong").allTextContents()).toContain("by shared hours");
    } finally {
      // Leave the demo's FAQ as it was.
      await lena.goto("/cohorts/session-6/public-page");
      const added = lena.locator("details").filter({ hasText: question });
      if ((await added.count()) > 0) {
        await added.locator("summary").click();
        await added.getByRole("button", { name: "Delete" }).click();
        await expect.poll(() => lena.getByRole("status").textContent()).toContain("The question is deleted.");
      }
    }
  });
});
