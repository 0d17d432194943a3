// The demo shows issue 15 with believable data: Session 6's open call for navigators
// and captains is linked from its public page; Session 5 has its midpoint evaluation
// due this week and pulse results over past weeks; Session 4 its final evaluations and
// end-of-cohort survey results; organizers reach evaluations and surveys from the
// cohort's navigation.
import { beforeAll, describe, expect, it } from "vitest";
import * as layoutRoute from "~/routes/cohorts.$slug";
import * as overviewRoute from "~/routes/cohorts.$slug._index";
import * as evaluationsRoute from "~/routes/cohorts.$slug.evaluations._index";
import * as resultsRoute from "~/routes/cohorts.$slug.surveys.results";
import * as weekRoute from "~/routes/cohorts.$slug.week";
import type { QuestionResultView } from "~/components/survey-results";
import { db } from "~/utils/db.server";
import { seedDemo } from "../../prisma/seed/index";
import { callRoute, jsonOf, makeRequest, sessionCookieFor } from "../setup/factories";

let lena: string;
let mei: string;

beforeAll(async () => {
  await seedDemo(db);
  const cookieOf = async (login: string) =>
    sessionCookieFor((await db.person.findUniqueOrThrow({ where: { login } })).id);
  lena = await cookieOf("lenafischer");
  mei = await cookieOf("meilin-dev");
}, 120_000);

const get = async <T>(fn: unknown, path: string, params: Record<string, string>, cookie?: string) =>
  jsonOf<T>(await callRoute(fn as never, makeRequest(path, { cookie }), params));

type Results = {
  results: {
    pulse: { weeks: { week: number; answers: number }[]; questions: QuestionResultView[] };
    end: { answers: number; questions: QuestionResultView[] } | null;
  };
};

describe("the demo", () => {
  it("links the upcoming cohort's call for navigators and captains from its public page", async () => {
    const page = await get<{ volunteerCall: { href: string } | null }>(
      overviewRoute.loader,
      "/cohorts/session-6",
      { slug: "session-6" },
    );
    expect(page.volunteerCall?.href).toBe("/cohorts/session-6/volunteer");
  });

  it("gives organizers Evaluations and Surveys in the running and the finished cohort's navigation", async () => {
    for (const slug of ["session-5", "session-4"]) {
      const nav = await get<{ links: { label: string; href: string }[] }>(
        layoutRoute.loader,
        `/cohorts/${slug}`,
        { slug },
        lena,
      );
      expect(nav.links).toEqual(
        expect.arrayContaining([
          { label: "Evaluations", href: `/cohorts/${slug}/evaluations` },
          { label: "Surveys", href: `/cohorts/${slug}/surveys` },
        ]),
      );
    }
  });

  it("has the running cohort's midpoint evaluation due and its pulse results over past weeks, this week's pulse open to Mei", async () => {
    const evaluations = await get<{ page: { rounds: { title: string; state: string }[] } }>(
      evaluationsRoute.loader,
      "/cohorts/session-5/evaluations",
      { slug: "session-5" },
      lena,
    );
    expect(evaluations.page.rounds[0]).toEqual(
      expect.objectContaining({ title: "Midpoint evaluation", state: "open" }),
    );
    const { results } = await get<Results>(
      resultsRoute.loader,
      "/cohorts/session-5/surveys/results",
      { slug: "session-5" },
      lena,
    );
    expect(results.pulse.weeks).toEqual([
      { week: 1, answers: 10 },
      { week: 2, answers: 9 },
      { week: 3, answers: 2 },
    ]);
    const [welcome] = results.pulse.questions;
    const byWeek = welcome.groupings.find((g) => g.by === "week")!;
    expect(byWeek.shown.map((d) => d.group)).toEqual(["Week 1", "Week 2"]);
    expect(byWeek.hidden).toEqual(["Week 3"]);
    expect(welcome.groupings.find((g) => g.by === "team")!.shown.map((d) => d.group)).toEqual([
      "Team Andromeda",
      "Team Orion",
      "Team Pegasus",
    ]);
    const week = await get<{ surveys: { title: string }[] }>(
      weekRoute.loader,
      "/cohorts/session-5/week",
      { slug: "session-5" },
      mei,
    );
    expect(week.surveys.map((s) => s.title)).toEqual(["Week 3 pulse"]);
  });

  it("has the finished cohort's final evaluations and end-of-cohort survey results", async () => {
    const evaluations = await get<{
      page: { rounds: { title: string; state: string; organizerView: { submitted: unknown[] } }[] };
    }>(evaluationsRoute.loader, "/cohorts/session-4/evaluations", { slug: "session-4" }, lena);
    const final = evaluations.page.rounds.find((r) => r.title === "Final evaluation")!;
    expect(final.state).toBe("closed");
    expect(final.organizerView.submitted).toHaveLength(6);
    const { results } = await get<Results>(
      resultsRoute.loader,
      "/cohorts/session-4/surveys/results",
      { slug: "session-4" },
      lena,
    );
    expect(results.end?.answers).toBe(3);
    const welcome = results.end!.questions.find((q) => q.label === "I feel welcome in the community")!;
    expect(welcome.groupings[0].shown).toEqual([
      expect.objectContaining({ group: "Everyone", respondents: 3 }),
    ]);
    const change = results.end!.questions.find((q) => q.type === "text")!;
    expect(change.texts.map((t) => t.html).join("")).toContain("<strong>pairing sessions</strong>");
  });
});
