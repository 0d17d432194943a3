// Shared helpers for browser tests: Debian's Chromium through playwright-core.
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, inject } from "vitest";

export const chromiumPath = inject("chromiumPath");
export const baseUrl = inject("baseUrl");

/** `describe` that runs only when Chromium was found (global.ts says so loudly). */
export const describeInBrowser = chromiumPath ? describe : describe.skip;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

/** One browser per test file; `newPage()` gives a fresh, signed-out context. */
export function useBrowser() {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async newPage(options: { timezoneId?: string; viewport?: { width: number; height: number }; javaScriptEnabled?: boolean } = {}): Promise<Page> {
      const context = await browser!.newContext({
        baseURL: baseUrl, timezoneId: options.timezoneId ?? "UTC", locale: "en-GB", javaScriptEnabled: options.javaScriptEnabled ?? true,
        ...(options.viewport ? { viewport: options.viewport } : {}),
      });
      return context.newPage();
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
