// GitHub's OAuth web flow with @octokit/oauth-methods. No scopes: reading the
// public profile is all Cohort needs. `state` is kept in a short-lived cookie.
import { exchangeWebFlowCode, getWebFlowAuthorizationUrl } from "@octokit/oauth-methods";
import { request as octokitRequest } from "@octokit/request";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { env, isProduction } from "~/utils/env.server";

export const OAUTH_STATE_COOKIE = "cohort_oauth_state";

export function githubSignInConfigured(): boolean {
  const e = env();
  return Boolean(e.GITHUB_CLIENT_ID && e.GITHUB_CLIENT_SECRET);
}

function apiRequest() {
  return octokitRequest.defaults({ baseUrl: env().GITHUB_API_URL });
}

function callbackUrl(request: Request): string {
  const base = env().APP_URL ?? new URL(request.url).origin;
  return new URL("/auth/github/callback", base).toString();
}

export function newOAuthState(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function authorizationUrl(request: Request, state: string): string {
  const { url } = getWebFlowAuthorizationUrl({
    clientType: "oauth-app",
    clientId: env().GITHUB_CLIENT_ID!,
    redirectUrl: callbackUrl(request),
    scopes: [],
    state,
    allowSignup: true,
    request: apiRequest(),
  });
  return url;
}

export function stateCookie(state: string, redirectTo: string): string {
  const value = encodeURIComponent(JSON.stringify({ state, redirectTo }));
  return [
    `${OAUTH_STATE_COOKIE}=${value}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    "Max-Age=600",
    isProduction() ? "Secure" : "",
  ]
    .filter(Boolean)
    .join("; ");
}

export function clearedStateCookie(): string {
  return `${OAUTH_STATE_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}

export type GitHubProfile = {
  id: number;
  login: string;
  name: string | null;
  email: string | null;
  avatarUrl: string;
};

/** Exchanges the callback's code for a token and reads the signed-in user's profile. */
export async function fetchProfileForCode(request: Request, code: string): Promise<GitHubProfile> {
  const { authentication } = await exchangeWebFlowCode({
    clientType: "oauth-app",
    clientId: env().GITHUB_CLIENT_ID!,
    clientSecret: env().GITHUB_CLIENT_SECRET!,
    code,
    redirectUrl: callbackUrl(request),
    request: apiRequest(),
  });
  const { data } = await apiRequest()("GET /user", {
    headers: { authorization: `token ${authentication.token}` },
  });
  return {
    id: Number(data.id),
    login: data.login,
    name: data.name ?? null,
    email: data.email ?? null,
    avatarUrl: data.avatar_url,
  };
}
