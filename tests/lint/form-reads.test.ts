// Every action reads its body through a zod schema (`parseForm`/`parseButton` with a schema
// from the area's forms module), never field by field: `formData.get("intent")` chains and
// `String(formData.get("id") ?? "")` skip the checks and the one-sentence refusal.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROUTES = path.resolve("app/routes");

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

  it("no route action reads a field by hand (no exceptions today; a file upload would be one)", () => {
    const offenders = readdirSync(ROUTES)
      .filter((f) => /\.tsx?$/.test(f))
      .flatMap((file) =>
        handReads(readFileSync(path.join(ROUTES, file), "utf8")).map((r) => `${file}: ${r}`),
      );
    expect(offenders).toEqual([]);
  });
});
