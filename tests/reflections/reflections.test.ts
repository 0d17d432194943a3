// A participant writes, previews, drafts and submits reflections; the navigator
// reads, replies and sees who needs attention; reminders go out once a week.
import { beforeAll, describe, expect, it } from "vitest";
import * as threadRoute from "~/routes/cohorts.$slug.reflections.$week_.$login";
import * as writeRoute from "~/routes/cohorts.$slug.reflections.$week";
import * as weekRoute from "~/routes/cohorts.$slug.week";
import * as teamRoute from "~/routes/cohorts.$slug.teams.$team_.progress";
import * as overviewRoute from "~/routes/cohorts.$slug.progress";
import * as noticesRoute from "~/routes/cohorts.$slug.notices";
import { sendReflectionReminders } from "~/dashboards/reminders.server";
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
import { makeReflection } from "./builders";

let cohort: Awaited<ReturnType<typeof makeCohort>>;
let people: Record<"mei" | "diego" | "ana" | "jonas" | "lena", Awaited<ReturnType<typeof makePerson>>>;
let cookies: Record<keyof typeof people, string>;

beforeAll(async () => {
  const project = await makeProject({ slug: "django-r", name: "Django" });
  cohort = await makeCohort("running", { slug: "session-r", week: 3, projectIds: [project.id] });
  const team = await makeTeam(cohort.id, { slug: "pegasus", name: "Team Pegasus", projectId: project.id });
  await db.team.update({
    where: { id: team.id },
    data: {
      meetingWeekday: 2,
      meetingMinute: 17 * 60,
      meetingTimeZone: "Europe/Berlin",
      chatUrl: "https://discord.com/channels/x/y",
    },
  });
  people = {
    mei: await makePerson({ login: "meilin-dev", name: "Mei Lin", timeZone: "Asia/Shanghai" }),
    diego: await makePerson({ login: "diegoramirez", name: "Diego Ramírez" }),
    ana: await makePerson({ login: "anasouza", name: "Ana Souza" }),
    jonas: await makePerson({ login: "jonasberg", name: "Jonas Berg" }),
    lena: await makePerson({ login: "lena", name: "Lena Organizer" }),
  };
  await addMember(cohort.id, people.mei.id, "participant", team.id);
  await addMember(cohort.id, people.diego.id, "participant", team.id);
  await addMember(cohort.id, people.ana.id, "navigator", team.id);
  await addMember(cohort.id, people.jonas.id, "captain", team.id);
  await addMember(cohort.id, people.lena.id, "organizer");
  cookies = {} as typeof cookies;
  for (const [k, p] of Object.entries(people))
    cookies[k as keyof typeof people] = await sessionCookieFor(p.id);
});

const params = (week: number | string, login?: string) => ({
  slug: "session-r",
  week: String(week),
  ...(login ? { login } : {}),
});
const write = (who: keyof typeof people, week: number, form: Record<string, string>) =>
  callRoute(
    writeRoute.action,
    makeRequest(`/cohorts/session-r/reflections/${week}`, { cookie: cookies[who], form }),
    params(week),
  );
const read = (who: keyof typeof people, week: number, login: string) =>
  callRoute(
    threadRoute.loader,
    makeRequest(`/cohorts/session-r/reflections/${week}/${login}`, { cookie: cookies[who] }),
    params(week, login),
  );
const reply = (who: keyof typeof people, week: number, login: string, body: string) =>
  callRoute(
    threadRoute.action,
    makeRequest(`/cohorts/session-r/reflections/${week}/${login}`, { cookie: cookies[who], form: { body } }),
    params(week, login),
  );
const teamProgress = (who: keyof typeof people) =>
  callRoute(
    teamRoute.loader,
    makeRequest("/cohorts/session-r/teams/pegasus/progress", { cookie: cookies[who] }),
    { slug: "session-r", team: "pegasus" },
  );

type Thread = {
  thread: {
    reflection: null | {
      status: string;
      late: boolean;
      needsHelp: boolean;
      answers: { prompt: string; html: string }[];
    };
    draftExists: boolean;
    comments: { html: string; author: { name: string } }[];
    canReply: boolean;
  };
};
type Progress = {
  progress: {
    attention: { kind: string; name: string; reason: string; action: { kind: string; href?: string } }[];
    rows: {
      login: string;
      weeks: { week: number; cell: string; needsHelp: boolean; confidence: number | null }[];
    }[];
  };
};

