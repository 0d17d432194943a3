// Calls for navigators and captains: the organizer opens a call with its own dates,
// form and weekly hours; anyone signed in applies (hours checked with a sentence);
// alumni are invited once and their past shown to reviewers; reviews are versioned;
// the selected become navigators or captains, the others are thanked; two organizers
// selecting at once make one appointment.
import { beforeAll, describe, expect, it } from "vitest";
import * as callRoute_ from "~/routes/cohorts.$slug.officers._index";
import * as oneRoute from "~/routes/cohorts.$slug.officers.$id";
import * as volunteerRoute from "~/routes/cohorts.$slug.volunteer";
import * as pageRoute from "~/routes/cohorts.$slug._index";
import { db } from "~/utils/db.server";
import { isoDay, DAY_MS } from "~/utils/time";
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

type Who = "lena" | "admin" | "alum" | "stranger" | "busy";
let cohort: Awaited<ReturnType<typeof makeCohort>>;
let people: Record<Who, Awaited<ReturnType<typeof makePerson>>>;
let cookies: Record<Who, string>;

const s = () => cohort.slug;
const act = (
  mod: { action: unknown },
  path: string,
  who: Who,
  params: Record<string, string>,
  form: Record<string, string | string[]>,
) =>
  callRoute(
    mod.action as never,
    makeRequest(path, { cookie: cookies[who], form: form as Record<string, string> }),
    params,
  );
const load = (mod: { loader: unknown }, path: string, who: Who | null, params: Record<string, string>) =>
  callRoute(mod.loader as never, makeRequest(path, { cookie: who ? cookies[who] : undefined }), params);
const apply = (who: Who, form: Record<string, string | string[]>) =>
  act(volunteerRoute, `/cohorts/${s()}/volunteer`, who, { slug: s() }, form);
const goodAnswers = {
  role: "captain",
  hoursPerWeek: "10",
  commitmentHours: "20",
  otherCommitments: "Part-time job",
  "projects[]": "django-o",
};
const appOf = async (who: Who) =>
  db.officerApplication.findFirstOrThrow({ where: { personId: people[who].id } });

beforeAll(async () => {
  const project = await makeProject({ slug: "django-o", name: "Django" });
  const earlier = await makeCohort("finished", {
    slug: "session-old",
    name: "Session 1",
    projectIds: [project.id],
  });
  cohort = await makeCohort("applications_open", {
    slug: "session-new",
    name: "Session 2",
    projectIds: [project.id],
  });
  await makeTeam(cohort.id, { slug: "vega", name: "Team Vega", projectId: project.id });
  people = {
    lena: await makePerson({ login: "lena", name: "Lena Fischer" }),
    admin: await makePerson({ login: "amara", name: "Amara Okafor", isAdmin: true }),
    alum: await makePerson({ login: "samokonkwo", name: "Sam Okonkwo" }),
    stranger: await makePerson({ login: "stranger", name: "Nadia Haddad" }),
    busy: await makePerson({ login: "busy", name: "Busy Person" }),
  };
  await addMember(cohort.id, people.lena.id, "organizer");
  const oldTeam = await makeTeam(earlier.id, { slug: "orion", name: "Team Orion", projectId: project.id });
  await db.cohortMembership.create({
    data: {
      cohortId: earlier.id,
      personId: people.alum.id,
      role: "participant",
      teamId: oldTeam.id,
      completedAt: new Date(),
    },
  });
  cookies = {} as typeof cookies;
  for (const [k, p] of Object.entries(people)) cookies[k as Who] = await sessionCookieFor(p.id);
});

