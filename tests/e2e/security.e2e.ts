// What an attacker's browser meets: the app's JS still hydrates under the nonce CSP,
// every kind of response carries the security headers, a cross-site form post gets
// the app's own 403 page, a broken cookie does not lock anyone out, and a huge body
// is refused without stalling the server.
import { expect, it } from "vitest";
import { baseUrl, describeInBrowser, signInAs, useBrowser } from "./harness";

describeInBrowser("holding against hostile input in the browser", () => {
  const browser = useBrowser();

  it("pages run only Remix's nonce'd scripts and still hydrate; settings list the signed-in devices", async () => {
    const page = await browser.newPage({ timezoneId: "Pacific/Auckland" });
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text()))
        violations.push(message.text());
    });
    await signInAs(page, "Ana Souza");
    const response = await page.goto("/settings");
    const policy = response?.headers()["content-security-policy"] ?? "";
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(response?.headers()["cache-control"]).toBe("private, no-store");
    expect(response?.headers()["permissions-policy"]).toMatch(/camera=\(\)/);
    // Only React (after hydration) offers the browser's own zone.
    await expect
      .poll(() => page.getByRole("button", { name: "Use Pacific/Auckland" }).count(), { timeout: 15_000 })
      .toBe(1);
    const devices = page.getByRole("table", { name: "Signed-in devices" });
    await expect.poll(() => devices.textContent()).toContain("(this device)");
    expect(await devices.textContent()).toContain("Chrome on Linux");
    await page.screenshot({ path: "tests/.tmp/settings-devices.png", fullPage: true });
    // A client-side navigation works (JS running under the policy).
    await page.getByRole("link", { name: "My cohorts" }).click();
    await page.waitForURL("**/home");
    expect(violations).toEqual([]);
    // _data JSON of a signed-in page is private too.
    const data = await page.request.get("/settings?_data=routes%2Fsettings");
    expect(data.headers()["cache-control"]).toBe("private, no-store");
    expect(data.headers()["x-content-type-options"]).toBe("nosniff");
  });

  it("CSV, ICS, SVG and JSON responses carry the security headers", async () => {
    const page = await browser.newPage();
    await signInAs(page, "Lena Fischer");
    for (const address of [
      "/cohorts/session-5/applications.csv",
      "/calendar/no-such-feed.ics",
      "/avatars/ana.svg",
      "/healthz",
    ]) {
      const response = await page.request.get(address);
      const headers = response.headers();
      expect(headers["x-content-type-options"], address).toBe("nosniff");
      expect(headers["content-security-policy"], address).toMatch(/default-src 'none'/);
      expect(headers["permissions-policy"], address).toMatch(/geolocation=\(\)/);
      expect(headers["x-frame-options"], address).toBe("DENY");
    }
  });

  it("a form posted from another site gets the app's own 403 page, not a blank 500", async () => {
    const response = await fetch(`${baseUrl}/login`, {
      method: "POST",
      headers: {
        Origin: "https://evil.example",
        "Sec-Fetch-Site": "cross-site",
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: "intent=demo",
      redirect: "manual",
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("This form was sent from another site, so it was refused.");
  });

  it("a malformed session cookie is ignored: /login opens and signing in works", async () => {
    const page = await browser.newPage();
    await page.context().addCookies([{ name: "cohort_session", value: "%", url: baseUrl }]);
    const response = await page.goto("/login");
    expect(response?.status()).toBe(200);
    await signInAs(page, "Mei Lin");
    expect(new URL(page.url()).pathname).toBe("/home");
  });

  it("a 200 MB anonymous post is refused with 413 before it is read, and /healthz still answers", async () => {
    const big = await fetch(`${baseUrl}/login`, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": String(200 * 1024 * 1024),
      },
      body: new Uint8Array(64 * 1024),
      duplex: "half",
    } as RequestInit).catch((error: unknown) => error);
    if (big instanceof Response) expect(big.status).toBe(413);
    const started = Date.now();
    const health = await fetch(`${baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
