// Every action reads its body through a zod schema (`parseForm`/`parseButton` with a schema
// from the area's forms module), never field by field: `formData.get("intent")` chains and
// `String(formData.get("id") ?? "")` skip the checks and the one-sentence refusal.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROUTES = path.resolve("app/routes");

/**
 * Routes that still read some fields by hand, each with its reason. The list may only
 * shrink: a file listed here that no longer needs it fails the test.
 */
const NOT_YET: Record<string, string> = {
  "cohorts.$slug.form.tsx": "question/criterion ids and the copy source; intent switch (issue 16)",
  "cohorts.$slug.public-page.tsx": "intent switch and the FAQ item id (issue 16)",
};

/** `x.get(` / `x.getAll(` on a body read with `readForm`, named or inline. */
export function handReads(source: string): string[] {
  const names = [...source.matchAll(/\b(?:const|let)\s+(\w+)\s*=\s*await\s+readForm\(/g)].map((m) => m[1]);
  const reads = names.flatMap((name) => [
    ...source.matchAll(new RegExp(`\\b${name}\\.(?:get|getAll)\\(\\s*("[^"]*"|[^)]*)`, "g")),
  ]);
  reads.push(...source.matchAll(/\(\s*await\s+readForm\([^)]*\)\s*\)\.(?:get|getAll)\(\s*("[^"]*"|[^)]*)/g));
  return reads.map((m) => m[0]);
}

describe("actions read their forms through zod", () => {
  it("finds a hand read and accepts a parsed form", () => {
    expect(handReads(`const formData = await readForm(request);\nformData.get("intent")`)).toHaveLength(1);
    expect(handReads(`const body = await readForm(request);\nbody.getAll("id")`)).toHaveLength(1);
    expect(handReads(`(await readForm(request)).get("id")`)).toHaveLength(1);
    expect(handReads(`const parsed = parseButton(form, await readForm(request));`)).toEqual([]);
    expect(handReads(`url.searchParams.get("page")`)).toEqual([]);
  });

  it("no route action reads a field by hand, apart from the files listed with a reason", () => {
    const files = readdirSync(ROUTES).filter((f) => /\.tsx?$/.test(f));
    const offenders = files.flatMap((file) =>
      NOT_YET[file]
        ? []
        : handReads(readFileSync(path.join(ROUTES, file), "utf8")).map((r) => `${file}: ${r}`),
    );
    expect(offenders).toEqual([]);
    const stale = Object.keys(NOT_YET).filter(
      (file) =>
        !files.includes(file) || handReads(readFileSync(path.join(ROUTES, file), "utf8")).length === 0,
    );
    expect(stale, "listed files that no longer read by hand: remove them from NOT_YET").toEqual([]);
  });
});
