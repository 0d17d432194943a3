// Serves the built app outside production (demo, browser tests, benchmarks).
// Production uses `npm start` (remix-serve); remix-serve's development mode expects
// `remix dev` beside it, so this small server takes its place (docs/decisions/003).
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";

const buildPath = path.resolve("build/index.js");
const build = (await import(buildPath)) as ServerBuild;
const app = express();
app.disable("x-powered-by");
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV }));

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
app.listen(port, host, () => {
  console.log(`Cohort is running at http://localhost:${port}`);
});
