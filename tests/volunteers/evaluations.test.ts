// Evaluations both ways: default rounds, draft and submit, late marking, who reads
// what (the navigator only aggregates across three participants), sharing with the
// participant, organizers' flags and reminders through the outbox.
import { beforeAll, describe, expect, it } from "vitest";
import * as indexRoute from "~/routes/cohorts.$slug.evaluations._index";
import * as writeRoute from "~/routes/cohorts.$slug.evaluations.$round";
import * as readRoute from "~/routes/cohorts.$slug.evaluations.responses.$id";
import * as overviewRoute from "~/routes/cohorts.$slug.progress";
import * as teamProgressRoute from "~/routes/cohorts.$slug.teams.$team_.progress";
import * as weekRoute from "~/routes/cohorts.$slug.week";
import * as homeRoute from "~/routes/home";
import { sendEvaluationReminders } from "~/evaluations/evaluations.server";
import { db } from "~/utils/db.server";
import { DAY_MS } from "~/utils/time";
import {
  addMember,
  callRoute,
  jsonOf,
  makeCohort,
  makePerson,
  makeProject,
  makeRequest,
  makeTeam,
  sessionCookieFor,
} from "../setup/factories";

type Who = "p1" | "p2" | "p3" | "p4" | "nav" | "lena";
let cohort: Awaited<ReturnType<typeof makeCohort>>;
let people: Record<Who, Awaited<ReturnType<typeof makePerson>>>;
let cookies: Record<Who, string>;
let midpointId: string;

const slug = () => cohort.slug;
const get = (fn: typeof indexRoute.loader, path: string, who: Who, params: Record<string, string>) =>
  callRoute(fn as never, makeRequest(path, { cookie: cookies[who] }), params);
const post = (
  fn: typeof indexRoute.action,
  path: string,
  who: Who,
  params: Record<string, string>,
  form: Record<string, string>,
) => callRoute(fn as never, makeRequest(path, { cookie: cookies[who], form }), params);
const write = (who: Who, form: Record<string, string>, about?: string) =>
  post(
    writeRoute.action as never,
    `/cohorts/${slug()}/evaluations/${midpointId}${about ? `?about=${about}` : ""}`,
    who,
    { slug: slug(), round: midpointId },
    form,
  );
const full = { "q-team": "4", "q-navigator": "5", "q-learning": "4", "q-comment": "Good weeks." };

beforeAll(async () => {
  const project = await makeProject({ slug: "django-e", name: "Django" });
  cohort = await makeCohort("running", { slug: "session-e", week: 3, projectIds: [project.id] });
  const team = await makeTeam(cohort.id, { slug: "pegasus", name: "Team Pegasus", projectId: project.id });
  people = {
    p1: await makePerson({ login: "p1", name: "Mei Lin" }),
    p2: await makePerson({ login: "p2", name: "Diego Ramírez" }),
    p3: await makePerson({ login: "p3", name: "Fatima Zahra" }),
    p4: await makePerson({ login: "p4", name: "Oliver Walsh" }),
    nav: await makePerson({ login: "nav", name: "Ana Souza" }),
    lena: await makePerson({ login: "lena", name: "Lena Fischer" }),
  };
  for (const k of ["p1", "p2", "p3", "p4"] as const)
    await addMember(cohort.id, people[k].id, "participant", team.id);
  await addMember(cohort.id, people.nav.id, "navigator", team.id);
  await addMember(cohort.id, people.lena.id, "organizer");
  cookies = {} as typeof cookies;
  for (const [k, p] of Object.entries(people)) cookies[k as Who] = await sessionCookieFor(p.id);
});

