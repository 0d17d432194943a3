import { http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { resetEnv } from "~/utils/env.server";
import { readFlash } from "~/utils/flash.server";
import { mockServer } from "../../tests/mocks/server";
import { callRoute, makeCohort, makePerson, makeRequest } from "../../tests/setup/factories";

// GitHub's OAuth endpoints, answered as GitHub documents them.
function mockGitHubOAuth(user: {
  id: number;
  login: string;
  name: string;
  avatar_url: string;
  email: string | null;
}) {
  const seen: { body?: Record<string, string> } = {};
  mockServer.use(
    http.post("https://github.com/login/oauth/access_token", async ({ request }) => {
      seen.body = (await request.json()) as Record<string, string>;
      if (seen.body.code !== "good-code")
        return HttpResponse.json({
          error: "bad_verification_code",
          error_description: "The code passed is incorrect or expired.",
          error_uri: "https://docs.github.com",
        });
      return HttpResponse.json({
        access_token: "gho_16C7e42F292c6912E7710c838347Ae178B4a",
        scope: "",
        token_type: "bearer",
      });
    }),
    http.get("https://api.github.com/user", ({ request }) => {
      if (request.headers.get("authorization") !== "token gho_16C7e42F292c6912E7710c838347Ae178B4a")
        return new HttpResponse(null, { status: 401 });
      return HttpResponse.json({ ...user, type: "User", html_url: `https://github.com/${user.login}` });
    }),
  );
  return seen;
}

describe("GitHub sign-in", () => {
  beforeEach(() => {
    process.env.GITHUB_CLIENT_ID = "Iv1.cohorttest";
    process.env.GITHUB_CLIENT_SECRET = "cohort-test-secret";
    resetEnv();
  });
  afterEach(() => {
    delete process.env.GITHUB_CLIENT_ID;
    delete process.env.GITHUB_CLIENT_SECRET;
    resetEnv();
  });

  async function startFlow() {
    const login = await import("~/routes/login");
    const response = await callRoute(
      login.action,
      makeRequest("/login", { form: { intent: "github", redirectTo: "/cohorts/session-1" } }),
    );
    const location = new URL(response.headers.get("Location")!);
    const stateCookie = response.headers.get("Set-Cookie")!.split(";")[0];
    return { location, stateCookie, state: location.searchParams.get("state")! };
  }

  it("sends people to GitHub with a state and no scopes", async () => {
    const { location, state } = await startFlow();
    expect(location.origin + location.pathname).toBe("https://github.com/login/oauth/authorize");
    expect(location.searchParams.get("client_id")).toBe("Iv1.cohorttest");
    expect(location.searchParams.get("scope") ?? "").toBe("");
    expect(state.length).toBeGreaterThan(20);
  });

  it("signs in, matching by GitHub id and refreshing login and avatar, and binds pending appointments", async () => {
    const existing = await makePerson({ login: "old-login", githubId: 583231, name: "Mona Lisa" });
    const cohort = await makeCohort("running");
    await db.cohortMembership.create({
      data: { cohortId: cohort.id, pendingLogin: "octocat", role: "navigator" },
    });
    mockGitHubOAuth({
      id: 583231,
      login: "octocat",
      name: "The Octocat",
      avatar_url: "https://avatars.githubusercontent.com/u/583231?v=4",
      email: null,
    });
    const { stateCookie, state } = await startFlow();
    const callback = await import("~/routes/auth.github.callback");
    const response = await callRoute(
      callback.loader,
      makeRequest(`/auth/github/callback?code=good-code&state=${state}`, { cookie: stateCookie }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/cohorts/session-1");
    expect(response.headers.get("Set-Cookie")).toMatch(/cohort_session=[a-z0-9]+\.[a-z0-9]+/);
    const person = await db.person.findUniqueOrThrow({ where: { githubId: 583231 } });
    expect(person.id).toBe(existing.id);
    expect(person.login).toBe("octocat");
    expect(person.avatarUrl).toBe("https://avatars.githubusercontent.com/u/583231?v=4");
    const membership = await db.cohortMembership.findFirstOrThrow({
      where: { cohortId: cohort.id, role: "navigator" },
    });
    expect(membership.personId).toBe(person.id);
    expect(membership.pendingLogin).toBeNull();
  });

  it("refuses a callback whose state does not match", async () => {
    mockGitHubOAuth({
      id: 1,
      login: "someone",
      name: "Someone",
      avatar_url: "https://avatars.githubusercontent.com/u/1",
      email: null,
    });
    const { stateCookie } = await startFlow();
    const callback = await import("~/routes/auth.github.callback");
    const response = await callRoute(
      callback.loader,
      makeRequest(`/auth/github/callback?code=good-code&state=forged`, { cookie: stateCookie }),
    );
    expect(response.headers.get("Location")).toBe("/login");
    expect(response.headers.get("Set-Cookie")).not.toMatch(/cohort_session=[a-z0-9]/);
    expect(await db.person.count({ where: { githubId: 1 } })).toBe(0);
  });

  it("sends people back to sign-in with a message when GitHub rejects the code", async () => {
    mockGitHubOAuth({
      id: 2,
      login: "x",
      name: "X",
      avatar_url: "https://avatars.githubusercontent.com/u/2",
      email: null,
    });
    const { stateCookie, state } = await startFlow();
    const callback = await import("~/routes/auth.github.callback");
    const response = await callRoute(
      callback.loader,
      makeRequest(`/auth/github/callback?code=bad&state=${state}`, { cookie: stateCookie }),
    );
    expect(response.headers.get("Location")).toBe("/login");
    expect(response.headers.get("Set-Cookie")).toMatch(/cohort_flash=/);
  });

  it("says so when someone cancels on GitHub's consent page", async () => {
    const { stateCookie, state } = await startFlow();
    const callback = await import("~/routes/auth.github.callback");
    const response = await callRoute(
      callback.loader,
      makeRequest(
        `/auth/github/callback?error=access_denied&error_description=The+user+has+denied+your+application+access.&state=${state}`,
        { cookie: stateCookie },
      ),
    );
    expect(response.headers.get("Location")).toBe("/login");
    const flashCookie = response.headers
      .get("Set-Cookie")!
      .split(/,\s*(?=cohort_)/)
      .find((c) => c.startsWith("cohort_flash="))!
      .split(";")[0];
    const { flash } = await readFlash(makeRequest("/login", { cookie: flashCookie }));
    expect(flash?.message).toBe("You cancelled signing in with GitHub. You can try again whenever you like.");
  });

  it("hides the demo sign-in when a GitHub app is configured", async () => {
    await db.person.create({
      data: { login: "demo-ana", name: "Ana Souza", isDemo: true, demoRole: "navigator" },
    });
    const login = await import("~/routes/login");
    const data = (await (await callRoute(login.loader, makeRequest("/login"))).json()) as {
      demo: boolean;
      demoPeople: unknown[];
      github: boolean;
    };
    expect(data).toMatchObject({ demo: false, github: true, demoPeople: [] });
  });
});

describe("demo sign-in", () => {
  it("lists demo people by name and role and signs in as one of them", async () => {
    const ana = await db.person.create({
      data: { login: "demo-lena", name: "Lena Fischer", isDemo: true, demoRole: "organizer" },
    });
    const login = await import("~/routes/login");
    const data = (await (await callRoute(login.loader, makeRequest("/login"))).json()) as {
      demoPeople: { name: string; role: string }[];
    };
    expect(data.demoPeople).toContainEqual(
      expect.objectContaining({ name: "Lena Fischer", role: "organizer" }),
    );
    expect(data.demoPeople.map((p) => p.name)).not.toContain("Person 1");
    const response = await callRoute(
      login.action,
      makeRequest("/login", { form: { intent: "demo", personId: ana.id, redirectTo: "/home" } }),
    );
    expect(response.headers.get("Location")).toBe("/home");
    expect(response.headers.get("Set-Cookie")).toMatch(/cohort_session=/);
  });

  it("will not sign in as a real (non-demo) person", async () => {
    const real = await makePerson();
    const login = await import("~/routes/login");
    const response = await callRoute(
      login.action,
      makeRequest("/login", { form: { intent: "demo", personId: real.id } }),
    );
    expect(response.headers.get("Location")).toBe("/login");
    expect(response.headers.get("Set-Cookie")).not.toMatch(/cohort_session=/);
  });

  it("does not exist in production", async () => {
    const ana = await db.person.create({
      data: { login: "demo-ana2", name: "Ana", isDemo: true, demoRole: "navigator" },
    });
    const saved = { ...process.env };
    Object.assign(process.env, {
      NODE_ENV: "production",
      GITHUB_CLIENT_ID: "id",
      GITHUB_CLIENT_SECRET: "s",
      SESSION_SECRET: "y".repeat(40),
      APP_URL: "http://localhost:3000",
    });
    resetEnv();
    try {
      const login = await import("~/routes/login");
      const thrown = await callRoute(
        login.action,
        makeRequest("/login", { form: { intent: "demo", personId: ana.id } }),
      );
      expect(thrown.status).toBe(404);
    } finally {
      process.env = saved;
      resetEnv();
    }
  });

  it("never redirects off-site after sign-in", async () => {
    const { safeRedirect } = await import("~/auth/safe-redirect");
    expect(safeRedirect("https://evil.example/")).toBe("/home");
    expect(safeRedirect("//evil.example/")).toBe("/home");
    expect(safeRedirect("/cohorts/x")).toBe("/cohorts/x");
    expect(safeRedirect("/cohorts/x/issues?project=django#top")).toBe("/cohorts/x/issues?project=django#top");
    // What browsers forgive in a Location header must not become another origin.
    for (const evil of [
      "/%09/evil.example",
      "/\t/evil.example",
      "/\\evil.example",
      "/%5Cevil.example",
      "/%2F/evil.example",
      "/%2f%2fevil.example",
      "/x\r\nSet-Cookie: a=b",
      "/\n/evil.example",
      "/%0d%0aLocation:%20//evil.example",
      "/ /evil.example",
      "/%",
    ]) {
      expect(safeRedirect(evil), evil).toBe("/home");
    }
  });
});
