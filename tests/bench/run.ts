// npm run bench: runs every tests/bench/*.bench.ts and prints its figures.
// Speed and memory targets are checked here, not by timed tests.
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const dir = path.resolve("tests/bench");
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
if (files.length === 0) {
  console.log("No benchmarks found.");
}
for (const file of files) {
  console.log(`\n### ${file.replace(".bench.ts", "")}`);
  const started = process.hrtime.bigint();
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { bench: () => Promise<void> };
  await mod.bench();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`(${file} took ${(ms / 1000).toFixed(1)} s, peak RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB)`);
}
