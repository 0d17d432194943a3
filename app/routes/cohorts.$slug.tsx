import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { getSignedIn } from "~/auth/permissions.server";
import { getCohortNav } from "~/cohorts/cohorts.server";

// Layout of every /cohorts/<slug>/… page: the cohort's name and the links the
// viewer's roles open. Each child route authorizes for itself.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const signedIn = await getSignedIn(request);
  return json(await getCohortNav(params.slug!, signedIn?.person ?? null));
}

export default function CohortLayout() {
  const nav = useLoaderData<typeof loader>();
  return (
    <>
      <nav className="subnav" aria-label={`${nav.name} pages`}>
        {nav.links.map((link) => (
          <NavLink key={link.href} to={link.href} end>
            {link.label}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </>
  );
}
