import { describe, expect, it } from "vitest";
import { redactIdentity } from "./blind";

const nkechi = { name: "Nkechi Eze", login: "nkechieze", email: "nkechi@example.org" };

describe("redactIdentity", () => {
  it("blanks a GitHub profile link, the e-mail and the names", () => {
    expect(redactIdentity("https://github.com/nkechieze", nkechi)).toBe("https://github.com/[hidden]");
    expect(redactIdentity("Write to nkechi@example.org", nkechi)).toBe("Write to [hidden]");
    expect(redactIdentity("I am NKECHI EZE from Lagos; Nkechi likes tests.", nkechi)).toBe(
      "I am [hidden] from Lagos; [hidden] likes tests.",
    );
  });

  it("leaves other words alone, even when they contain a name", () => {
    expect(redactIdentity("Banana bread and breeze", { name: "Ana Eze", login: "ae", email: null })).toBe(
      "Banana bread and breeze",
    );
  });
});
