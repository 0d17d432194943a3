// A navigator recommends a starter issue; a participant claims it and links a pull
// request (read from a mock GitHub) with an explanation and an AI disclosure; the
// navigator marks it pre-reviewed, and the badge shows.
import { expect, it } from "vitest";
import { describeInBrowser, signInAs, signOut, useBrowser } from "./harness";

const ISSUE = "Remove unneeded str() calls in django.contrib.admin template tags";

describeInBrowser("starter issues and linked pull requests", () => {
  const browser = useBrowser();

  it("recommend → claim → link with explanation and disclosure → pre-review", async () => {
    const page = await browser.newPage({ timezoneId: "America/Sao_Paulo" });

    // Ana, Team Pegasus's navigator, recommends the ticket for her team.
    await signInAs(page, "Ana Souza");
    await page.goto("/cohorts/session-5/issues");
    let card = page.getByRole("article", { name: ISSUE });
    await card.getByText("Curate", { exact: true }).click();
    await card.getByLabel("Recommend for").selectOption({ label: "Team Pegasus" });
    await card.getByLabel("Difficulty").selectOption({ label: "Easy" });
    await card
      .getByLabel(/Why it is a good first issue/)
      .fill("Small and self-contained: start in `django/contrib/admin/templatetags/admin_list.py`.");
    await card.getByRole("button", { name: "Save curation" }).click();
    await page.getByRole("status").filter({ hasText: "Saved your notes" }).waitFor();
    card = page.getByRole("article", { name: ISSUE });
    await expect.poll(() => card.textContent()).toContain("Recommended for Team Pegasus");
    await expect
      .poll(() => card.locator(".curation-note code").textContent())
      .toBe("django/contrib/admin/templatetags/admin_list.py");
    await signOut(page);

    // Oliver, a Pegasus participant, claims it.
    await signInAs(page, "Oliver Walsh");
    await page.goto("/cohorts/session-5/issues");
    card = page.getByRole("article", { name: ISSUE });
    await card.getByRole("button", { name: "Claim this issue" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `You claimed “${ISSUE}”` })
      .waitFor();
    await expect
      .poll(() => page.getByRole("article", { name: ISSUE }).textContent())
      .toContain("Claimed by you");

    // …and links his pull request, explained and disclosed.
    await page.goto("/cohorts/session-5/pulls");
    await page.getByLabel("Pull request address").fill("https://github.com/django/django/pull/18950");
    await page
      .getByLabel("Explain the change in your own words")
      .fill(
        "The admin list template tags wrapped values that are already strings in str(), which hid lazy translation objects from the template engine. I removed the calls and added a test rendering a lazy verbose_name.",
      );
    await page.getByLabel("AI-assisted (I wrote it, a tool helped)").check();
    await page.getByLabel("Which AI tools (if any)").fill("GitHub Copilot");
    await page
      .getByLabel("What you checked yourself (if an AI tool helped)")
      .fill("I read every changed line and ran the admin_views and template_tests suites.");
    await page.getByRole("button", { name: "Link pull request" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `Linked django/django#18950 to “${ISSUE}”` })
      .waitFor();
    const pr = page.getByRole("article", { name: "Pull request django/django#18950" });
    await expect.poll(() => pr.textContent()).toContain("Open");
    await expect.poll(() => pr.textContent()).toContain("+18 −11 in 2 files");
    await expect.poll(() => pr.textContent()).not.toContain("Not counted yet");
    await signOut(page);

    // Ana pre-reviews it; the badge shows on the card.
    await signInAs(page, "Ana Souza");
    await page.goto("/cohorts/session-5/pulls");
    const card2 = page.getByRole("article", { name: "Pull request django/django#18950" });
    await card2.getByText("Mark as pre-reviewed").click();
    await card2
      .getByLabel("Pre-review comment")
      .fill("Ran the tests locally; the change is minimal and the new test fails without it.");
    await card2.getByRole("button", { name: "Mark pre-reviewed" }).click();
    await page.getByRole("status").filter({ hasText: "pre-reviewed" }).waitFor();
    const reviewed = page.getByRole("article", { name: "Pull request django/django#18950" });
    await expect.poll(() => reviewed.getByText("✓ Pre-reviewed").count()).toBe(1);
    await expect.poll(() => reviewed.textContent()).toContain("Pre-reviewed by Ana Souza");
    await signOut(page);

    // Oliver sees the badge on his pull request too.
    await signInAs(page, "Oliver Walsh");
    await page.goto("/cohorts/session-5/pulls");
    await expect
      .poll(() =>
        page
          .getByRole("article", { name: "Pull request django/django#18950" })
          .getByText("✓ Pre-reviewed")
          .count(),
      )
      .toBe(1);
    // …and on the starter-issue board, next to his claim.
    await page.goto("/cohorts/session-5/issues");
    const claimed = page.getByRole("article", { name: ISSUE });
    await expect.poll(() => claimed.getByRole("link", { name: "django/django#18950" }).count()).toBe(1);
    await expect.poll(() => claimed.getByText("✓ Pre-reviewed").count()).toBe(1);
  });
});
