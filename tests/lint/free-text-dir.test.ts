// Every field where people type free text takes right-to-left text too: textareas
// and text inputs carry dir="auto" (read-only copies of addresses are exempt).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? tsxFiles(full) : entry.name.endsWith(".tsx") ? [full] : [];
  });
}

/** `<textarea …>` and `<input …>` of type text (or no type) that lack dir="auto". */
export function fieldsWithoutDir(source: string): string[] {
  const missing: string[] = [];
  for (const match of source.matchAll(/<(textarea|input)\b((?:[^>"{]|"[^"]*"|\{[^}]*\})*)>/g)) {
    const [tag, name, attributes] = match;
    if (/\bdir=/.test(attributes) || /\breadOnly\b/.test(attributes)) continue;
    const type =
      /\btype="([a-z]+)"/.exec(attributes)?.[1] ?? (/\btype=\{/.test(attributes) ? "dynamic" : "text");
    if (name === "input" && type !== "text" && type !== "search") continue;
    missing.push(tag.replace(/\s+/g, " ").slice(0, 80));
  }
  return missing;
}

describe("free-text fields and right-to-left text", () => {
  it("finds a field without dir and accepts one with it", () => {
    expect(fieldsWithoutDir(`<textarea name="a" />`)).toHaveLength(1);
    expect(fieldsWithoutDir(`<input name="a" type="text" />`)).toHaveLength(1);
    expect(fieldsWithoutDir(`<textarea dir="auto" name="a" />`)).toEqual([]);
    expect(fieldsWithoutDir(`<input type="checkbox" name="a" />`)).toEqual([]);
  });

  it('every textarea and text input in the app has dir="auto"', () => {
    const offenders = tsxFiles(path.resolve("app")).flatMap((file) =>
      fieldsWithoutDir(readFileSync(file, "utf8")).map(
        (tag) => `${path.relative(process.cwd(), file)}: ${tag}`,
      ),
    );
    expect(offenders).toEqual([]);
  });
});
