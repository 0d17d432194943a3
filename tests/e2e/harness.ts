// Shared helpers for browser tests: Debian's Chromium through playwright-core.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, inject } from "vitest";

export const chromiumPath = inject("chromiumPath");
export const baseUrl = inject("baseUrl");

/** `describe` that runs only when Chromium was found (global.ts says so loudly). */
export const describeInBrowser = chromiumPath ? describe : describe.skip;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

// On a busy machine a page can take many seconds; a wait ends as soon as what it
// waits for shows, so generous limits cost nothing when the machine is quiet.
const ACTION_TIMEOUT = 30_000;
const NAVIGATION_TIMEOUT = 60_000;

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

type Visit = { context: BrowserContext; path: string; javaScript: boolean };

/**
 * Runs axe on `page` as it is now and returns the serious and critical violations
 * as readable lines (empty when there are none).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the browser's devtools protocol, which the page's Content-Security-
  // Policy does not govern: a <script> tag without the page's nonce would be refused.
  await page.evaluate(`${axeSource}\n;undefined`);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map(
        (v) =>
          `${v.impact}: ${v.id} — ${v.help} (${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(" "))
            .join("; ")})`,
      );
  });
  return violations;
}

/**
 * When a page finished loading, wait until React has hydrated it (root.tsx marks
 * <html data-hydrated>), so keyboard and drag handlers exist before a test uses them.
 */
export async function waitUntilReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === "true", null, {
    timeout: NAVIGATION_TIMEOUT,
  });
}

/**
 * One browser per test file; `newPage()` gives a fresh, signed-out context. Every
 * page a test visits is checked with axe after the test, as the person who visited
 * it (same cookies, viewport and JavaScript setting): serious or critical
 * violations fail the test.
 */
export function useBrowser() {
  let browser: Browser | undefined;
  let visits: Visit[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async (testContext) => {
    const seen = visits;
    visits = [];
    if (testContext.task.result?.state === "fail") return;
    const problems: string[] = [];
    const checked = new Set<string>();
    for (const visit of seen) {
      const key = `${visit.path}`;
      if (checked.has(key)) continue;
      checked.add(key);
      // axe needs JavaScript: a page seen without it is checked in a twin context
      // with the same cookies (the markup is the same server-rendered page).
      const twin = visit.javaScript
        ? null
        : await browser!.newContext({ baseURL: baseUrl, storageState: await visit.context.storageState() });
      const page = await (twin ?? visit.context).newPage();
      page.setDefaultTimeout(ACTION_TIMEOUT);
      page.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT);
      try {
        await page.goto(visit.path);
        if (visit.javaScript) await waitUntilReady(page).catch(() => undefined);
        for (const line of await axeViolations(page)) problems.push(`${visit.path}: ${line}`);
      } finally {
        await page.close();
        await twin?.close();
      }
    }
    if (problems.length > 0)
      throw new Error(`axe found serious or critical problems:\n${problems.join("\n")}`);
  }, 10 * 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async newPage(
      options: {
        timezoneId?: string;
        viewport?: { width: number; height: number };
        javaScriptEnabled?: boolean;
      } = {},
    ): Promise<Page> {
      const javaScript = options.javaScriptEnabled ?? true;
      const context = await browser!.newContext({
        baseURL: baseUrl,
        timezoneId: options.timezoneId ?? "UTC",
        locale: "en-GB",
        javaScriptEnabled: javaScript,
        ...(options.viewport ? { viewport: options.viewport } : {}),
      });
      const page = await context.newPage();
      page.setDefaultTimeout(ACTION_TIMEOUT);
      page.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT);
      page.on("load", () => {
        const url = new URL(page.url());
        if (url.origin === new URL(baseUrl).origin)
          visits.push({ context, path: url.pathname + url.search, javaScript });
      });
      if (javaScript) {
        // goto and reload return once the page is usable, not merely loaded.
        const goto = page.goto.bind(page);
        const reload = page.reload.bind(page);
        page.goto = async (...args) => {
          const response = await goto(...args);
          await waitUntilReady(page);
          return response;
        };
        page.reload = async (...args) => {
          const response = await reload(...args);
          await waitUntilReady(page);
          return response;
        };
      }
      return page;
    },
  };
}

/** Signs in on /login with the demo button "Sign in as <name> — <role>". */
export async function signInAs(page: Page, name: string): Promise<void> {
  await page.goto("/login");
  await page.getByRole("button", { name: new RegExp(`^Sign in as ${name} —`) }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/");
}
