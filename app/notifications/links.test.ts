import { afterEach, describe, expect, it } from "vitest";
import { resetEnv } from "~/utils/env.server";
import { noticeLink } from "./links.server";

const saved = { PORT: process.env.PORT, HOST: process.env.HOST, APP_URL: process.env.APP_URL };

describe("absolute links in notices", () => {
  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    resetEnv();
  });

  it("a notice written outside a request links to the port the demo listens on, not 3000", () => {
    Object.assign(process.env, { PORT: "3104" });
    delete process.env.HOST;
    delete process.env.APP_URL;
    resetEnv();
    expect(noticeLink("/cohorts/session-5/reflections/3/meilin-dev")).toBe(
      "http://localhost:3104/cohorts/session-5/reflections/3/meilin-dev",
    );
    process.env.HOST = "127.0.0.1";
    resetEnv();
    expect(noticeLink("/home")).toBe("http://127.0.0.1:3104/home");
  });

  it("APP_URL wins over the request's address, which wins over the listening address", () => {
    Object.assign(process.env, { PORT: "3104", APP_URL: "https://cohort.example.org/" });
    resetEnv();
    expect(noticeLink("/home", "http://127.0.0.1:9999")).toBe("https://cohort.example.org/home");
    delete process.env.APP_URL;
    resetEnv();
    expect(noticeLink("/home", "http://127.0.0.1:9999")).toBe("http://127.0.0.1:9999/home");
  });
});
