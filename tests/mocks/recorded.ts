// GitHub's recorded sessions (@octokit/fixtures): status lines, headers and bodies
// api.github.com really sent, with ids, times and tokens normalized. Replayed here
// through the MSW edge, so the sync's own code reads them as it would read GitHub.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { HttpResponse } from "msw";

export type Recorded = {
  method: string;
  path: string;
  status: number;
  headers: Record<string, string | number>;
  response: unknown;
};

const root = path.join(
  path.dirname(createRequire(import.meta.url).resolve("@octokit/fixtures/package.json")),
  "scenarios/api.github.com",
);

/** The answers of one recorded scenario (e.g. "rename-repository"), in the order they were recorded. */
export function recordedScenario(name: string): Recorded[] {
  return JSON.parse(readFileSync(path.join(root, name, "normalized-fixture.json"), "utf8")) as Recorded[];
}

/** The recorded answer to `method path` in a scenario. */
export function recorded(name: string, method: string, pathname: string, status?: number): Recorded {
  const found = recordedScenario(name).find(
    (r) =>
      r.method.toLowerCase() === method.toLowerCase() &&
      r.path === pathname &&
      (status === undefined || r.status === status),
  );
  if (!found) throw new Error(`@octokit/fixtures ${name} has no ${method} ${pathname}`);
  return found;
}

/**
 * A recorded answer as a Response: its status, headers and body. `body` puts another
 * body under the recorded headers; `headers` changes single headers (null removes
 * one), e.g. a redirect's location for a path below the recorded one. A request
 * carrying the recorded ETag in If-None-Match gets a 304 with the same headers, as
 * GitHub answers.
 */
export function replay(
  r: Recorded,
  request: Request | null = null,
  changes: { body?: unknown; headers?: Record<string, string | null> } = {},
): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(r.headers))
    if (!["content-length", "connection", "transfer-encoding"].includes(name))
      headers.set(name, String(value));
  for (const [name, value] of Object.entries(changes.headers ?? {}))
    if (value === null) headers.delete(name);
    else headers.set(name, value);
  const etag = headers.get("etag");
  if (etag && request?.headers.get("if-none-match") === etag)
    return new HttpResponse(null, { status: 304, headers });
  const body = changes.body !== undefined ? changes.body : r.response;
  return new HttpResponse(body === "" ? null : JSON.stringify(body), { status: r.status, headers });
}