describe("rounds", () => {
  it("a cohort gets a midpoint round in week 3 and a final round in its last week, and the participant sees the midpoint due on their week page", async () => {
    const page = await jsonOf<{ page: { rounds: { id: string; title: string; afterWeek: number }[] } }>(
      await get(indexRoute.loader, `/cohorts/${slug()}/evaluations`, "lena", { slug: slug() }),
    );
    expect(page.page.rounds.map((r) => [r.title, r.afterWeek])).toEqual([
      ["Midpoint evaluation", 3],
      ["Final evaluation", 6],
    ]);
    midpointId = page.page.rounds[0].id;
    const week = await jsonOf<{ evaluations: { title: string; about: string; late: boolean }[] }>(
      await get(weekRoute.loader as never, `/cohorts/${slug()}/week`, "p1", { slug: slug() }),
    );
    expect(week.evaluations).toEqual([
      expect.objectContaining({
        title: "Midpoint evaluation",
        about: "your team, your navigator and your learning",
        late: false,
      }),
    ]);
    const home = await jsonOf<{ evaluations: { title: string; cohort: { name: string } }[] }>(
      await get(homeRoute.loader as never, "/home", "p1", {}),
    );
    expect(home.evaluations.map((e) => [e.title, e.cohort.name])).toEqual([
      ["Midpoint evaluation", cohort.name],
    ]);
  });

  it("an organizer moves a round; a round past the cohort's weeks or a bad question line is refused with a sentence", async () => {
    const base = {
      roundId: midpointId,
      title: "Midpoint evaluation",
      participantQuestions: "scale: My team works well together\ntext: Anything else?",
      navigatorQuestions: "scale: Engagement",
    };
    const tooLate = await post(
      indexRoute.action,
      `/cohorts/${slug()}/evaluations`,
      "lena",
      { slug: slug() },
      { ...base, afterWeek: "9" },
    );
    expect(tooLate.status).toBe(400);
    expect((await jsonOf<{ errors: Record<string, string> }>(tooLate)).errors.afterWeek).toMatch(/6 weeks/);
    const badLine = await post(
      indexRoute.action,
      `/cohorts/${slug()}/evaluations`,
      "lena",
      { slug: slug() },
      { ...base, afterWeek: "3", participantQuestions: "How is it going?" },
    );
    expect((await jsonOf<{ errors: Record<string, string> }>(badLine)).errors.participantQuestions).toMatch(
      /must start with “scale:” or “text:”/,
    );
    const clash = await post(
      indexRoute.action,
      `/cohorts/${slug()}/evaluations`,
      "lena",
      { slug: slug() },
      { ...base, afterWeek: "6" },
    );
    expect((await jsonOf<{ errors: Record<string, string> }>(clash)).errors.afterWeek).toMatch(
      /already falls in week 6/,
    );
    // The navigator cannot change rounds.
    expect(
      (
        await post(
          indexRoute.action,
          `/cohorts/${slug()}/evaluations`,
          "nav",
          { slug: slug() },
          { ...base, afterWeek: "3" },
        )
      ).status,
    ).toBe(403);
  });
});

describe("writing", () => {
  it("a draft keeps what was typed without the scales; submitting needs every scale", async () => {
    const draft = await write("p1", { intent: "draft", "q-comment": "Half-written thoughts" });
    expect(draft.status).toBe(302);
    const form = await jsonOf<{ form: { values: Record<string, string>; response: { status: string } } }>(
      await get(writeRoute.loader as never, `/cohorts/${slug()}/evaluations/${midpointId}`, "p1", {
        slug: slug(),
        round: midpointId,
      }),
    );
    expect(form.form.response.status).toBe("draft");
    expect(form.form.values["q-comment"]).toBe("Half-written thoughts");
    const refused = await write("p1", { intent: "submit", "q-team": "4" });
    expect(refused.status).toBe(400);
    expect((await jsonOf<{ errors: Record<string, string> }>(refused)).errors["q-navigator"]).toMatch(
      /Choose 1 to 5/,
    );
    const outOfRange = await write("p1", { intent: "submit", ...full, "q-team": "9" });
    expect((await jsonOf<{ errors: Record<string, string> }>(outOfRange)).errors["q-team"]).toMatch(/1 to 5/);
    expect((await write("p1", { intent: "submit", ...full })).status).toBe(302);
    const after = await db.evaluationResponse.findFirstOrThrow({ where: { authorId: people.p1.id } });
    expect(after).toMatchObject({ status: "submitted", late: false, subjectId: people.nav.id });
  });

  it("an evaluation submitted after its due time is marked late", async () => {
    const { saveEvaluation } = await import("~/evaluations/evaluations.server");
    const { getCohortAccess } = await import("~/auth/permissions.server");
    const access = await getCohortAccess({ ...people.p4, isAdmin: false } as never, slug());
    const dueAt = new Date(cohort.startsOn.getTime() + 3 * 7 * DAY_MS);
    const result = await saveEvaluation(
      access,
      midpointId,
      null,
      { intent: "submit", ...full },
      new Date(dueAt.getTime() + DAY_MS),
    );
    expect(result).toEqual({ ok: true, status: "submitted", late: true });
  });
});

