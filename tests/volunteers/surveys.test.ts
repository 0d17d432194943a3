// Surveys: the weekly pulse (off until an organizer switches it on, question
// picked or written, previewed), the end-of-cohort survey (previewed, then opened),
// one answer per participant, results by week and by team with groups below three
// people hidden, the chart and its table showing the same counts, free text only as
// sanitized HTML, and the CSV export.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { QuestionResults, type QuestionResultView } from "~/components/survey-results";
import * as answerRoute from "~/routes/cohorts.$slug.surveys.$id";
import * as surveysRoute from "~/routes/cohorts.$slug.surveys._index";
import * as resultsRoute from "~/routes/cohorts.$slug.surveys.results";
import * as csvRoute from "~/routes/cohorts.$slug.surveys.results[.]csv";
import * as weekRoute from "~/routes/cohorts.$slug.week";
import * as homeRoute from "~/routes/home";
import { pulseWindow } from "~/surveys/rules";
import { db } from "~/utils/db.server";
import {
  addMember,
  callRoute,
  jsonOf,
  makeCohort,
  makePerson,
  makeRequest,
  makeTeam,
  sessionCookieFor,
} from "../setup/factories";

type Who = "a1" | "a2" | "a3" | "a4" | "b1" | "b2" | "lena";
type Cohort = Awaited<ReturnType<typeof makeCohort>>;
let cohort: Cohort;
let teams: { a: string; b: string };
let people: Record<Who, { id: string }>;
let cookies: Record<Who, string>;

type OpenSurveyJson = { id: string; title: string; questions: { key: string; label: string }[] };
type ResultsJson = {
  results: {
    pulse: { weeks: { week: number; answers: number }[]; questions: QuestionResultView[] };
    end: { answers: number; questions: QuestionResultView[] } | null;
  };
};

const slug = () => cohort.slug;
const call = (
  fn: unknown,
  path: string,
  who: Who,
  params: Record<string, string>,
  form?: Record<string, string>,
) => callRoute(fn as never, makeRequest(path, { cookie: cookies[who], form }), params);
const organizer = (form: Record<string, string>) =>
  call(surveysRoute.action, `/cohorts/${slug()}/surveys`, "lena", { slug: slug() }, form);
const weekSurveys = async (who: Who) =>
  (
    await jsonOf<{ surveys: OpenSurveyJson[] }>(
      await call(weekRoute.loader, `/cohorts/${slug()}/week`, who, { slug: slug() }),
    )
  ).surveys;
const answer = (who: Who, surveyId: string, form: Record<string, string>) =>
  call(
    answerRoute.action,
    `/cohorts/${slug()}/surveys/${surveyId}`,
    who,
    { slug: slug(), id: surveyId },
    form,
  );
const results = async () =>
  (
    await jsonOf<ResultsJson>(
      await call(resultsRoute.loader, `/cohorts/${slug()}/surveys/results`, "lena", { slug: slug() }),
    )
  ).results;

/** A past week's pulse with these answers (1–5) from these people. */
async function pastPulse(week: number, answers: [Who, string][]) {
  const window = pulseWindow(cohort, week);
  const survey = await db.survey.create({
    data: {
      cohortId: cohort.id,
      kind: "pulse",
      week,
      title: `Week ${week} pulse`,
      questions: JSON.stringify([{ key: "pulse", type: "likert", label: "I feel welcome in the community" }]),
      sentAt: window.opensAt,
      closesAt: window.closesAt,
    },
  });
  for (const [who, value] of answers)
    await db.surveyResponse.create({
      data: {
        surveyId: survey.id,
        personId: people[who].id,
        teamId: who.startsWith("a") ? teams.a : teams.b,
        answers: JSON.stringify({ pulse: value }),
      },
    });
}

