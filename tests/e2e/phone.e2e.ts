// On a phone (390 × 844) no page of the demo scrolls sideways, for any role. Each role
// opens its start pages and every page linked from them, one page per kind (so Team
// Pegasus stands for every team page), and must reach the pages listed for it below.
// The harness then runs axe on every page visited.
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { describeInBrowser, signInAs, useBrowser } from "./harness";

const PHONE = { width: 390, height: 844 };

type Role = {
  /** "Sign in as <name> — …" on /login; null: signed out */
  person: string | null;
  start: string[];
  /** kinds of page this role must have reached (see `kindOf`) */
  mustReach: string[];
};

const ROLES: Record<string, Role> = {
  "a visitor": {
    person: null,
    start: ["/", "/login", "/no/such/page"],
    mustReach: ["/", "/login", "/cohorts/session-5", "/cohorts/session-4"],
  },
  "the admin (Amara Okafor)": {
    person: "Amara Okafor",
    start: ["/home", "/admin", "/admin/outbox", "/admin/cohorts/new", "/admin/projects/new", "/settings"],
    mustReach: ["/admin", "/admin/outbox", "/admin/cohorts/*", "/admin/projects/*", "/admin/cohorts/new"],
  },
  "an organizer (Lena Fischer)": {
    person: "Lena Fischer",
    start: [
      "/home",
      "/cohorts/session-5",
      "/cohorts/session-5/teams/pegasus",
      "/cohorts/session-6",
      "/cohorts/session-4",
      "/cohorts/session-4/completion",
      "/settings",
    ],
    mustReach: [
      "/cohorts/session-5/progress",
      "/cohorts/session-5/notices",
      "/cohorts/session-5/sync",
      "/cohorts/session-5/issues",
      "/cohorts/session-5/teams/*",
      "/cohorts/session-6/decisions",
      "/cohorts/session-6/review",
      "/cohorts/session-6/teams/form",
      "/cohorts/session-4/completion",
    ],
  },
  "a reviewer (Tom Nguyen)": {
    person: "Tom Nguyen",
    start: ["/home", "/cohorts/session-6/review"],
    mustReach: ["/cohorts/session-6/review", "/cohorts/session-6/review/*"],
  },
  "a navigator (Ana Souza)": {
    person: "Ana Souza",
    start: ["/home", "/cohorts/session-5"],
    mustReach: ["/cohorts/session-5/issues", "/cohorts/session-5/pulls", "/cohorts/session-5/teams/*"],
  },
  "a participant (Mei Lin)": {
    person: "Mei Lin",
    start: ["/home", "/cohorts/session-5", "/cohorts/session-5/week"],
    mustReach: ["/cohorts/session-5/week", "/cohorts/session-5/issues", "/cohorts/session-5/teams/*"],
  },
  "an applicant (Nadia Haddad)": {
    person: "Nadia Haddad",
    start: ["/home"],
    mustReach: ["/home"],
  },
  "an alumnus (Sam Okonkwo)": {
    person: "Sam Okonkwo",
    start: ["/home", "/settings/following"],
    mustReach: ["/home", "/settings/following"],
  },
};

// Not pages: downloads, feeds, images, sign-out and GitHub's sign-in.
const NOT_A_PAGE = /\.(csv|ics|svg|json)$|^\/(logout|auth|calendar|avatars|webhooks|healthz|build)\b/;
// Segments after these words name one of many alike (a team, an application, a person…).
const ONE_OF_MANY = new Set([
  "teams",
  "review",
  "alumni",
  "maintainers",
  "officers",
  "responses",
  "certificates",
  "offers",
  "projects",
  "reflections",
]);

/** The kind of page an address is: `/cohorts/session-5/teams/pegasus` → `/cohorts/session-5/teams/*`. */
function kindOf(pathname: string): string {
  const parts = pathname.split("/");
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const previous = parts[i - 1];
    const generic =
      (ONE_OF_MANY.has(previous) && !["form", "new", "responses"].includes(parts[i])) ||
      (previous === "cohorts" && parts[i - 2] === "admin" && parts[i] !== "new") ||
      (out[out.length - 1] === "*" && parts[i - 2] === "reflections");
    out.push(generic ? "*" : parts[i]);
  }
  return out.join("/") || "/";
}

async function sidewaysScroll(
  page: Page,
): Promise<{ scrollWidth: number; clientWidth: number; wide: string[] }> {
  return page.evaluate(() => {
    const root = document.scrollingElement!;
    const clientWidth = root.clientWidth;
    // The elements that stick out on the right, for a message that says where to look.
    const wide = [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((el) => el.getBoundingClientRect().right > clientWidth + 1)
      .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= clientWidth + 1)
      .slice(0, 5)
      .map(
        (el) =>
          `<${el.tagName.toLowerCase()}${el.className ? ` class="${String(el.className)}"` : ""}> ${Math.round(el.getBoundingClientRect().right)}px`,
      );
    return { scrollWidth: root.scrollWidth, clientWidth, wide };
  });
}

describeInBrowser("on a phone", () => {
  const browser = useBrowser();

  for (const [label, role] of Object.entries(ROLES)) {
    it(`no page scrolls sideways for ${label}`, async () => {
      const page = await browser.newPage({ viewport: PHONE });
      if (role.person) await signInAs(page, role.person);
      const queue = [...role.start];
      const seenKinds = new Set<string>();
      const visited: string[] = [];
      const problems: string[] = [];
      while (queue.length > 0 && visited.length < 60) {
        const path = queue.shift()!;
        const kind = kindOf(path.split("?")[0]);
        if (seenKinds.has(kind)) continue;
        seenKinds.add(kind);
        await page.goto(path);
        // the page as a person sees it: its heading is there
        await page.getByRole("heading", { level: 1 }).first().waitFor();
        visited.push(path);
        const { scrollWidth, clientWidth, wide } = await sidewaysScroll(page);
        if (scrollWidth > clientWidth)
          problems.push(`${path}: ${scrollWidth}px wide on a ${clientWidth}px screen (${wide.join(", ")})`);
        const here = new URL(page.url()).origin;
        const links = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLAnchorElement>("a[href]")].map((a) => a.href),
        );
        for (const href of links) {
          const url = new URL(href);
          if (url.origin !== here || NOT_A_PAGE.test(url.pathname)) continue;
          if (!seenKinds.has(kindOf(url.pathname))) queue.push(url.pathname + url.search);
        }
      }
      console.log(`${label} at 390 px:\n  ${visited.join("\n  ")}`);
      expect(problems, `pages visited:\n${visited.join("\n")}`).toEqual([]);
      const missing = role.mustReach.filter((kind) => !seenKinds.has(kind));
      expect(missing, `pages visited:\n${visited.join("\n")}`).toEqual([]);
    });
  }
});
