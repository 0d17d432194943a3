// CSRF defence for every non-GET request (lucia-auth.com): the browser must say the
// request comes from this origin, through Sec-Fetch-Site or Origin.
import { env } from "~/utils/env.server";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isSameOriginRequest(request: Request): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return true;
  const fetchSite = request.headers.get("Sec-Fetch-Site");
  if (fetchSite && fetchSite !== "same-origin") return false;
  const origin = request.headers.get("Origin");
  if (!origin) return fetchSite === "same-origin";
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const expected = env().APP_URL ? new URL(env().APP_URL!).host : request.headers.get("Host") ?? new URL(request.url).host;
  return originHost === expected;
}

export function assertSameOrigin(request: Request): void {
  if (!isSameOriginRequest(request)) {
    throw new Response("This form was sent from another site, so it was refused.", {
      status: 403,
      statusText: "Cross-site request refused",
    });
  }
}