beforeAll(async () => {
  cohort = await makeCohort("running", { slug: "session-s", week: 3 });
  const a = await makeTeam(cohort.id, { slug: "andromeda", name: "Team Andromeda" });
  const b = await makeTeam(cohort.id, { slug: "vega", name: "Team Vega" });
  teams = { a: a.id, b: b.id };
  people = {} as typeof people;
  cookies = {} as typeof cookies;
  for (const who of ["a1", "a2", "a3", "a4", "b1", "b2", "lena"] as Who[]) {
    people[who] = await makePerson({ login: `s-${who}` });
    cookies[who] = await sessionCookieFor(people[who].id);
    if (who === "lena") await addMember(cohort.id, people[who].id, "organizer");
    else await addMember(cohort.id, people[who].id, "participant", who.startsWith("a") ? a.id : b.id);
  }
});

describe("the weekly pulse", () => {
  it("is off until an organizer switches it on; the organizer sees the question as participants will first", async () => {
    expect(await weekSurveys("a1")).toEqual([]);
    const page = await jsonOf<{
      page: { pulse: { enabled: boolean; preview: { label: string; type: string }[] } };
    }>(await call(surveysRoute.loader, `/cohorts/${slug()}/surveys`, "lena", { slug: slug() }));
    expect(page.page.pulse.enabled).toBe(false);
    expect(page.page.pulse.preview).toEqual([
      expect.objectContaining({ type: "likert", label: "I feel welcome in the community" }),
    ]);
  });

  it("refuses an empty question with a sentence, saves a picked one into the preview, and switching it on puts it on the participant's week and home pages", async () => {
    const empty = await organizer({ intent: "pulse-save", questionType: "likert", question: " " });
    expect(empty.status).toBe(400);
    expect((await jsonOf<{ errors: Record<string, string> }>(empty)).errors.question).toMatch(
      /Write the question/,
    );
    expect(
      (
        await organizer({
          intent: "pulse-save",
          questionType: "likert",
          question: "I know where to ask for help",
        })
      ).status,
    ).toBe(302);
    const page = await jsonOf<{ page: { pulse: { preview: { label: string }[] } } }>(
      await call(surveysRoute.loader, `/cohorts/${slug()}/surveys`, "lena", { slug: slug() }),
    );
    expect(page.page.pulse.preview[0].label).toBe("I know where to ask for help");
    expect(await weekSurveys("a1")).toEqual([]); // saved, not switched on
    expect((await organizer({ intent: "pulse-on" })).status).toBe(302);
    const open = await weekSurveys("a1");
    expect(open).toEqual([
      expect.objectContaining({
        title: "Week 3 pulse",
        questions: [expect.objectContaining({ label: "I know where to ask for help" })],
      }),
    ]);
    const home = await jsonOf<{ surveys: OpenSurveyJson[] }>(await call(homeRoute.loader, "/home", "a1", {}));
    expect(home.surveys.map((s) => s.id)).toEqual([open[0].id]);
  });

  it("takes one answer per person: a missing or impossible choice is refused with a sentence, a second answer too", async () => {
    const [pulse] = await weekSurveys("a1");
    const missing = await answer("a1", pulse.id, { returnTo: "/home" });
    expect(missing.status).toBe(400);
    expect((await jsonOf<{ errors: Record<string, string> }>(missing)).errors["q-pulse"]).toMatch(
      /Choose an answer for “I know where to ask for help”/,
    );
    const seven = await answer("a1", pulse.id, { "q-pulse": "7" });
    expect((await jsonOf<{ errors: Record<string, string> }>(seven)).errors["q-pulse"]).toMatch(
      /from 1 to 5/,
    );
    const ok = await answer("a1", pulse.id, { "q-pulse": "4", returnTo: "/home" });
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toBe("/home");
    // somewhere else than home or the week is not followed
    const elsewhere = await answer("a2", pulse.id, { "q-pulse": "5", returnTo: "https://evil.example/" });
    expect(elsewhere.headers.get("Location")).toBe(`/cohorts/${slug()}/week`);
    const again = await answer("a1", pulse.id, { "q-pulse": "2" });
    expect(again.status).toBe(400);
    expect((await jsonOf<{ errors: Record<string, string> }>(again)).errors.form).toMatch(/already answered/);
    expect(await weekSurveys("a1")).toEqual([]);
    expect(await db.surveyResponse.count({ where: { surveyId: pulse.id, personId: people.a1.id } })).toBe(1);
  });

  it("an organizer's new question waits for next week once people have answered this week's", async () => {
    const changed = await organizer({
      intent: "pulse-save",
      questionType: "likert",
      question: "I feel confident",
    });
    expect(changed.status).toBe(302);
    const [pulse] = await weekSurveys("a3");
    expect(pulse.questions[0].label).toBe("I know where to ask for help");
  });
});

