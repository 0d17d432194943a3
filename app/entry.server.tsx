import { randomBytes } from "node:crypto";
import { PassThrough } from "node:stream";
import type {
  AppLoadContext,
  EntryContext,
  HandleDataRequestFunction,
  HandleErrorFunction,
} from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "~/components/nonce";
import { env, isProduction } from "~/utils/env.server";
import { baseSecurityHeaders, documentPolicy, PRIVATE_NO_STORE } from "~/utils/security-headers";
import { applyMigrations } from "~/utils/migrations.server";
import { registerAllJobs } from "~/jobs.server";
import { startScheduler } from "~/utils/scheduler.server";

// Checked once at start-up: a bad setting stops the server with one clear line.
try {
  env();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
if (env().MIGRATE_ON_START && env().NODE_ENV !== "test") {
  const applied = await applyMigrations(env().DATABASE_URL);
  if (applied.length > 0) console.log(`Applied migrations: ${applied.join(", ")}`);
}
registerAllJobs();
startScheduler();

const ABORT_DELAY = 5_000;

export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  console.error(`[error] ${request.method} ${new URL(request.url).pathname}`, error);
};

function setSecurityHeaders(headers: Headers): void {
  for (const [name, value] of baseSecurityHeaders(isProduction())) headers.set(name, value);
}

// `_data` JSON carries the same private data as the page.
export const handleDataRequest: HandleDataRequestFunction = (response) => {
  setSecurityHeaders(response.headers);
  if (!response.headers.has("Cache-Control")) response.headers.set("Cache-Control", PRIVATE_NO_STORE);
  return response;
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  _loadContext?: AppLoadContext,
) {
  const bot = isbot(request.headers.get("user-agent") ?? "");
  // A fresh nonce per page: Remix's own inline scripts carry it, nothing else may run inline.
  const nonce = randomBytes(16).toString("base64");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [bot ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          setSecurityHeaders(responseHeaders);
          responseHeaders.set(
            "Content-Security-Policy",
            documentPolicy(nonce, { githubWebUrl: env().GITHUB_WEB_URL, production: isProduction() }),
          );
          responseHeaders.set("Cache-Control", PRIVATE_NO_STORE);
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
