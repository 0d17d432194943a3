// The HTTP server for the built app: the demo, the browser tests, the benchmarks and
// production (`npm start`) all run this file (docs/decisions/003, 061). Before Remix it
// refuses oversized bodies (413, unread) and NUL addresses, honours TRUST_PROXY, and
// gives every response the security headers (HTML pages set their own CSP with a nonce);
// pages take turns (064). `npm run build` turns it into build/server.js (068).
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import {
  edgeRefusalPage,
  holdIdleConnections,
  originVerdict,
  refuseAtEdge,
  trustProxySetting,
} from "../utils/http-edge";
import { isReadOnly, withReadScope } from "../utils/request-scope.server";
import { baseSecurityHeaders, PRIVATE_NO_STORE, RESOURCE_POLICY } from "../utils/security-headers";

const buildPath = path.resolve("build/index.js");
const build = (await import(buildPath)) as ServerBuild;
const production = process.env.NODE_ENV === "production";
const app = express();
app.disable("x-powered-by");
app.set("trust proxy", trustProxySetting(process.env.TRUST_PROXY));

app.use((req, res, next) => {
  const refusal = refuseAtEdge({
    method: req.method,
    url: req.originalUrl,
    contentLength: req.get("Content-Length"),
  });
  if (refusal) {
    // Close the connection instead of reading (and discarding) a huge body. A browser
    // gets a page with a title; scripts get the sentence.
    const html = req.accepts(["text/plain", "text/html"]) === "text/html";
    res
      .status(refusal.status)
      .set({ "Content-Type": `text/${html ? "html" : "plain"}; charset=utf-8`, Connection: "close" })
      .send(html ? edgeRefusalPage(refusal) : refusal.message);
    return;
  }
  if (!["GET", "HEAD", "OPTIONS"].includes(req.method)) {
    const trusted = Boolean(app.get("trust proxy"));
    const host =
      (trusted ? req.get("X-Forwarded-Host")?.split(",")[0].trim() : undefined) ?? req.get("Host") ?? "";
    const expected = process.env.APP_URL || `${req.protocol}://${host}`;
    const verdict = originVerdict(req.get("Origin"), expected, req.get("Sec-Fetch-Site"));
    if (verdict !== "none") {
      delete req.headers.origin;
      req.headers["sec-fetch-site"] = verdict;
    }
  }
  // Defaults just before the headers leave, so what a response sets itself wins.
  const writeHead = res.writeHead;
  res.writeHead = function (this: typeof res, ...args: Parameters<typeof res.writeHead>) {
    if (!res.headersSent) {
      for (const [name, value] of baseSecurityHeaders(production))
        if (!res.hasHeader(name)) res.setHeader(name, value);
      if (!res.hasHeader("Content-Security-Policy"))
        res.setHeader("Content-Security-Policy", RESOURCE_POLICY);
      if (!res.hasHeader("Cache-Control")) res.setHeader("Cache-Control", PRIVATE_NO_STORE);
    }
    return writeHead.apply(this, args);
  } as typeof res.writeHead;
  next();
});
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
// No page queue (decision 064, update): fifty clients at once get no errors without it.
const remix = createRequestHandler({ build, mode: process.env.NODE_ENV });
// A page view's loaders share what they read twice (the cohort, the viewer's roles).
app.all("*", (req, res, next) =>
  isReadOnly(req.method) ? withReadScope(() => remix(req, res, next)) : remix(req, res, next),
);

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const server = app.listen(port, host, () => {
  console.log(`Cohort is running at http://localhost:${port}`);
});
holdIdleConnections(server);
