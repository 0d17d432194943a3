// The import boundaries hold by rule: a deliberately wrong import in a scratch file of
// each layer fails `npm run lint`, and the right import passes.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint();

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("import boundaries", () => {
  it("a route may import a domain module, a component, auth and utils", async () => {
    const code = [
      'import { requireUser } from "~/auth/permissions.server";',
      'import { Markdown } from "~/components/markdown";',
      'import { env } from "~/utils/env.server";',
      'import { boardFor } from "~/issues/board.server";',
      "export const x = [requireUser, Markdown, env, boardFor];",
    ].join("\n");
    expect(await restrictedImports("app/routes/scratch.tsx", code)).toEqual([]);
  });

  it.each([
    ['import { db } from "~/utils/db.server";', "never the database"],
    ['import { PrismaClient } from "@prisma/client";', "never the database"],
    ['import { Octokit } from "@octokit/rest";', "never talk to GitHub"],
    ['import { fetchTracCsv } from "~/integrations/trac.server";', "never call an integration"],
    ['import { loader } from "./login";', "never imports another route"],
  ])("a route importing %s fails", async (line, message) => {
    const found = await restrictedImports("app/routes/scratch.tsx", `${line}\nexport const y = 1;`);
    expect(found.join("\n")).toContain(message);
  });

  it("a domain module importing a route or a component fails", async () => {
    expect(
      (
        await restrictedImports("app/teams/scratch.server.ts", 'import { loader } from "~/routes/login";')
      ).join(),
    ).toContain("never import routes");
    expect(
      (
        await restrictedImports(
          "app/teams/scratch.server.ts",
          'import { Markdown } from "~/components/markdown";',
        )
      ).join(),
    ).toContain("never import components");
  });

  it("an integration importing a domain module fails, utils pass", async () => {
    expect(
      (
        await restrictedImports(
          "app/integrations/scratch.server.ts",
          'import { boardFor } from "~/issues/board.server";',
        )
      ).join(),
    ).toContain("only utils");
    expect(
      await restrictedImports(
        "app/integrations/scratch.server.ts",
        'import { env } from "~/utils/env.server";',
      ),
    ).toEqual([]);
  });

  it.each([
    ["app/pulls/scratch.server.ts", 'import { x } from "~/issues/board.server";'],
    ["app/reflections/scratch.server.ts", 'import { x } from "~/dashboards/progress.server";'],
    ["app/applications/scratch.server.ts", 'import { x } from "~/review/review.server";'],
  ])("areas import each other in one direction only: %s", async (file, line) => {
    expect((await restrictedImports(file, line)).length).toBe(1);
  });
});