describe("writing a reflection", () => {
  it("keeps a draft private to its author", async () => {
    const saved = await write("mei", 3, { intent: "draft", "answer-0": "Started on ticket #35021." });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe("/cohorts/session-r/reflections/3");
    const asNavigator = await jsonOf<Thread>(await read("ana", 3, "meilin-dev"));
    expect(asNavigator.thread.reflection).toBeNull();
    expect(asNavigator.thread.draftExists).toBe(true);
    const asAuthor = await jsonOf<Thread>(await read("mei", 3, "meilin-dev"));
    expect(asAuthor.thread.reflection?.status).toBe("draft");
  });

  it("refuses to submit without a confidence, keeping what was typed", async () => {
    const response = await write("mei", 3, { intent: "submit", "answer-0": "Wrote a regression test." });
    expect(response.status).toBe(400);
    const data = await jsonOf<{ errors: Record<string, string>; values: Record<string, string> }>(response);
    expect(data.errors.confidence).toMatch(/confident/);
    expect(data.values["answer-0"]).toBe("Wrote a regression test.");
  });

  it("previews Markdown on the server without saving", async () => {
    const response = await write("mei", 3, {
      intent: "preview",
      "answer-1": "I learned **rebase** and `git bisect`",
    });
    const data = await jsonOf<{ preview: { prompt: string; html: string }[] }>(response);
    expect(data.preview[1]).toMatchObject({ prompt: "What I learned" });
    expect(data.preview[1].html).toContain("<strong>rebase</strong>");
    const stored = await db.reflection.findFirstOrThrow({
      where: { cohortId: cohort.id, personId: people.mei.id, week: 3 },
    });
    expect(stored.answers).not.toContain("rebase");
  });

  it("submits on time with a help request, telling the navigator and captain once", async () => {
    const before = new Date();
    const response = await write("mei", 3, {
      intent: "submit",
      "answer-0": "Wrote the regression test.",
      "answer-2": "Media.merge() ordering confuses me.",
      confidence: "2",
      needsHelp: "on",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/cohorts/session-r/reflections/3/meilin-dev");
    const stored = await db.reflection.findFirstOrThrow({
      where: { cohortId: cohort.id, personId: people.mei.id, week: 3 },
    });
    expect(stored).toMatchObject({ status: "submitted", late: false, needsHelp: true, confidence: 2 });
    const membership = await db.cohortMembership.findFirstOrThrow({
      where: { cohortId: cohort.id, personId: people.mei.id },
    });
    expect(membership.lastActiveAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    // Editing again keeps it submitted and does not notify twice.
    await write("mei", 3, {
      intent: "submit",
      "answer-0": "Wrote the regression test (edited).",
      confidence: "2",
      needsHelp: "on",
    });
    const notices = await db.notice.findMany({
      where: { kind: "reflection_help" },
      select: { personId: true },
    });
    expect(notices.map((n) => n.personId).sort()).toEqual([people.ana.id, people.jonas.id].sort());
  });

  it("keeps one reflection per participant and week, enforced by the database", async () => {
    // The week 3 reflection above was saved as a draft, then submitted twice: still one row.
    expect(
      await db.reflection.count({ where: { cohortId: cohort.id, personId: people.mei.id, week: 3 } }),
    ).toBe(1);
    await expect(
      db.reflection.create({ data: { cohortId: cohort.id, personId: people.mei.id, week: 3 } }),
    ).rejects.toThrow();
  });

  it("marks last week's reflection late, and refuses weeks that closed or have not started", async () => {
    const late = await write("mei", 2, {
      intent: "submit",
      "answer-0": "Catching up on week 2.",
      confidence: "3",
    });
    expect(late.status).toBe(302);
    expect((await db.reflection.findFirstOrThrow({ where: { personId: people.mei.id, week: 2 } })).late).toBe(
      true,
    );
    const closed = await write("mei", 1, { intent: "submit", "answer-0": "Too late.", confidence: "3" });
    expect(closed.status).toBe(400);
    expect((await jsonOf<{ errors: { form: string } }>(closed)).errors.form).toMatch(
      /closed at the end of week 2/,
    );
    const future = await write("mei", 4, { intent: "draft", "answer-0": "Planning ahead." });
    expect((await jsonOf<{ errors: { form: string } }>(future)).errors.form).toMatch(/has not started/);
  });
});

describe("the navigator's dashboard and the reply thread", () => {
  it("lists the help request under Needs attention, with a link to reply", async () => {
    const data = await jsonOf<Progress>(await teamProgress("ana"));
    const help = data.progress.attention.find((a) => a.kind === "needs_help");
    expect(help).toMatchObject({
      name: "Mei Lin",
      reason: "Asked for help in the week 3 reflection",
      action: { kind: "link", href: "/cohorts/session-r/reflections/3/meilin-dev" },
    });
    const mei = data.progress.rows.find((r) => r.login === "meilin-dev")!;
    expect(mei.weeks.slice(0, 3).map((w) => w.cell)).toEqual(["missing", "late", "submitted"]);
    expect(mei.weeks[2]).toMatchObject({ needsHelp: true, confidence: 2 });
    // Diego wrote nothing: missing weeks 1 and 2, and no activity since the start.
    expect(
      data.progress.attention
        .filter((a) => a.name === "Diego Ramírez")
        .map((a) => a.kind)
        .sort(),
    ).toEqual(["inactive", "reflection_missing"]);
  });

  it("lets the navigator reply; the participant is notified and sees the reply; the help request clears", async () => {
    const response = await reply(
      "ana",
      3,
      "meilin-dev",
      "Let's look at `Media.merge()` together on Tuesday — bring the failing test.",
    );
    expect(response.status).toBe(302);
    const notice = await db.notice.findFirstOrThrow({
      where: { kind: "reflection_reply", personId: people.mei.id },
    });
    expect(notice.subject).toBe("Ana Souza replied to your week 3 reflection");
    expect(notice.bodyText).toContain("/cohorts/session-r/reflections/3/meilin-dev");
    const asMei = await jsonOf<Thread>(await read("mei", 3, "meilin-dev"));
    expect(asMei.thread.comments).toHaveLength(1);
    expect(asMei.thread.comments[0].author.name).toBe("Ana Souza");
    expect(asMei.thread.comments[0].html).toContain("<code>Media.merge()</code>");
    const after = await jsonOf<Progress>(await teamProgress("ana"));
    expect(after.progress.attention.some((a) => a.kind === "needs_help")).toBe(false);
  });

  it("notifies the navigator and captain when the participant answers back, and refuses an empty reply", async () => {
    expect((await reply("mei", 3, "meilin-dev", "   ")).status).toBe(400);
    await reply("mei", 3, "meilin-dev", "Thank you, Tuesday works.");
    const notices = await db.notice.findMany({
      where: { kind: "reflection_reply", personId: { in: [people.ana.id, people.jonas.id] } },
    });
    expect(notices).toHaveLength(2);
  });

  it('asks again when the participant ticks "I need help" in an edit after the reply', async () => {
    const help = async () =>
      (await jsonOf<Progress>(await teamProgress("ana"))).progress.attention.filter(
        (a) => a.kind === "needs_help",
      );
    const notices = () =>
      db.notice.count({
        where: { kind: "reflection_help", personId: { in: [people.ana.id, people.jonas.id] } },
      });
    const before = await notices();
    await write("mei", 3, { intent: "submit", "answer-0": "Wrote the regression test.", confidence: "3" });
    expect(await help()).toEqual([]);
    await write("mei", 3, {
      intent: "submit",
      "answer-0": "Wrote the regression test; still stuck on the ordering.",
      confidence: "2",
      needsHelp: "on",
    });
    expect(await help()).toEqual([
      expect.objectContaining({
        name: "Mei Lin",
        reason: "Asks for help in the week 3 reflection, changed since the last reply",
      }),
    ]);
    expect(await notices()).toBe(before + 2); // the navigator and the captain, again
    // Editing with the box still ticked is not a new request.
    await write("mei", 3, {
      intent: "submit",
      "answer-0": "Wrote the regression test; still stuck on the ordering (typo).",
      confidence: "2",
      needsHelp: "on",
    });
    expect(await notices()).toBe(before + 2);
    await reply("jonas", 3, "meilin-dev", "I can pair tomorrow.");
    expect(await help()).toEqual([]);
  });

  it("refuses replies under a draft", async () => {
    await write("diego", 3, { intent: "draft", "answer-0": "Not done yet." });
    const response = await reply("ana", 3, "diegoramirez", "Looking forward to it.");
    expect(response.status).toBe(400);
  });

  it("sends a check-in once a day per participant", async () => {
    const form = { personId: people.diego.id, reason: "we have not heard from you for a while" };
    const first = await callRoute(
      teamRoute.action,
      makeRequest("/cohorts/session-r/teams/pegasus/progress", { cookie: cookies.ana, form }),
      { slug: "session-r", team: "pegasus" },
    );
    expect(first.status).toBe(302);
    await callRoute(
      teamRoute.action,
      makeRequest("/cohorts/session-r/teams/pegasus/progress", { cookie: cookies.ana, form }),
      { slug: "session-r", team: "pegasus" },
    );
    expect(await db.notice.count({ where: { kind: "check_in", personId: people.diego.id } })).toBe(1);
  });
});

describe("the participant's week", () => {
  it("shows the week, the reflection due, the team meeting in their zone and their navigator", async () => {
    const response = await callRoute(
      weekRoute.loader,
      makeRequest("/cohorts/session-r/week", { cookie: cookies.mei }),
      { slug: "session-r" },
    );
    const { week } = await jsonOf<{
      week: {
        week: number;
        thisWeek: { state: string };
        meeting: { label: string; timeZone: string };
        guides: { role: string; name: string }[];
        catchUp: unknown;
      };
    }>(response);
    expect(week.week).toBe(3);
    expect(week.thisWeek.state).toBe("submitted");
    expect(week.catchUp).toBeNull();
    expect(week.meeting.timeZone).toBe("Asia/Shanghai");
    expect(week.meeting.label).toMatch(/^(Tuesdays|Wednesdays) /);
    expect(week.guides).toEqual(
      expect.arrayContaining([{ role: "navigator", name: "Ana Souza", login: "anasouza", avatarUrl: null }]),
    );
  });
});

describe("the organizer's overview", () => {
  it("counts the funnel and the teams' reflections by week", async () => {
    const response = await callRoute(
      overviewRoute.loader,
      makeRequest("/cohorts/session-r/progress", { cookie: cookies.lena }),
      { slug: "session-r" },
    );
    const { progress } = await jsonOf<{
      progress: {
        funnel: { step: string; count: number; help: string }[];
        teams: { slug: string; completion: { week: number; submitted: number }[]; attention: number }[];
        charts: { reflections: { label: string; values: number[] }[] };
      };
    }>(response);
    expect(progress.funnel.find((f) => f.step === "Confirmed")?.count).toBe(2);
    // Diego saved a week 3 draft above: both are active.
    expect(progress.funnel.find((f) => f.step === "Active")).toMatchObject({
      count: 2,
      help: "did something in the last 10 days",
    });
    expect(progress.teams[0].completion).toEqual([
      { week: 1, submitted: 0, due: true },
      { week: 2, submitted: 1, due: true },
      { week: 3, submitted: 1, due: false },
    ]);
    expect(progress.charts.reflections[1]).toEqual({ label: "Week 2", values: [0, 1, 1, 0] });
    // Mei: week 1 missing; Diego: weeks 1 and 2 missing (one item each).
    expect(progress.teams[0].attention).toBe(2);
  });
});

describe("weekly reminders", () => {
  it("reminds participants whose last reflection is missing and sends the navigator a digest, once", async () => {
    const now = new Date();
    const first = await sendReflectionReminders(now);
    // Diego has no week 2 reflection (Mei submitted hers late).
    const missing = await db.notice.findMany({ where: { kind: "reflection_missing", cohortId: cohort.id } });
    expect(missing.map((n) => n.personId)).toEqual([people.diego.id]);
    expect(missing[0].subject).toBe(`Your week 2 reflection for ${cohort.name} is missing`);
    const digest = await db.notice.findFirstOrThrow({
      where: { kind: "attention_digest", personId: people.ana.id },
    });
    expect(digest.bodyText).toContain("Diego Ramírez: No reflection for weeks 1 and 2");
    expect(first.missing).toBe(1);
    expect(first.digests).toBe(1);
    const again = await sendReflectionReminders(new Date(now.getTime() + 60 * 60 * 1000));
    expect(again).toEqual({ dueSoon: 0, missing: 0, digests: 0 });

    // The organizer reads them on the cohort's notices page, by kind.
    const notices = (show: string) =>
      callRoute(
        noticesRoute.loader,
        makeRequest(`/cohorts/session-r/notices?show=${show}`, { cookie: cookies.lena }),
        { slug: "session-r" },
      ).then((r) =>
        jsonOf<{ notices: { kind: string; subject: string; person: { name: string } | null }[] }>(r),
      );
    expect((await notices("reminders")).notices).toEqual([
      expect.objectContaining({
        kind: "reflection_missing",
        subject: `Your week 2 reflection for ${cohort.name} is missing`,
        person: { name: "Diego Ramírez" },
      }),
    ]);
    expect((await notices("digests")).notices).toEqual([
      expect.objectContaining({ kind: "attention_digest", person: { name: "Ana Souza" } }),
    ]);
    // Offers carry the applicant's personal confirmation link: organizers see the offer, never the link.
    await db.notice.create({
      data: {
        kind: "offer",
        cohortId: cohort.id,
        personId: people.diego.id,
        subject: "You are accepted",
        bodyText: "Confirm: /offers/secret-token",
      },
    });
    const all = await callRoute(
      noticesRoute.loader,
      makeRequest("/cohorts/session-r/notices?show=all", { cookie: cookies.lena }),
      { slug: "session-r" },
    );
    const body = await all.text();
    expect(body).toContain("You are accepted");
    expect(body).not.toContain("secret-token");
  });

  it("reminds of this week's reflection in the last two days before it is due", async () => {
    const weekEnd = new Date(cohort.startsOn.getTime() + 3 * 7 * DAY_MS);
    const counts = await sendReflectionReminders(new Date(weekEnd.getTime() - DAY_MS));
    expect(counts.dueSoon).toBe(1); // Diego; Mei has submitted week 3
    const notice = await db.notice.findFirstOrThrow({ where: { kind: "reflection_due" } });
    expect(notice.personId).toBe(people.diego.id);
  });
});

describe("sharing with the team", () => {
  it("lets a teammate read a shared reflection but not reply", async () => {
    await makeReflection(cohort.id, people.diego.id, 2, { sharedWithTeam: true, late: true });
    const asMei = await read("mei", 2, "diegoramirez");
    expect(asMei.status).toBe(200);
    expect((await jsonOf<Thread>(asMei)).thread.canReply).toBe(false);
    expect((await reply("mei", 2, "diegoramirez", "Nice!")).status).toBe(403);
  });
});

describe("the organizer's reflection settings", () => {
  const save = (form: Record<string, string>) =>
    callRoute(
      overviewRoute.action,
      makeRequest("/cohorts/session-r/progress", { cookie: cookies.lena, form }),
      { slug: "session-r" },
    );
  const valid = {
    prompts: "Wins this week\nWhat is blocking me\n\nA question for my navigator",
    inactivityDays: "7",
    changesRequestedDays: "5",
    staleClaimDays: "10",
    largePullRequestLines: "300",
  };

  it("explains each mistake and keeps what was typed", async () => {
    const response = await save({
      ...valid,
      prompts: "  \n ",
      inactivityDays: "0",
      largePullRequestLines: "lots",
    });
    expect(response.status).toBe(400);
    const data = await jsonOf<{ errors: Record<string, string>; values: Record<string, string> }>(response);
    expect(data.errors).toMatchObject({
      prompts: "Write at least one prompt, one per line.",
      inactivityDays: "The inactivity threshold must be at least 1 day.",
      largePullRequestLines: "Enter a number of changed lines.",
    });
    expect(data.values.staleClaimDays).toBe("10");
  });

  it("changes the prompts participants answer and the thresholds, keeping earlier answers", async () => {
    await write("mei", 3, {
      intent: "submit",
      "answer-0": "Read the ORM docs.",
      "answer-1": "How transactions nest.",
      confidence: "3",
    });
    expect((await save(valid)).status).toBe(302);
    const stored = await db.cohort.findUniqueOrThrow({ where: { id: cohort.id } });
    const promptTexts = (JSON.parse(stored.reflectionPrompts) as { text: string; retired?: boolean }[])
      .filter((p) => !p.retired)
      .map((p) => p.text);
    expect(promptTexts).toEqual(["Wins this week", "What is blocking me", "A question for my navigator"]);
    expect(stored).toMatchObject({
      inactivityDays: 7,
      changesRequestedDays: 5,
      staleClaimDays: 10,
      largePullRequestLines: 300,
    });
    expect(
      await db.auditEntry.count({ where: { cohortId: cohort.id, action: "reflection_settings_changed" } }),
    ).toBe(1);

    // "What I worked on" was renamed in place: its answer follows it. "What I learned"
    // was removed: the answer written to it still shows under its words.
    const before = await jsonOf<Thread>(await read("ana", 3, "meilin-dev"));
    const shown = Object.fromEntries(before.thread.reflection!.answers.map((a) => [a.prompt, a.html]));
    expect(shown["Wins this week"]).toContain("Read the ORM docs.");
    expect(shown["What I learned"]).toContain("How transactions nest.");

    const editor = await jsonOf<{ editor: { prompts: { text: string }[] } }>(
      await callRoute(
        writeRoute.loader,
        makeRequest("/cohorts/session-r/reflections/3", { cookie: cookies.mei }),
        params(3),
      ),
    );
    expect(editor.editor.prompts.map((p) => p.text)).toEqual([
      "Wins this week",
      "What is blocking me",
      "A question for my navigator",
    ]);
    await write("mei", 3, {
      intent: "submit",
      "answer-0": "Green CI at last.",
      "answer-1": "Nothing now.",
      confidence: "4",
      needsHelp: "on",
    });
    const thread = await jsonOf<Thread>(await read("ana", 3, "meilin-dev"));
    const prompts = thread.thread.reflection!.answers.map((a) => a.prompt);
    expect(prompts.slice(0, 3)).toEqual([
      "Wins this week",
      "What is blocking me",
      "A question for my navigator",
    ]);
    expect(prompts).toContain("What I learned"); // the answer to the retired prompt is still there
  });
});

describe("addresses that do not exist", () => {
  it("answers 404 for a week outside the cohort or a malformed week", async () => {
    for (const week of ["7", "0", "three"]) {
      const response = await callRoute(
        writeRoute.loader,
        makeRequest(`/cohorts/session-r/reflections/${week}`, { cookie: cookies.mei }),
        { slug: "session-r", week },
      );
      expect(response.status, week).toBe(404);
    }
    expect((await read("ana", 2, "nobody-here")).status).toBe(404);
  });
});

describe("a finished cohort", () => {
  it("shows the last week's reflection as missing (it was due at the end), on the team grid and the overview", async () => {
    const past = await makeCohort("finished", { slug: "session-old", weeks: 6 });
    const team = await makeTeam(past.id, { slug: "vega", name: "Team Vega" });
    const quinn = await makePerson({ login: "quinn-old", name: "Quinn Old" });
    await addMember(past.id, quinn.id, "participant", team.id);
    await addMember(past.id, people.ana.id, "navigator", team.id);
    await addMember(past.id, people.lena.id, "organizer");
    for (const week of [1, 2, 3, 4, 5])
      await makeReflection(past.id, quinn.id, week, {
        submittedAt: new Date(past.startsOn.getTime() + (week * 7 - 1) * DAY_MS),
      });

    const grid = await jsonOf<Progress>(
      await callRoute(
        teamRoute.loader,
        makeRequest("/cohorts/session-old/teams/vega/progress", { cookie: cookies.ana }),
        { slug: "session-old", team: "vega" },
      ),
    );
    expect(grid.progress.rows[0].weeks.map((w) => w.cell)).toEqual([
      "submitted",
      "submitted",
      "submitted",
      "submitted",
      "submitted",
      "missing",
    ]);
    expect(grid.progress.attention.map((a) => a.reason)).toEqual([
      expect.stringMatching(/^No reflection for week 6 /),
    ]);

    const overview = await jsonOf<{
      progress: {
        teams: { completion: { week: number; due: boolean }[] }[];
        charts: { reflections: { label: string; values: number[] }[] };
        funnel: { step: string; help: string }[];
      };
    }>(
      await callRoute(
        overviewRoute.loader,
        makeRequest("/cohorts/session-old/progress", { cookie: cookies.lena }),
        { slug: "session-old" },
      ),
    );
    expect(overview.progress.teams[0].completion.every((c) => c.due)).toBe(true);
    expect(overview.progress.charts.reflections[5]).toEqual({ label: "Week 6", values: [0, 0, 1, 0] });
    expect(overview.progress.funnel.find((f) => f.step === "Active")?.help).toBe(
      "did something in the cohort's last 10 days",
    );
  });
});