describe("the call", () => {
  it("before a call exists the volunteer page says so and applying is refused with a sentence", async () => {
    const res = await apply("alum", goodAnswers);
    expect(res.status).toBe(400);
    expect((await jsonOf<{ errors: Record<string, string> }>(res)).errors.form).toBe(
      "This cohort has no call for navigators and captains.",
    );
  });

  it("an organizer opens a call with its dates, weekly hours and a question; the public page links to it", async () => {
    const today = isoDay(new Date());
    const bad = await act(
      callRoute_,
      `/cohorts/${s()}/officers`,
      "lena",
      { slug: s() },
      {
        intent: "call",
        opensOn: today,
        closesOn: isoDay(new Date(Date.now() + 10 * DAY_MS)),
        weeklyHours: "-3",
        rubric: "Experience",
      },
    );
    expect((await jsonOf<{ errors: Record<string, string> }>(bad)).errors.weeklyHours).toMatch(
      /whole number from 1 to 60/,
    );
    const ok = await act(
      callRoute_,
      `/cohorts/${s()}/officers`,
      "lena",
      { slug: s() },
      {
        intent: "call",
        opensOn: today,
        closesOn: isoDay(new Date(Date.now() + 10 * DAY_MS)),
        weeklyHours: "8",
        intro: "Guide a team",
        rubric: "Experience\nCommunication",
      },
    );
    expect(ok.status).toBe(302);
    expect((await db.cohort.findUniqueOrThrow({ where: { id: cohort.id } })).weeklyHours).toBe(8);
    const q = await act(
      callRoute_,
      `/cohorts/${s()}/officers`,
      "lena",
      { slug: s() },
      { intent: "question", label: "Why would you like to guide a team?", type: "long_text", required: "on" },
    );
    expect(q.status).toBe(302);
    const page = await jsonOf<{ volunteerCall: { href: string } | null }>(
      await load(pageRoute, `/cohorts/${s()}`, null, { slug: s() }),
    );
    expect(page.volunteerCall?.href).toBe(`/cohorts/${s()}/volunteer`);
  });

  it("alumni of earlier cohorts are invited by a notice, once", async () => {
    expect(
      (await act(callRoute_, `/cohorts/${s()}/officers`, "lena", { slug: s() }, { intent: "invite" })).status,
    ).toBe(302);
    await act(callRoute_, `/cohorts/${s()}/officers`, "lena", { slug: s() }, { intent: "invite" });
    const invites = await db.notice.findMany({ where: { kind: "officer_invitation" } });
    expect(invites.map((n) => n.personId)).toEqual([people.alum.id]);
    expect(invites[0].bodyText).toContain("You took part in Session 1");
  });
});

describe("applying", () => {
  it("refuses negative or impossible hours and a missing required answer with sentences, keeping what was typed", async () => {
    const question = JSON.parse((await db.officerCall.findFirstOrThrow()).questions)[0].id as string;
    const neg = await apply("alum", { ...goodAnswers, hoursPerWeek: "-2" });
    const negBody = await jsonOf<{ errors: Record<string, string>; values: Record<string, string> }>(neg);
    expect(negBody.errors.hoursPerWeek).toBe(
      "Give the hours a week you can give as a whole number, 0 or more.",
    );
    expect(negBody.errors[`q_${question}`]).toBe("This question needs an answer before you submit.");
    expect(negBody.values.otherCommitments).toBe("Part-time job");
    const impossible = await apply("alum", {
      ...goodAnswers,
      hoursPerWeek: "100",
      commitmentHours: "90",
      [`q_${question}`]: "x",
    });
    expect((await jsonOf<{ errors: Record<string, string> }>(impossible)).errors.commitmentHours).toMatch(
      /A week has 168 hours/,
    );
  });

  it("anyone signed in applies; reviewers see the past participation and a flag when the hours do not fit", async () => {
    const question = JSON.parse((await db.officerCall.findFirstOrThrow()).questions)[0].id as string;
    expect(
      (await apply("alum", { ...goodAnswers, [`q_${question}`]: "Session 1 changed how I work." })).status,
    ).toBe(302);
    expect(
      (
        await apply("busy", {
          ...goodAnswers,
          role: "navigator",
          hoursPerWeek: "4",
          commitmentHours: "50",
          [`q_${question}`]: "I like people.",
        })
      ).status,
    ).toBe(302);
    expect(
      (await apply("stranger", { ...goodAnswers, [`q_${question}`]: "I maintain a Django package." })).status,
    ).toBe(302);
    expect((await load(volunteerRoute, `/cohorts/${s()}/volunteer`, null, { slug: s() })).status).toBe(302); // signed out: to sign-in
    const review = await jsonOf<{
      review: { applications: { login: string; past: string[]; commitmentFlag: string | null }[] };
    }>(await load(callRoute_, `/cohorts/${s()}/officers`, "lena", { slug: s() }));
    const byLogin = Object.fromEntries(review.review.applications.map((a) => [a.login, a]));
    expect(byLogin.samokonkwo.past).toEqual(["participant in Session 1 (Team Orion), completed"]);
    expect(byLogin.samokonkwo.commitmentFlag).toBeNull();
    expect(byLogin.busy.commitmentFlag).toBe("You can give 4 hours a week; the cohort asks for 8.");
    expect(await db.notice.count({ where: { kind: "officer_applied" } })).toBe(3);
  });
});

