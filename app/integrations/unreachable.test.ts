import { describe, expect, it } from "vitest";
import { unreachableReason } from "./unreachable";

describe("why GitHub or Trac could not be reached, in words", () => {
  it.each([
    ["getaddrinfo ENOTFOUND api.github.com", "its address could not be looked up (is this server offline?)"],
    ["connect ECONNREFUSED 127.0.0.1:443", "the connection was refused"],
    ["read ECONNRESET", "the connection was cut off"],
    ["The operation was aborted due to timeout", "it did not answer in time"],
    [undefined, "no answer came"],
  ])("%s → %s", (cause, words) => {
    expect(unreachableReason(cause)).toBe(words);
  });
});
