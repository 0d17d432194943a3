// Runs before each test file: its own database, no network, a known clock zone.
import path from "node:path";
import { afterAll, afterEach, beforeAll } from "vitest";
import { resetEnv } from "../../app/utils/env.server";
import { mockServer } from "../mocks/server";
import { createTestDatabase, type TestDatabase } from "./database";

process.env.NODE_ENV = "test";
process.env.TZ = "UTC";
delete process.env.GITHUB_CLIENT_ID;
delete process.env.GITHUB_CLIENT_SECRET;
delete process.env.SMTP_URL;
delete process.env.GITHUB_TOKEN;

let database: TestDatabase | undefined;

beforeAll(async () => {
  const testFile = expect.getState().testPath ?? "test";
  database = await createTestDatabase(path.basename(testFile));
  process.env.DATABASE_URL = database.url;
  resetEnv();
  mockServer.listen({ onUnhandledRequest: "error" });
});

afterEach(() => {
  mockServer.resetHandlers();
});

afterAll(async () => {
  mockServer.close();
  const { db } = await import("../../app/utils/db.server");
  await db.$disconnect().catch(() => undefined);
  await database?.dispose();
});
