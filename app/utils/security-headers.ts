// Response headers that keep the browser on the app's side (docs/decisions/061).
// Pure functions: used by the HTML renderer (app/entry.server.tsx) and by the HTTP
// server for every other response (CSV, ICS, SVG, JSON, static files).

export type HeaderList = [name: string, value: string][];

/** Allowed after a form post: GitHub's sign-in page is reached by a redirect from /login. */
function formTargets(githubWebUrl: string | undefined): string {
  let github = "https://github.com";
  try {
    if (githubWebUrl) github = new URL(githubWebUrl).origin;
  } catch {
    // keep the default
  }
  return `'self' ${github}`;
}

/** The policy for HTML pages: scripts only from this site or carrying this response's nonce. */
export function documentPolicy(
  nonce: string,
  options: { githubWebUrl?: string; production: boolean },
): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // React writes style attributes (style={{…}}); no user text ever reaches them.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${formTargets(options.githubWebUrl)}`,
    "frame-ancestors 'none'",
    ...(options.production ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** For anything that is not an HTML page (an SVG avatar opened on its own must not run script). */
export const RESOURCE_POLICY =
  "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox";

export const PERMISSIONS_POLICY =
  "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

/** Headers every response carries (documents add their own Content-Security-Policy). */
export function baseSecurityHeaders(production: boolean): HeaderList {
  const headers: HeaderList = [
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "same-origin"],
    ["X-Frame-Options", "DENY"],
    ["Permissions-Policy", PERMISSIONS_POLICY],
    ["Cross-Origin-Opener-Policy", "same-origin"],
  ];
  if (production) headers.push(["Strict-Transport-Security", "max-age=31536000; includeSubDomains"]);
  return headers;
}

/** Signed-in pages and their `_data` JSON are never kept by the browser or a proxy. */
export const PRIVATE_NO_STORE = "private, no-store";
