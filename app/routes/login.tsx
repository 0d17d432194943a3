import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { assertSameOrigin } from "~/auth/csrf.server";
import {
  authorizationUrl,
  githubSignInConfigured,
  newOAuthState,
  stateCookie,
} from "~/auth/github-oauth.server";
import { getSignedIn } from "~/auth/permissions.server";
import { safeRedirect } from "~/auth/safe-redirect";
import { signInForm } from "~/auth/sign-in-forms";
import { findDemoPerson, listDemoPeople, startSession } from "~/auth/sign-in.server";
import { demoSignInEnabled } from "~/utils/env.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseButton } from "~/utils/forms";
import { readForm } from "~/utils/request-body.server";
import { clientAddress, enforceRateLimit } from "~/utils/rate-limit.server";

export const meta: MetaFunction = () => [{ title: "Sign in — Cohort" }];

const ROLE_LABELS: Record<string, string> = {
  admin: "admin",
  organizer: "organizer",
  reviewer: "reviewer",
  navigator: "navigator",
  captain: "captain",
  participant: "participant",
  applicant: "applicant",
  alumnus: "alumna/alumnus",
};

export async function loader({ request }: LoaderFunctionArgs) {
  // Public page; a signed-in visitor goes straight on.
  const signedIn = await getSignedIn(request);
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  if (signedIn) throw redirect(redirectTo);
  const demoPeople = await listDemoPeople();
  return json({
    github: githubSignInConfigured(),
    demo: demoSignInEnabled(),
    demoPeople: demoPeople.map((p) => ({
      id: p.id,
      name: p.name,
      login: p.login,
      role: ROLE_LABELS[p.demoRole ?? ""] ?? p.demoRole ?? "",
    })),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const parsed = parseButton(signInForm, await readForm(request));
  if (!parsed.ok) return redirectWithFlash("/login", { kind: "error", message: parsed.error });
  const { redirectTo } = parsed.data;
  if (parsed.data.intent === "github") {
    // Real sign-in attempts are limited; demo sign-in exists only outside production.
    await enforceRateLimit("signIn", clientAddress(request));
    if (!githubSignInConfigured())
      return redirectWithFlash("/login", {
        kind: "error",
        message: "GitHub sign-in is not configured on this server.",
      });
    const state = newOAuthState();
    return redirect(authorizationUrl(request, state), {
      headers: { "Set-Cookie": stateCookie(state, redirectTo) },
    });
  }
  if (parsed.data.intent === "demo") {
    if (!demoSignInEnabled()) throw new Response("Not found", { status: 404 });
    const person = await findDemoPerson(parsed.data.personId);
    if (!person)
      return redirectWithFlash("/login", {
        kind: "error",
        message: "That demo person no longer exists. Choose another.",
      });
    return redirect(redirectTo, {
      headers: { "Set-Cookie": await startSession(person.id, request, "demo") },
    });
  }
  return redirectWithFlash("/login", { kind: "error", message: "Choose how to sign in." });
}

const ROLE_ORDER = ["participant", "navigator", "captain", "organizer", "reviewer", "applicant", "admin"];

function groupByRole<T extends { role: string }>(people: T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const person of people) groups.set(person.role, [...(groups.get(person.role) ?? []), person]);
  const rank = (role: string) => (ROLE_ORDER.indexOf(role) === -1 ? 99 : ROLE_ORDER.indexOf(role));
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b));
}

export default function Login() {
  const { github, demo, demoPeople } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const redirectTo = params.get("redirectTo") ?? "/home";
  return (
    <section>
      <h1>Sign in</h1>
      {github ? (
        <Form method="post">
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <button type="submit" name="intent" value="github">
            Sign in with GitHub
          </button>
          <p className="muted">Cohort reads only your public GitHub profile.</p>
        </Form>
      ) : null}
      {demo ? (
        <>
          <h2>Try the demo</h2>
          <p className="muted">
            GitHub sign-in is not configured here, so you can sign in as one of the demo people.
          </p>
          {demoPeople.length === 0 ? (
            <p>
              There are no demo people yet: run <code>npm run demo</code>.
            </p>
          ) : null}
          <Form method="post">
            <input type="hidden" name="redirectTo" value={redirectTo} />
            <input type="hidden" name="intent" value="demo" />
            <div className="cards">
              {groupByRole(demoPeople).map(([role, people]) => (
                <section key={role} aria-label={`Demo ${role}s`}>
                  <h3>
                    {role[0].toUpperCase() + role.slice(1)}
                    {people.length > 1 ? "s" : ""}
                  </h3>
                  <ul className="person-list">
                    {people.map((person) => (
                      <li key={person.id}>
                        <button type="submit" name="personId" value={person.id} className="secondary">
                          {`Sign in as ${person.name} — ${person.role}`}
                        </button>
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </div>
          </Form>
        </>
      ) : null}
      {!github && !demo ? <p>Sign-in is not configured on this server.</p> : null}
    </section>
  );
}
