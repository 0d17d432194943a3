import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkbox, parseForm } from "./forms";

const form = z.object({ needsHelp: checkbox });
const post = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return parseForm(form, data);
};

describe("a tick box", () => {
  it("is ticked when a browser sends 'on' or a script sends 'true' or '1', unticked when nothing comes", () => {
    expect(post([["needsHelp", "on"]])).toMatchObject({ ok: true, data: { needsHelp: true } });
    expect(post([["needsHelp", "true"]])).toMatchObject({ ok: true, data: { needsHelp: true } });
    expect(post([["needsHelp", "1"]])).toMatchObject({ ok: true, data: { needsHelp: true } });
    expect(post([])).toMatchObject({ ok: true, data: { needsHelp: false } });
    expect(post([["needsHelp", ""]])).toMatchObject({ ok: true, data: { needsHelp: false } });
  });

  it("refuses any other value on its own field, keeping what was sent to show again", () => {
    const result = post([["needsHelp", "yes"]]);
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ errors: { needsHelp: expect.any(String) }, values: { needsHelp: "yes" } });
  });
});