describe("who reads what", () => {
  let aboutNavigatorId: string;
  let aboutParticipantId: string;

  it("the navigator sees no participant's evaluation of them, and an average only from three respondents", async () => {
    aboutNavigatorId = (await db.evaluationResponse.findFirstOrThrow({ where: { authorId: people.p1.id } }))
      .id;
    const read = (who: Who) =>
      get(readRoute.loader as never, `/cohorts/${slug()}/evaluations/responses/${aboutNavigatorId}`, who, {
        slug: slug(),
        id: aboutNavigatorId,
      });
    expect((await read("nav")).status).toBe(403);
    expect((await read("p2")).status).toBe(403);
    expect((await read("lena")).status).toBe(200);
    expect((await read("p1")).status).toBe(200);

    type Page = {
      page: {
        rounds: {
          navigatorView: {
            aboutMe: { respondents: number; scales: { key: string; mean: number }[] | null };
          } | null;
        }[];
      };
    };
    const navPage = async () =>
      (
        await jsonOf<Page>(
          await get(indexRoute.loader, `/cohorts/${slug()}/evaluations`, "nav", { slug: slug() }),
        )
      ).page.rounds[0].navigatorView!.aboutMe;
    expect(await navPage()).toEqual({ respondents: 2, scales: null });
    expect(
      (await write("p2", { intent: "submit", ...full, "q-navigator": "2", wantsToTalk: "on" })).status,
    ).toBe(302);
    const three = await navPage();
    expect(three.respondents).toBe(3);
    expect(three.scales!.find((s) => s.key === "navigator")!.mean).toBe(4); // (5 + 5 + 2) / 3
  });

  it("a navigator's evaluation of a participant reaches the participant only once an organizer shares it", async () => {
    expect(
      (
        await write(
          "nav",
          { intent: "submit", "q-engagement": "4", "q-progress": "3", "q-comment": "Steady **progress**." },
          "p3",
        )
      ).status,
    ).toBe(302);
    aboutParticipantId = (
      await db.evaluationResponse.findFirstOrThrow({
        where: { authorId: people.nav.id, subjectId: people.p3.id },
      })
    ).id;
    const read = (who: Who) =>
      get(readRoute.loader as never, `/cohorts/${slug()}/evaluations/responses/${aboutParticipantId}`, who, {
        slug: slug(),
        id: aboutParticipantId,
      });
    expect((await read("p3")).status).toBe(403);
    expect(
      (
        await post(
          readRoute.action as never,
          `/cohorts/${slug()}/evaluations/responses/${aboutParticipantId}`,
          "nav",
          { slug: slug(), id: aboutParticipantId },
          { intent: "share" },
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await post(
          readRoute.action as never,
          `/cohorts/${slug()}/evaluations/responses/${aboutParticipantId}`,
          "lena",
          { slug: slug(), id: aboutParticipantId },
          { intent: "share" },
        )
      ).status,
    ).toBe(302);
    const shown = await read("p3");
    expect(shown.status).toBe(200);
    const body = await jsonOf<{ r: { answers: { html: string }[] } }>(shown);
    expect(body.r.answers.map((a) => a.html).join("")).toContain("<strong>progress</strong>");
    expect((await read("p2")).status).toBe(403);
    const notice = await db.notice.findFirst({
      where: { personId: people.p3.id, kind: "evaluation_shared" },
    });
    expect(notice?.subject).toMatch(/ready to read/);
  });

  it("a low score or a wish to talk goes to the organizers' Needs attention, with completion figures", async () => {
    const overview = await jsonOf<{
      evaluationFlags: { name: string; reason: string }[];
      evaluations: { title: string; participants: { submitted: number; owed: number; late: number } }[];
    }>(await get(overviewRoute.loader as never, `/cohorts/${slug()}/progress`, "lena", { slug: slug() }));
    expect(overview.evaluationFlags).toEqual([
      expect.objectContaining({
        name: "Diego Ramírez",
        reason:
          "Participant: would like to talk to an organizer and gave a low score (2 of 5) in the midpoint evaluation",
      }),
    ]);
    expect(overview.evaluations[0]).toMatchObject({
      title: "Midpoint evaluation",
      participants: { submitted: 3, owed: 4, late: 1 },
    });
  });

  it("the navigator's team dashboard shows the same completion, and not what participants flagged", async () => {
    const response = await get(
      teamProgressRoute.loader as never,
      `/cohorts/${slug()}/teams/pegasus/progress`,
      "nav",
      { slug: slug(), team: "pegasus" },
    );
    const text = await response.text();
    const dashboard = JSON.parse(text) as {
      evaluations: { title: string; participants: { submitted: number; owed: number; late: number } }[];
    };
    expect(dashboard.evaluations[0]).toMatchObject({
      title: "Midpoint evaluation",
      participants: { submitted: 3, owed: 4, late: 1 },
    });
    expect(text).not.toContain("would like to talk to an organizer");
  });
});

describe("reminders", () => {
  it("everyone who still owes an open evaluation gets one notice, once", async () => {
    const first = await sendEvaluationReminders();
    // p3 (participant) and the navigator about p1, p2, p4 still owe the midpoint.
    expect(first).toBe(4);
    expect(await sendEvaluationReminders()).toBe(0);
    const toNav = await db.notice.findMany({ where: { personId: people.nav.id, kind: "evaluation_due" } });
    expect(toNav.map((n) => n.subject).sort()).toEqual([
      `Midpoint evaluation for ${cohort.name}: about Diego Ramírez`,
      `Midpoint evaluation for ${cohort.name}: about Mei Lin`,
      `Midpoint evaluation for ${cohort.name}: about Oliver Walsh`,
    ]);
  });
});

describe("a navigator of one team who takes part in another", () => {
  it("sees their navigated team's completion, not the team they are a participant of", async () => {
    const project = await makeProject({ slug: "django-dual", name: "Django" });
    const other = await makeCohort("running", { slug: "session-dual", week: 3, projectIds: [project.id] });
    const takesPart = await makeTeam(other.id, { slug: "lyra", name: "Team Lyra", projectId: project.id });
    const navigates = await makeTeam(other.id, { slug: "vega", name: "Team Vega", projectId: project.id });
    const dual = await makePerson({ login: "dual-e", name: "Kwame Mensah" });
    const mates = [await makePerson({ login: "mate-e" }), await makePerson({ login: "mate-f" })];
    const mentee = await makePerson({ login: "mentee-e" });
    await addMember(other.id, dual.id, "participant", takesPart.id);
    await addMember(other.id, dual.id, "navigator", navigates.id);
    for (const mate of mates) await addMember(other.id, mate.id, "participant", takesPart.id);
    await addMember(other.id, mentee.id, "participant", navigates.id);
    const page = await jsonOf<{
      page: { rounds: { navigatorView: { team: { owed: number } } | null }[] };
    }>(
      await callRoute(
        indexRoute.loader as never,
        makeRequest(`/cohorts/${other.slug}/evaluations`, { cookie: await sessionCookieFor(dual.id) }),
        { slug: other.slug },
      ),
    );
    // Team Vega's one participant owes an evaluation; Team Lyra's three are not the navigator's business.
    expect(page.page.rounds[0].navigatorView?.team.owed).toBe(1);
  });
});

describe("a finished cohort's rounds", () => {
  it("say they closed, with their dates, instead of “not open”", async () => {
    const done = await makeCohort("finished", { slug: "session-done" });
    const team = await makeTeam(done.id, { slug: "vega", name: "Team Vega" });
    await addMember(done.id, people.p1.id, "participant", team.id);
    await addMember(done.id, people.nav.id, "navigator", team.id);
    const page = await jsonOf<{
      page: {
        rounds: {
          title: string;
          state: string;
          open: boolean;
          dueAt: string;
          closesAt: string;
          own: { readHref: string | null; status: string }[];
        }[];
      };
    }>(await get(indexRoute.loader, `/cohorts/${done.slug}/evaluations`, "p1", { slug: done.slug }));
    expect(page.page.rounds.map((r) => [r.title, r.state, r.open])).toEqual([
      ["Midpoint evaluation", "closed", false],
      ["Final evaluation", "closed", false],
    ]);
    const final = page.page.rounds[1];
    // closed two weeks after it was due, the end of the cohort's last week
    expect(new Date(final.closesAt).getTime() - new Date(final.dueAt).getTime()).toBe(14 * DAY_MS);
    expect(new Date(final.dueAt).getTime()).toBe(done.startsOn.getTime() + 6 * 7 * DAY_MS);
    expect(final.own).toEqual([expect.objectContaining({ status: "todo", readHref: null })]);
  });
});
