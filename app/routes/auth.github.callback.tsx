import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import {
  clearedStateCookie,
  fetchProfileForCode,
  githubSignInConfigured,
  OAUTH_STATE_COOKIE,
} from "~/auth/github-oauth.server";
import { readCookie } from "~/auth/session.server";
import { startSession, upsertGitHubPerson } from "~/auth/sign-in.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { safeRedirect } from "~/auth/safe-redirect";
import { clientAddress, enforceRateLimit } from "~/utils/rate-limit.server";

export async function loader({ request }: LoaderFunctionArgs) {
  // The OAuth callback authorizes by the `state` it was given.
  if (!githubSignInConfigured()) throw new Response("Not found", { status: 404 });
  await enforceRateLimit("signIn", clientAddress(request));
  const url = new URL(request.url);
  const code = url.searchParams.get("code");
  const state = url.searchParams.get("state");
  let expected: { state?: string; redirectTo?: string } = {};
  try {
    expected = JSON.parse(readCookie(request, OAUTH_STATE_COOKIE) ?? "{}");
  } catch {
    expected = {};
  }
  const clear = { "Set-Cookie": clearedStateCookie() };
  // "Cancel" on GitHub's consent page comes back as error=access_denied.
  if (url.searchParams.get("error") === "access_denied") {
    return redirectWithFlash(
      "/login",
      { kind: "info", message: "You cancelled signing in with GitHub. You can try again whenever you like." },
      { headers: clear },
    );
  }
  if (!code || !state || !expected.state || state !== expected.state) {
    return redirectWithFlash(
      "/login",
      { kind: "error", message: "GitHub sign-in could not be verified. Please try again." },
      { headers: clear },
    );
  }
  let profile;
  try {
    profile = await fetchProfileForCode(request, code);
  } catch (error) {
    console.error("[auth] GitHub sign-in failed", error);
    return redirectWithFlash(
      "/login",
      { kind: "error", message: "GitHub did not confirm the sign-in. Please try again." },
      { headers: clear },
    );
  }
  const person = await upsertGitHubPerson(profile);
  const headers = new Headers(clear);
  headers.append("Set-Cookie", await startSession(person.id, request, "github"));
  return redirect(safeRedirect(expected.redirectTo), { headers });
}
