import { describe, expect, it, vi } from "vitest";
import { resetEnv } from "./env.server";

describe("GET /healthz", () => {
  it("answers ok when the database answers", async () => {
    const { loader } = await import("~/routes/healthz");
    const response = await loader();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "ok" });
  });

  it("answers 503 with a reason when the database is unreachable", async () => {
    const saved = process.env.DATABASE_URL;
    // The route uses the process's client; point a fresh module graph at a dead server.
    vi.resetModules();
    process.env.DATABASE_URL = "postgresql://nobody@127.0.0.1:1/none";
    resetEnv();
    try {
      const { loader } = await import("~/routes/healthz");
      const response = await loader();
      expect(response.status).toBe(503);
      const body = (await response.json()) as { status: string; db: string; reason: string };
      expect(body).toMatchObject({ status: "error", db: "unreachable" });
      expect(body.reason.length).toBeGreaterThan(0);
    } finally {
      process.env.DATABASE_URL = saved;
      resetEnv();
    }
  });
});
