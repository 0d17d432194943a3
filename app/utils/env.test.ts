import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.server";

describe("checked settings", () => {
  it("starts with no settings at all outside production, on the embedded database", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe("file:./prisma/data/cohort.db");
    expect(env.SYNC_INTERVAL_MINUTES).toBe(15);
  });

  it("refuses to start in production without GitHub sign-in, a session secret or the public address, in one line", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(
      /^Configuration error: production needs GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET, SESSION_SECRET, APP_URL/,
    );
    expect(() =>
      parseEnv({
        NODE_ENV: "production",
        GITHUB_CLIENT_ID: "a",
        GITHUB_CLIENT_SECRET: "b",
        SESSION_SECRET: "s".repeat(40),
      }),
    ).toThrow(/^Configuration error: production needs APP_URL /);
    expect(
      parseEnv({
        NODE_ENV: "production",
        GITHUB_CLIENT_ID: "a",
        GITHUB_CLIENT_SECRET: "b",
        SESSION_SECRET: "s".repeat(40),
        APP_URL: "https://cohort.example.org",
      }).APP_URL,
    ).toBe("https://cohort.example.org");
    const message = (() => {
      try {
        parseEnv({ NODE_ENV: "production", GITHUB_CLIENT_ID: "a", GITHUB_CLIENT_SECRET: "b" });
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toContain("SESSION_SECRET");
    expect(message?.split("\n")).toHaveLength(1);
  });

  it("names the malformed setting", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL must start with file:/);
    expect(() => parseEnv({ SESSION_SECRET: "short" })).toThrow(
      /SESSION_SECRET must be at least 32 characters/,
    );
  });
});
