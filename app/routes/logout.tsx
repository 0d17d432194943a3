import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { assertSameOrigin } from "~/auth/csrf.server";
import { getSignedIn } from "~/auth/permissions.server";
import { clearedSessionCookie } from "~/auth/session.server";
import { signOut } from "~/auth/sign-in.server";
import { readForm } from "~/utils/request-body.server";

export async function loader() {
  // Signing out changes state, so it is a POST only.
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  await readForm(request);
  const signedIn = await getSignedIn(request);
  if (signedIn) await signOut(signedIn.person.id, signedIn.sessionId);
  return redirect("/", { headers: { "Set-Cookie": clearedSessionCookie() } });
}