describe("pulse results", () => {
  beforeAll(async () => {
    await pastPulse(1, [
      ["a1", "4"],
      ["a2", "5"],
      ["a3", "2"],
      ["a4", "4"],
      ["b1", "3"],
      ["b2", "1"],
    ]);
    await pastPulse(2, [
      ["a1", "5"],
      ["b1", "4"],
    ]);
  });

  it("counts each answer by week and by team, and hides a week or team with fewer than three people, saying so", async () => {
    const r = await results();
    const welcome = r.pulse.questions.find((q) => q.label === "I feel welcome in the community")!;
    const byWeek = welcome.groupings.find((g) => g.by === "week")!;
    expect(byWeek.shown).toEqual([
      expect.objectContaining({ group: "Week 1", respondents: 6, counts: [1, 1, 1, 2, 1] }),
    ]);
    expect(byWeek.hidden).toEqual(["Week 2"]);
    const byTeam = welcome.groupings.find((g) => g.by === "team")!;
    // Andromeda: 4 people, 5 answers over two weeks; Vega: 2 people, hidden whatever its answers
    expect(byTeam.shown).toEqual([
      expect.objectContaining({
        group: "Team Andromeda",
        respondents: 4,
        answers: 5,
        counts: [0, 1, 0, 2, 2],
      }),
    ]);
    expect(byTeam.hidden).toEqual(["Team Vega"]);
    const html = renderToStaticMarkup(createElement(QuestionResults, { result: welcome }));
    expect(html).toContain("Week 2 is not shown: fewer than three people answered");
    expect(html).toContain("Team Vega is not shown");
    expect(html).not.toContain(">Week 2<");
  });

  it("the chart and its table show the same counts", async () => {
    const r = await results();
    const welcome = r.pulse.questions.find((q) => q.label === "I feel welcome in the community")!;
    const html = renderToStaticMarkup(createElement(QuestionResults, { result: welcome }));
    for (const figure of html.split("<figure").slice(1)) {
      // each bar segment's title reads "<group>: <count> <answer>"
      const bars = [...figure.matchAll(/<rect [^>]*><title>([^<]+): (\d+) (\d) — [^<]+<\/title>/g)].map(
        (m) => `${m[1]}|${m[3]}|${m[2]}`,
      );
      const header = [...figure.matchAll(/<th scope="col">(\d) — [^<]+<\/th>/g)].map((m) => m[1]);
      const cells = [
        ...figure.matchAll(/<tr><th scope="row">([^<]+)<\/th>((?:<td>\d+<\/td>)+)<\/tr>/g),
      ].flatMap((row) =>
        [...row[2].matchAll(/<td>(\d+)<\/td>/g)]
          .map((c, i) => `${row[1]}|${header[i]}|${c[1]}`)
          .filter((cell) => !cell.endsWith("|0")),
      );
      expect(header).toEqual(["1", "2", "3", "4", "5"]);
      expect(bars.length).toBeGreaterThan(0);
      expect(bars.sort()).toEqual(cells.sort());
    }
  });

  it("exports the shown groups as CSV with the headers of the other exports, rate limited", async () => {
    const response = await call(csvRoute.loader, `/cohorts/${slug()}/surveys/results.csv`, "lena", {
      slug: slug(),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(
      'attachment; filename="session-s-survey-results.csv"',
    );
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const csv = await response.text();
    expect(csv.split("\r\n")[0]).toBe(
      "survey,question,grouped by,group,people,answers,Strongly disagree,Disagree,Neither agree nor disagree,Agree,Strongly agree,mean",
    );
    expect(csv).toContain("Weekly pulse,I feel welcome in the community,week,Week 1,6,6,1,1,1,2,1,3.2");
    expect(csv).not.toContain("Week 2");
    expect(csv).not.toContain("Team Vega");
    let last = response;
    for (let i = 0; i < 10; i++)
      last = await call(csvRoute.loader, `/cohorts/${slug()}/surveys/results.csv`, "lena", { slug: slug() });
    expect(last.status).toBe(429);
    expect(await last.text()).toMatch(/Too many CSV exports/);
  });
});

describe("the end-of-cohort survey", () => {
  it("is previewed with CHAOSS's Newcomer Experience statements, refuses a bad line, and reaches participants only once opened", async () => {
    const page = await jsonOf<{ page: { end: { state: string; questions: { label: string }[] } } }>(
      await call(surveysRoute.loader, `/cohorts/${slug()}/surveys`, "lena", { slug: slug() }),
    );
    expect(page.page.end.state).toBe("draft");
    expect(page.page.end.questions.map((q) => q.label)).toEqual(
      expect.arrayContaining(["I feel welcome in the community", "I know where to ask for help"]),
    );
    const bad = await organizer({ intent: "end-save", questions: "likert: I feel welcome\nrate: 1 to 10" });
    expect((await jsonOf<{ errors: Record<string, string> }>(bad)).errors.questions).toMatch(
      /Line 2 .* must start with “likert:” or “text:”/,
    );
    await organizer({
      intent: "end-save",
      questions: "likert: I feel welcome in the community\ntext: What should we change?",
    });
    const titles = async () => (await weekSurveys("b1")).map((x) => x.title);
    expect(await titles()).not.toContain("End-of-cohort survey");
    expect((await organizer({ intent: "end-open" })).status).toBe(302);
    expect(await titles()).toContain("End-of-cohort survey");
    const notices = await db.notice.findMany({ where: { kind: "survey_open", cohortId: cohort.id } });
    expect(notices.map((n) => n.personId).sort()).toEqual(
      (["a1", "a2", "a3", "a4", "b1", "b2"] as Who[]).map((w) => people[w].id).sort(),
    );
    expect(notices[0].bodyText).toMatch(/Answer it: http.*\/cohorts\/session-s\/surveys\//);
    expect((await organizer({ intent: "end-open" })).status).toBe(302); // a second click sends nothing more
    expect(await db.notice.count({ where: { kind: "survey_open", cohortId: cohort.id } })).toBe(6);
    const late = await organizer({ intent: "end-save", questions: "likert: Something else" });
    expect((await jsonOf<{ errors: Record<string, string> }>(late)).errors.questions).toMatch(/already open/);
  });

  it("shows free text to organizers through the Markdown sanitizer, and the statements overall and by team", async () => {
    const [end] = (await weekSurveys("a1")).filter((x) => x.title === "End-of-cohort survey");
    for (const [who, v] of [
      ["a1", "5"],
      ["a2", "4"],
      ["a3", "4"],
    ] as [Who, string][])
      expect(
        (
          await answer(who, end.id, {
            "q-i-feel-welcome-in-the-community": v,
            "q-what-should-we-change": who === "a1" ? "**More pairing** <script>alert(1)</script>" : "",
          })
        ).status,
      ).toBe(302);
    const r = await results();
    expect(r.end?.answers).toBe(3);
    const [welcome, change] = r.end!.questions;
    expect(welcome.groupings.map((g) => [g.by, g.shown.map((d) => [d.group, d.counts]), g.hidden])).toEqual([
      ["everyone", [["Everyone", [0, 0, 0, 2, 1]]], []],
      ["team", [["Team Andromeda", [0, 0, 0, 2, 1]]], []],
    ]);
    expect(change.texts).toHaveLength(1);
    expect(change.texts[0].html).toContain("<strong>More pairing</strong>");
    expect(change.texts[0].html).not.toContain("<script");
  });

  it("cannot be opened before the cohort runs", async () => {
    const early = await makeCohort("review", { slug: "session-early" });
    await addMember(early.id, people.lena.id, "organizer");
    const refused = await call(
      surveysRoute.action,
      `/cohorts/${early.slug}/surveys`,
      "lena",
      { slug: early.slug },
      {
        intent: "end-open",
      },
    );
    expect(refused.status).toBe(400);
    expect((await jsonOf<{ errors: Record<string, string> }>(refused)).errors.form).toMatch(
      /once the cohort is running/,
    );
  });
});
