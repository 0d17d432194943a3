// npm run bench: runs every tests/bench/*.bench.ts and prints its figures.
// Speed and memory targets are checked here, not by timed tests.
// Each bench may return sections (e.g. { pages: [...] }, { teams: [...] }, { sync: {...} });
// they are merged into bench/results.json so figures can be compared from run to run.
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
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
const results: Record<string, unknown> = {
  ran_at: new Date().toISOString(),
  database: (process.env.DATABASE_URL ?? "file:").startsWith("postgres") ? "postgresql" : "sqlite",
  node: process.version,
};
for (const file of files) {
  console.log(`\n### ${file.replace(".bench.ts", "")}`);
  const started = process.hrtime.bigint();
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as {
    bench: () => Promise<Record<string, unknown> | void>;
  };
  const sections = await mod.bench();
  if (sections) Object.assign(results, sections);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`(${file} took ${(ms / 1000).toFixed(1)} s, peak RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB)`);
}

mkdirSync("bench", { recursive: true });
writeFileSync("bench/results.json", JSON.stringify(results, null, 2) + "\n");
console.log("\nfigures written to bench/results.json");
