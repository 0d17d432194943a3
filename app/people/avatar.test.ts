import { describe, expect, it } from "vitest";
import { callRoute, makePerson, makeRequest } from "../../tests/setup/factories";
import { initialsOf } from "./avatar.server";

describe("drawn avatars", () => {
  it("show the initials of the person's name, not of their login", async () => {
    await makePerson({ login: "mlin-dev", name: "Mei Lin" });
    const route = await import("~/routes/avatars.$file");
    const response = await callRoute(route.loader, makeRequest("/avatars/mlin-dev.svg"), {
      file: "mlin-dev.svg",
    });
    const svg = await response.text();
    expect(svg).toContain(">ML</text>");
    expect(svg).not.toContain(">MD</text>");
  });

  it("take the first and last word, keep letters of any script, and fall back to the login", () => {
    expect(initialsOf("Ana Paula de Souza", "ana")).toBe("AS");
    expect(initialsOf("Émile Zola", "ez")).toBe("ÉZ");
    expect(initialsOf("Prince", "p")).toBe("PR");
    expect(initialsOf("<b>", "hostile-login")).toBe("B");
    expect(initialsOf("  ", "tom-k")).toBe("TO");
  });
});