describe("reviewing and deciding", () => {
  it("notes, rubric, interview notes and status are saved; a stale form is refused without losing the text", async () => {
    const a = await appOf("alum");
    const path = `/cohorts/${s()}/officers/${a.id}`;
    const ok = await act(
      oneRoute,
      path,
      "lena",
      { slug: s(), id: a.id },
      {
        intent: "review",
        version: String(a.version),
        status: "interview_planned",
        notes: "Strong",
        interviewNotes: "",
        score0: "5",
        score1: "4",
      },
    );
    expect(ok.status).toBe(302);
    const stale = await act(
      oneRoute,
      path,
      "admin",
      { slug: s(), id: a.id },
      {
        intent: "review",
        version: String(a.version),
        status: "interviewed",
        notes: "My note",
        interviewNotes: "Went well",
      },
    );
    expect(stale.status).toBe(409);
    expect((await jsonOf<{ values: Record<string, string> }>(stale)).values.interviewNotes).toBe("Went well");
    const after = await appOf("alum");
    expect(after).toMatchObject({
      status: "interview_planned",
      notes: "Strong",
      rubricScores: JSON.stringify({ Experience: "5", Communication: "4" }),
    });
    const audit = await db.auditEntry.findFirst({
      where: { action: "officer_application.status", subjectId: a.id },
    });
    expect(audit).toMatchObject({
      fromValue: "applied",
      toValue: "interview_planned",
      actorId: people.lena.id,
    });
  });

  it("two organizers selecting the same volunteer at once: one appointment, one notice, one audit entry", async () => {
    const a = await appOf("alum");
    const path = `/cohorts/${s()}/officers/${a.id}`;
    const form = { decision: "select", role: "captain", team: "vega" };
    const [one, two] = await Promise.all([
      act(oneRoute, path, "lena", { slug: s(), id: a.id }, form),
      act(oneRoute, path, "admin", { slug: s(), id: a.id }, form),
    ]);
    expect([one.status, two.status].sort()).toEqual([302, 409]);
    const memberships = await db.cohortMembership.findMany({
      where: { cohortId: cohort.id, personId: people.alum.id },
      include: { team: true },
    });
    expect(memberships.map((m) => [m.role, m.team?.name])).toEqual([["captain", "Team Vega"]]);
    expect(await db.notice.count({ where: { personId: people.alum.id, kind: "officer_selected" } })).toBe(1);
    expect(
      await db.auditEntry.count({ where: { action: "officer_application.selected", subjectId: a.id } }),
    ).toBe(1);
    const notice = await db.notice.findFirstOrThrow({
      where: { personId: people.alum.id, kind: "officer_selected" },
    });
    expect(notice.subject).toBe("You are a captain of Session 2");
    expect(notice.bodyText).toContain("with Team Vega");
  });

  it("a volunteer not selected is thanked in words; a decided application cannot be changed by its author", async () => {
    const a = await appOf("busy");
    expect(
      (
        await act(
          oneRoute,
          `/cohorts/${s()}/officers/${a.id}`,
          "lena",
          { slug: s(), id: a.id },
          { decision: "decline" },
        )
      ).status,
    ).toBe(302);
    const notice = await db.notice.findFirstOrThrow({
      where: { personId: people.busy.id, kind: "officer_declined" },
    });
    expect(notice.subject).toBe("Thank you for volunteering for Session 2");
    expect(notice.bodyText).toContain("We would be glad to see you apply again");
    expect(
      await db.cohortMembership.count({ where: { cohortId: cohort.id, personId: people.busy.id } }),
    ).toBe(0);
    const again = await apply("busy", { ...goodAnswers });
    expect((await jsonOf<{ errors: Record<string, string> }>(again)).errors.form).toMatch(/has been decided/);
  });
});
