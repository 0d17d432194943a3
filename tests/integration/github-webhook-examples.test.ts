// GitHub's own published webhook payloads (@octokit/webhooks-examples), delivered as
// GitHub delivers them: the pull request closes, and an older delivery that arrives
// after it (GitHub retries, deliveries are not ordered) never moves it back.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/utils/db.server";
import { resetEnv } from "../../app/utils/env.server";
import { makeProject } from "../setup/factories";
import { signedDelivery } from "../mocks/webhooks";

const SECRET = "webhook-secret-for-examples";
type Example = {
  action: string;
  pull_request: { number: number; state: string; updated_at: string; title: string };
  repository: { full_name: string };
};
const definitions = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve("@octokit/webhooks-examples"), "utf8"),
) as { name: string; examples: Example[] }[];
const examples = definitions.find((d) => d.name === "pull_request")!.examples;
const example = (action: string) => examples.find((e) => e.action === action)!;
const deliver = (id: string, payload: Example) => signedDelivery(SECRET, "pull_request", id, payload)();

let prId: string;

beforeAll(async () => {
  process.env.GITHUB_WEBHOOK_SECRET = SECRET;
  resetEnv();
  await makeProject({ slug: "hello", repos: [["Codertocat", "Hello-World"]] });
  const person = await db.person.create({ data: { login: "Codertocat", name: "Coder Tocat" } });
  const cohort = await db.cohort.create({
    data: {
      slug: "ex",
      name: "Ex",
      applicationsOpenAt: new Date(),
      applicationsCloseAt: new Date(),
      startsOn: new Date(),
    },
  });
  const pr = await db.pullRequest.create({
    data: {
      owner: "Codertocat",
      repo: "Hello-World",
      number: 2,
      url: "https://github.com/Codertocat/Hello-World/pull/2",
      title: "Update the README with new information",
      authorLogin: "Codertocat",
      state: "open",
    },
  });
  await db.linkedPullRequest.create({
    data: { cohortId: cohort.id, pullRequestId: pr.id, personId: person.id },
  });
  prId = pr.id;
});

describe("GitHub's published pull_request payloads", () => {
  it("closes the pull request, and older deliveries arriving afterwards change nothing", async () => {
    const closed = example("closed");
    const opened = example("opened");
    const labeled = example("labeled");
    expect(closed.repository.full_name).toBe("Codertocat/Hello-World");
    expect(Date.parse(opened.pull_request.updated_at)).toBeLessThan(
      Date.parse(closed.pull_request.updated_at),
    );

    expect((await deliver("ex-closed", closed)).status).toBeLessThan(300);
    const afterClose = await db.pullRequest.findUniqueOrThrow({ where: { id: prId } });
    expect(afterClose.state).toBe("closed");

    for (const [id, older] of [
      ["ex-opened", opened],
      ["ex-labeled", labeled],
    ] as const) {
      expect((await deliver(id, older)).status, id).toBeLessThan(300);
      const stored = await db.pullRequest.findUniqueOrThrow({ where: { id: prId } });
      expect(stored.state, `${id} must not reopen it`).toBe("closed");
      expect(stored.upstreamUpdatedAt?.toISOString()).toBe(
        closed.pull_request.updated_at.replace("Z", ".000Z"),
      );
    }
  });
});
