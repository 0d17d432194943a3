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
  let originValue: string;
  try {
    originValue = new URL(origin).origin;
  } catch {
    return false;
  }
  // Scheme, host and port: an http:// page is not the https:// site. Behind a proxy the
  // request's own URL carries X-Forwarded-Proto/Host when TRUST_PROXY says to believe them.
  return originValue === expectedOrigin(request);
}

function expectedOrigin(request: Request): string {
  const appUrl = env().APP_URL;
  if (appUrl) return new URL(appUrl).origin;
  return new URL(request.url).origin;
}

export function assertSameOrigin(request: Request): void {
  if (!isSameOriginRequest(request)) {
    throw new Response("This form was sent from another site, so it was refused.", {
      status: 403,
      statusText: "Cross-site request refused",
    });
  }
}
