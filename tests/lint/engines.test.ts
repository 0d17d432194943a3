// The Node.js version package.json and the README promise is one every installed package
// accepts: `npm ci` on that version prints no EBADENGINE warning (decision 076).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const semver = require("semver") as {
  minVersion(range: string): { version: string } | null;
  satisfies(version: string, range: string): boolean;
};

type LockEntry = { version?: string; optional?: boolean; engines?: { node?: string } };
const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { engines: { node: string } };
const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as {
  packages: Record<string, LockEntry>;
};
const oldestNode = semver.minVersion(pkg.engines.node)!.version;

describe("Node.js version", () => {
  it("every package the lockfile installs accepts the oldest Node.js that engines allows", () => {
    const refusing = Object.entries(lock.packages)
      // Optional platform binaries are skipped by npm when they do not fit; they never warn.
      .filter(([name, entry]) => name !== "" && !entry.optional && entry.engines?.node)
      .filter(([, entry]) => !semver.satisfies(oldestNode, entry.engines!.node!))
      .map(
        ([name, entry]) =>
          `${name.replace(/^.*node_modules\//, "")}@${entry.version} needs ${entry.engines!.node}`,
      );
    expect(refusing).toEqual([]);
  });

  it("the README names the same oldest version as engines", () => {
    const readme = readFileSync("README.md", "utf8");
    expect(readme).toContain(`Node.js ${oldestNode.replace(/\.0$/, "")} or newer`);
  });
});
