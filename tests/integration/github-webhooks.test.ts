// POST /webhooks/github: signature, replay, and the three events applied at once.
import { beforeAll, describe, expect, it } from "vitest";
import { resetEnv } from "../../app/utils/env.server";
import { db } from "../../app/utils/db.server";
import { makeProject } from "../setup/factories";
import { issueItem, pullBody } from "../mocks/github";
import { signedDelivery } from "../mocks/webhooks";

const SECRET = "webhook-secret-for-tests";
let prId: string;

function delivery(
  event: string,
  id: string,
  payload: unknown,
  options: { secret?: string; signature?: string } = {},
) {
  return signedDelivery(SECRET, event, id, payload, options);
}

const repository = { name: "wagtail", owner: { login: "wagtail" }, full_name: "wagtail/wagtail" };

beforeAll(async () => {
  process.env.GITHUB_WEBHOOK_SECRET = SECRET;
  resetEnv();
  const project = await makeProject({ slug: "wagtail", repos: [["wagtail", "wagtail"]] });
  const person = await db.person.create({ data: { login: "chloemartin", name: "Chloé Martin" } });
  const cohort = await db.cohort.create({
    data: {
      slug: "s",
      name: "S",
      applicationsOpenAt: new Date(),
      applicationsCloseAt: new Date(),
      startsOn: new Date(),
    },
  });
  const pr = await db.pullRequest.create({
    data: {
      owner: "wagtail",
      repo: "wagtail",
      number: 12560,
      url: "https://github.com/wagtail/wagtail/pull/12560",
      title: "old title",
      authorLogin: "chloemartin",
      state: "open",
      etag: 'W/"old"',
    },
  });
  await db.linkedPullRequest.create({
    data: { cohortId: cohort.id, pullRequestId: pr.id, personId: person.id },
  });
  prId = pr.id;
  void project;
});

describe("GitHub webhooks", () => {
  it("applies a correctly signed pull_request event at once", async () => {
    const payload = {
      action: "closed",
      number: 12560,
      pull_request: pullBody("wagtail", "wagtail", 12560, {
        title: "Add an accessible label",
        state: "closed",
        merged: true,
        login: "chloemartin",
      }),
      repository,
    };
    const response = await delivery("pull_request", "d-1", payload)();
    expect(response.status).toBe(200);
    expect(await db.pullRequest.findUniqueOrThrow({ where: { id: prId } })).toMatchObject({
      title: "Add an accessible label",
      state: "merged",
      etag: null,
    });
  });

  it("ignores a replayed delivery id", async () => {
    const payload = {
      action: "edited",
      number: 12560,
      pull_request: pullBody("wagtail", "wagtail", 12560, { title: "Replayed title", login: "chloemartin" }),
      repository,
    };
    const response = await delivery("pull_request", "d-1", payload)();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ message: expect.stringMatching(/Already processed/) });
    expect((await db.pullRequest.findUniqueOrThrow({ where: { id: prId } })).title).toBe(
      "Add an accessible label",
    );
  });

  it("refuses a bad signature with 401 and stores nothing", async () => {
    const payload = {
      action: "edited",
      number: 12560,
      pull_request: pullBody("wagtail", "wagtail", 12560, { title: "Forged title" }),
      repository,
    };
    const before = await db.webhookDelivery.count();
    expect((await delivery("pull_request", "d-2", payload, { secret: "not-the-secret" })()).status).toBe(401);
    expect((await delivery("pull_request", "d-3", payload, { signature: "sha256=deadbeef" })()).status).toBe(
      401,
    );
    expect(await db.webhookDelivery.count()).toBe(before);
    expect((await db.pullRequest.findUniqueOrThrow({ where: { id: prId } })).title).toBe(
      "Add an accessible label",
    );
  });

  it("answers 400 to a signed pull_request payload it cannot read, and keeps the stored pull request", async () => {
    const body = pullBody("wagtail", "wagtail", 12560, {
      title: "Half a payload",
      login: "chloemartin",
    }) as Record<string, unknown>;
    const payload = {
      action: "edited",
      number: 12560,
      pull_request: { ...body, created_at: undefined, title: 42 },
      repository,
    };
    const response = await delivery("pull_request", "d-bad-pr", payload)();
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/could not read/);
    expect((await db.pullRequest.findUniqueOrThrow({ where: { id: prId } })).title).toBe(
      "Add an accessible label",
    );
  });

  it("applies a submitted review", async () => {
    const payload = {
      action: "submitted",
      review: {
        state: "changes_requested",
        submitted_at: "2026-11-20T10:00:00Z",
        user: { login: "kmensah" },
      },
      pull_request: { number: 12560 },
      repository,
    };
    expect((await delivery("pull_request_review", "d-4", payload)()).status).toBe(200);
    expect(await db.pullRequest.findUniqueOrThrow({ where: { id: prId } })).toMatchObject({
      reviewState: "changes_requested",
      reviewCount: 1,
    });
  });

  it("adds a newly labelled starter issue and closes it when closed upstream", async () => {
    const opened = {
      action: "labeled",
      issue: issueItem("wagtail", "wagtail", 12600, {
        title: "Add alt text help to the image chooser",
        labels: ["good first issue"],
      }),
      repository,
    };
    expect((await delivery("issues", "d-5", opened)()).status).toBe(200);
    expect(
      await db.starterIssue.findUnique({
        where: { source_externalKey: { source: "github", externalKey: "wagtail/wagtail#12600" } },
      }),
    ).toMatchObject({ state: "open" });
    const closed = {
      action: "closed",
      issue: issueItem("wagtail", "wagtail", 12600, {
        title: "Add alt text help to the image chooser",
        state: "closed",
      }),
      repository,
    };
    expect((await delivery("issues", "d-6", closed)()).status).toBe(200);
    expect(
      await db.starterIssue.findUnique({
        where: { source_externalKey: { source: "github", externalKey: "wagtail/wagtail#12600" } },
      }),
    ).toMatchObject({ state: "closed" });
  });

  it("refuses every delivery when no secret is configured", async () => {
    delete process.env.GITHUB_WEBHOOK_SECRET;
    resetEnv();
    expect((await delivery("pull_request", "d-7", { repository })()).status).toBe(401);
  });
});
