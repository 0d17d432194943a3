// Checks the HTTP server makes before a request reaches Remix (docs/decisions/060):
// a declared body beyond the limit is refused with 413 before any of it is read, and
// an address carrying a NUL byte (PostgreSQL refuses it in text) with 400.
import type { Server } from "node:http";
import { FORM_BODY_LIMIT_BYTES, WEBHOOK_BODY_LIMIT_BYTES } from "./body-limits";

/** Idle keep-alive connections stay open this long: longer than browsers and proxies keep theirs (nginx 60 s). */
export const KEEP_ALIVE_MS = 65_000;

/**
 * The browser or proxy closes an idle keep-alive connection, never the server. With
 * Node's 5 s default, a server busy for a moment when the 5 s ran out closed a
 * connection whose next request had already arrived unread: that request failed.
 */
export function holdIdleConnections(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
}

export type EdgeRefusal = { status: 400 | 413; message: string };

/**
 * The refusal as a page a browser shows with a real title (Remix never sees these
 * requests, so its error page cannot answer them). Plain markup: no script, no style.
 */
export function edgeRefusalPage(refusal: EdgeRefusal): string {
  const title = refusal.status === 413 ? "Too large" : "Request refused";
  return [
    "<!DOCTYPE html>",
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title} — Cohort</title></head>`,
    `<body><main><h1>${title}</h1><p>${refusal.message}</p>`,
    '<p><a href="/">Back to the start page</a></p></main></body></html>',
  ].join("\n");
}

export function bodyLimitFor(path: string): number {
  return path.startsWith("/webhooks/") ? WEBHOOK_BODY_LIMIT_BYTES : FORM_BODY_LIMIT_BYTES;
}

export function refuseAtEdge(request: {
  method: string;
  url: string;
  contentLength: string | undefined;
}): EdgeRefusal | null {
  if (/%00|\u0000/i.test(request.url))
    return { status: 400, message: "This address contains a NUL character, which no page here accepts." };
  const path = request.url.split("?")[0];
  const limit = bodyLimitFor(path);
  if (request.contentLength !== undefined && Number(request.contentLength) > limit) {
    return {
      status: 413,
      message: `What was sent is larger than this server accepts (${Math.round(limit / (1024 * 1024))} MB at most).`,
    };
  }
  return null;
}

/** TRUST_PROXY: unset/0 = no proxy; 1 (or a number) = that many proxies in front; otherwise Express's list (e.g. "loopback, 10.0.0.0/8"). */
export function trustProxySetting(value: string | undefined): boolean | number | string {
  if (!value || value === "0" || value === "false") return false;
  if (value === "true") return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/**
 * Remix refuses (with a bare 500) a form post whose Origin host differs from Host, which
 * is both what a cross-site post looks like and what a proxy that rewrites Host does.
 * The server decides same-origin itself (scheme, host and port, against APP_URL or the
 * address the proxy reports) and tells the app through Sec-Fetch-Site alone, so a
 * cross-site post meets the app's own 403 page and a proxied one goes through.
 */
export function originVerdict(
  origin: string | undefined,
  expected: string,
  fetchSite: string | undefined,
): "none" | "same-origin" | "cross-site" {
  if (!origin) return "none";
  if (fetchSite && fetchSite !== "same-origin") return "cross-site";
  try {
    return new URL(origin).origin === new URL(expected).origin ? "same-origin" : "cross-site";
  } catch {
    return "cross-site";
  }
}
