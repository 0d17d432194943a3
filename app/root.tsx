import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { getSignedIn, staleCookieHeader } from "~/auth/permissions.server";
import { errorPage } from "~/components/error-page";
import { useNonce } from "~/components/nonce";
import { readFlash } from "~/utils/flash.server";
import styles from "~/styles/app.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

// An error page is titled by what happened ("Page not found — Cohort"), so a tab or a
// history entry says it too.
export const meta: MetaFunction = ({ error }) => [
  { title: error ? `${errorPage(error).title} — Cohort` : "Cohort — mentored open-source contribution" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  // Public shell: who is signed in (if anyone) and a one-time message.
  const signedIn = await getSignedIn(request);
  const { flash, clear } = await readFlash(request);
  const headers = new Headers();
  if (signedIn?.setCookie) headers.append("Set-Cookie", signedIn.setCookie);
  if (!signedIn) {
    const stale = await staleCookieHeader(request);
    if (stale) headers.append("Set-Cookie", stale);
  }
  if (clear) headers.append("Set-Cookie", clear);
  return json({ person: signedIn?.person ?? null, flash }, { headers });
}

export type RootData = typeof loader;

function Shell({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<RootData>("root");
  const person = data?.person ?? null;
  const nonce = useNonce();
  // Browser tests (and nothing else) wait for this before using what needs JavaScript.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <nav aria-label="Site">
            <Link to="/" className="brand">
              Cohort
            </Link>
            {person ? <Link to="/home">My cohorts</Link> : null}
            {person?.isAdmin ? <Link to="/admin">Admin</Link> : null}
          </nav>
          <div className="who">
            {person ? (
              <>
                {person.avatarUrl ? (
                  <img src={person.avatarUrl} alt="" width={24} height={24} className="avatar" />
                ) : null}
                <Link to="/settings">{person.name}</Link>
                <Form method="post" action="/logout">
                  <button type="submit" className="link-button">
                    Sign out
                  </button>
                </Form>
              </>
            ) : (
              <Link to="/login">Sign in</Link>
            )}
          </div>
        </header>
        {data?.flash ? (
          <p role="status" className={`flash flash-${data.flash.kind}`}>
            {data.flash.message}
          </p>
        ) : null}
        <main id="main">{children}</main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return (
    <Shell>
      <Outlet />
    </Shell>
  );
}

export function ErrorBoundary() {
  const { title, message } = errorPage(useRouteError());
  return (
    <Shell>
      <section className="error-page">
        <h1>{title}</h1>
        <p>{message}</p>
        <p>
          <Link to="/">Back to the start page</Link>
        </p>
      </section>
    </Shell>
  );
}
