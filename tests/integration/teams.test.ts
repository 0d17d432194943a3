// Appointing navigators and captains, giving availability, forming and publishing
// teams, and the team's home and calendar feed — through the routes, as people use them.
import { beforeAll, describe, expect, it } from "vitest";
import { bindPendingMemberships } from "../../app/auth/sign-in.server";
import { localToUtc, setToSlots, slotIndexFromKey, slotKey } from "../../app/availability/slots";
import { decodeDraft, encodeDraft } from "../../app/teams/draft";
import { db } from "../../app/utils/db.server";
import { DAY_MS } from "../../app/utils/time";
import {
  addMember,
  callRoute,
  jsonOf,
  makeCohort,
  makePerson,
  makeProject,
  makeRequest,
  sessionCookieFor,
} from "../setup/factories";

const appointments = () => import("../../app/routes/cohorts.$slug.appointments");
const availability = () => import("../../app/routes/cohorts.$slug.availability");
const forming = () => import("../../app/routes/cohorts.$slug.teams.form");
const teamHome = () => import("../../app/routes/cohorts.$slug.teams.$team._index");
const calendar = () => import("../../app/routes/calendar.$file");

/** UTC slot string for local windows like ["tue", 18, 21] in `zone`. */
function week(zone: string, windows: [string, number, number][], at: Date): string {
  const keys = windows.flatMap(([day, from, to]) =>
    Array.from(
      { length: (to - from) * 2 },
      (_, i) => `${day}-${String(from + Math.floor(i / 2)).padStart(2, "0")}:${i % 2 ? "30" : "00"}`,
    ),
  );
  return localToUtc(setToSlots(keys.map((k) => slotIndexFromKey(k)!)), zone, at);
}

let cohort: Awaited<ReturnType<typeof makeCohort>>;
let django: Awaited<ReturnType<typeof makeProject>>;
let wagtail: Awaited<ReturnType<typeof makeProject>>;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  django = await makeProject({ slug: "django", name: "Django" });
  wagtail = await makeProject({ slug: "wagtail", name: "Wagtail" });
  // Decisions published, starting in about four weeks: teams are forming.
  cohort = await makeCohort("review", {
    slug: "spring",
    name: "Spring Sprint",
    projectIds: [django.id, wagtail.id],
  });
  cohort = await db.cohort.update({
    where: { id: cohort.id },
    data: { decisionsPublishedAt: new Date(Date.now() - DAY_MS) },
  });
  const organizer = await makePerson({ login: "lena", name: "Lena Fischer", timeZone: "Europe/Berlin" });
  await addMember(cohort.id, organizer.id, "organizer");
  cookies.organizer = await sessionCookieFor(organizer.id);
  ids.organizer = organizer.id;
  const at = cohort.startsOn;
  const evening: [string, number, number][] = [
    ["mon", 18, 21],
    ["wed", 18, 21],
  ];
  const people: [string, string, string, string[] | null][] = [
    // key, name, zone, project preferences (null = any)
    ["ana", "Ana Souza", "Europe/London", null],
    ["kwame", "Kwame Mensah", "Europe/London", null],
    ["p1", "Aisha Bello", "Europe/London", ["django"]],
    ["p2", "Mateo García", "Europe/London", ["django", "wagtail"]],
    ["p3", "Sara Lindqvist", "Europe/London", ["django"]],
    ["p4", "Hannah Kim", "America/Los_Angeles", null],
    ["p5", "Kofi Asante", "Europe/London", ["wagtail"]],
    ["p6", "Emily Carter", "Europe/London", ["wagtail"]],
    ["p7", "Liam O’Brien", "Europe/London", ["wagtail"]],
  ];
  for (const [key, name, zone, prefs] of people) {
    const person = await makePerson({ login: key, name, timeZone: zone });
    ids[key] = person.id;
    cookies[key] = await sessionCookieFor(person.id);
    // Hannah in Los Angeles is free 10:00–13:00 her time: 18:00–21:00 in London.
    const slots =
      zone === "America/Los_Angeles"
        ? week(
            zone,
            [
              ["mon", 10, 13],
              ["wed", 10, 13],
            ],
            at,
          )
        : week(zone, evening, at);
    await db.availability.create({
      data: { cohortId: cohort.id, personId: person.id, slots, timeZone: zone },
    });
    if (key.startsWith("p")) {
      await db.application.create({
        data: {
          cohortId: cohort.id,
          personId: person.id,
          status: "submitted",
          decision: "accepted",
          anyProject: prefs === null,
          preferences: {
            create: (prefs ?? []).map((slug, r) => ({
              projectId: slug === "django" ? django.id : wagtail.id,
              rank: r + 1,
            })),
          },
        },
      });
      await addMember(cohort.id, person.id, "participant");
    }
  }
});

describe("appointing navigators and captains", () => {
  it("appoints a known login at once, and an unknown login when that person first signs in", async () => {
    const mod = await appointments();
    const known = await callRoute(
      mod.action,
      makeRequest("/cohorts/spring/appointments", {
        cookie: cookies.organizer,
        form: { intent: "appoint", login: "@Ana", role: "navigator", project: "django" },
      }),
      { slug: "spring" },
    );
    expect(known.status).toBe(302);
    const ana = await db.cohortMembership.findFirstOrThrow({
      where: { cohortId: cohort.id, personId: ids.ana, role: "navigator" },
    });
    expect(ana.projectId).toBe(django.id);
    await callRoute(
      mod.action,
      makeRequest("/cohorts/spring/appointments", {
        cookie: cookies.organizer,
        form: { intent: "appoint", login: "kwame", role: "navigator", project: "" },
      }),
      { slug: "spring" },
    );

    const pending = await callRoute(
      mod.action,
      makeRequest("/cohorts/spring/appointments", {
        cookie: cookies.organizer,
        form: { intent: "appoint", login: "jonas-berg", role: "captain", project: "" },
      }),
      { slug: "spring" },
    );
    expect(pending.status).toBe(302);
    const page = await jsonOf<{
      guides: {
        login: string;
        pending: boolean;
        role: string;
        project: string | null;
        availabilityHours: number | null;
      }[];
    }>(
      await callRoute(
        mod.loader,
        makeRequest("/cohorts/spring/appointments", { cookie: cookies.organizer }),
        { slug: "spring" },
      ),
    );
    expect(page.guides.map((g) => [g.login, g.role, g.pending, g.project])).toEqual([
      ["ana", "navigator", false, "Django"],
      ["kwame", "navigator", false, null],
      ["jonas-berg", "captain", true, null],
    ]);
    expect(page.guides[0].availabilityHours).toBe(6);

    const jonas = await makePerson({ login: "Jonas-Berg", name: "Jonas Berg", timeZone: "Europe/Stockholm" });
    expect(await bindPendingMemberships(jonas.id, jonas.login)).toBe(1);
    ids.jonas = jonas.id;
    cookies.jonas = await sessionCookieFor(jonas.id);
  });

  it("keeps what was typed and says what is wrong", async () => {
    const mod = await appointments();
    const bad = await callRoute(
      mod.action,
      makeRequest("/cohorts/spring/appointments", {
        cookie: cookies.organizer,
        form: { intent: "appoint", login: "not a login!", role: "navigator", project: "" },
      }),
      { slug: "spring" },
    );
    expect(bad.status).toBe(400);
    const body = await jsonOf<{ errors: Record<string, string>; values: Record<string, string> }>(bad);
    expect(body.errors.login).toContain("not a GitHub login");
    expect(body.values.login).toBe("not a login!");
    const twice = await callRoute(
      mod.action,
      makeRequest("/cohorts/spring/appointments", {
        cookie: cookies.organizer,
        form: { intent: "appoint", login: "ana", role: "navigator", project: "" },
      }),
      { slug: "spring" },
    );
    expect((await jsonOf<{ errors: Record<string, string> }>(twice)).errors.login).toBe(
      "@ana is already a navigator of this cohort.",
    );
  });
});

describe("giving weekly availability", () => {
  it("stores a captain's week in UTC and shows it back in their own zone", async () => {
    const mod = await availability();
    const slots = [
      ...["mon", "wed"].flatMap((d) =>
        ["19:00", "19:30", "20:00", "20:30", "21:00", "21:30"].map((t) => `${d}-${t}`),
      ),
    ];
    const saved = await callRoute(
      mod.action,
      makeRequest("/cohorts/spring/availability", {
        cookie: cookies.jonas,
        form: { timeZone: "Europe/Stockholm", slot: slots },
      }),
      { slug: "spring" },
    );
    expect(saved.status).toBe(302);
    const stored = await db.availability.findUniqueOrThrow({
      where: { cohortId_personId: { cohortId: cohort.id, personId: ids.jonas } },
    });
    // Stockholm is UTC+1 in winter (the cohort starts in winter or summer: compare with the conversion itself)
    expect(stored.slots).toBe(
      localToUtc(setToSlots(slots.map((k) => slotIndexFromKey(k)!)), "Europe/Stockholm", cohort.startsOn),
    );
    expect(stored.timeZone).toBe("Europe/Stockholm");
    const page = await jsonOf<{ localSlots: string; hours: number; timeZone: string }>(
      await callRoute(mod.loader, makeRequest("/cohorts/spring/availability", { cookie: cookies.jonas }), {
        slug: "spring",
      }),
    );
    expect(page.hours).toBe(6);
    expect([...page.localSlots].flatMap((c, i) => (c === "1" ? [slotKey(i)] : []))).toEqual(slots);
  });

  it("asks for at least one half-hour", async () => {
    const mod = await availability();
    const response = await callRoute(
      mod.action,
      makeRequest("/cohorts/spring/availability", {
        cookie: cookies.jonas,
        form: { timeZone: "Europe/Stockholm" },
      }),
      { slug: "spring" },
    );
    expect(response.status).toBe(400);
    expect((await jsonOf<{ errors: Record<string, string> }>(response)).errors.slot).toContain(
      "Tick the half-hours",
    );
  });
});

describe("forming teams", () => {
  let suggested = "";

  it("shows everyone with their availability, preferences and score", async () => {
    const mod = await forming();
    const page = await jsonOf<{
      people: { name: string; role: string; hours: number; preferences: string[] }[];
      draft: string;
    }>(
      await callRoute(mod.loader, makeRequest("/cohorts/spring/teams/form", { cookie: cookies.organizer }), {
        slug: "spring",
      }),
    );
    expect(page.people.filter((p) => p.role === "participant")).toHaveLength(7);
    expect(page.people.find((p) => p.name === "Mateo García")?.preferences).toEqual(["Django", "Wagtail"]);
    expect(page.people.find((p) => p.name === "Hannah Kim")?.preferences).toEqual(["Any project"]);
    expect(page.people.find((p) => p.name === "Jonas Berg")).toMatchObject({ role: "captain", hours: 6 });
    expect(decodeDraft(page.draft)).toEqual({ teams: [] });
  });

  it("suggests teams that keep the rules, saving nothing", async () => {
    const mod = await forming();
    const response = await callRoute(
      mod.action,
      makeRequest("/cohorts/spring/teams/form", {
        cookie: cookies.organizer,
        form: { intent: "suggest", draft: "" },
      }),
      { slug: "spring" },
    );
    const body = await jsonOf<{
      draft: string;
      message: string;
      quality: { placed: number; bound: number; proven: boolean; hoursPerTeam: number; hoursProven: boolean };
    }>(response);
    suggested = body.draft;
    const draft = decodeDraft(body.draft);
    expect(draft.teams).toHaveLength(2);
    expect(draft.teams.reduce((n, t) => n + t.participantIds.length, 0)).toBe(7);
    expect(body.message).toContain("placing 7 of 7 participants");
    // the page's quality line: 7 placed of the 7 who could be placed at most, proven, and
    // the hours the teams share (a small cohort: the exact MILP, no hours LP, decision 083)
    expect(body.quality).toMatchObject({ placed: 7, bound: 7, proven: true, hoursProven: false });
    expect(body.quality.hoursPerTeam).toBeGreaterThanOrEqual(5);
    expect(await db.team.count({ where: { cohortId: cohort.id } })).toBe(0);
  });

  it("moves a person by hand and refuses to publish a draft that breaks a rule unless told to", async () => {
    const mod = await forming();
    const draft = decodeDraft(suggested);
    const full = draft.teams.find((t) => t.participantIds.length === 4)!;
    const other = draft.teams.find((t) => t !== full)!;
    const mover = full.participantIds.find((id) => id)!;
    const moved = await jsonOf<{ draft: string }>(
      await callRoute(
        mod.action,
        makeRequest("/cohorts/spring/teams/form", {
          cookie: cookies.organizer,
          form: { intent: "move", draft: suggested, person: mover, to: other.navigatorId },
        }),
        { slug: "spring" },
      ),
    );
    const after = decodeDraft(moved.draft);
    expect(after.teams.find((t) => t.navigatorId === other.navigatorId)!.participantIds).toContain(mover);
    expect(after.teams.find((t) => t.navigatorId === full.navigatorId)!.participantIds).toHaveLength(3);

    // Everyone into one team: too many participants.
    const crowded = encodeDraft({
      teams: [
        {
          navigatorId: full.navigatorId,
          captainId: null,
          participantIds: [...full.participantIds, ...other.participantIds],
        },
      ],
    });
    const refused = await callRoute(
      mod.action,
      makeRequest("/cohorts/spring/teams/form", {
        cookie: cookies.organizer,
        form: { intent: "publish", confirm: "on", draft: crowded },
      }),
      { slug: "spring" },
    );
    expect(refused.status).toBe(400);
    expect((await jsonOf<{ error: string }>(refused)).error).toMatch(/rule warnings? remain/);
    expect(await db.team.count({ where: { cohortId: cohort.id } })).toBe(0);
    suggested = moved.draft;
  });

  it("publishes: teams, memberships and one welcome notice per member", async () => {
    const mod = await forming();
    const published = await callRoute(
      mod.action,
      makeRequest("/cohorts/spring/teams/form", {
        cookie: cookies.organizer,
        form: { intent: "publish", confirm: "on", draft: suggested, acceptWarnings: "on" },
      }),
      { slug: "spring" },
    );
    expect(published.status).toBe(302);
    const teams = await db.team.findMany({
      where: { cohortId: cohort.id },
      include: { members: true, project: true },
      orderBy: { slug: "asc" },
    });
    expect(teams).toHaveLength(2);
    expect(teams.every((t) => t.members.some((m) => m.role === "navigator"))).toBe(true);
    const anaTeam = teams.find((t) => t.members.some((m) => m.personId === ids.ana))!;
    expect(anaTeam.project?.name).toBe("Django");
    expect((await db.cohort.findUniqueOrThrow({ where: { id: cohort.id } })).teamsPublishedAt).not.toBeNull();
    const memberCount = teams.reduce((n, t) => n + t.members.length, 0);
    const notices = await db.notice.findMany({ where: { cohortId: cohort.id, kind: "team.welcome" } });
    expect(notices).toHaveLength(memberCount);
    const aisha = notices.find((n) => n.personId === ids.p1)!;
    const aishaTeam = teams.find((t) => t.members.some((m) => m.personId === ids.p1))!;
    expect(aisha.subject).toBe(`Welcome to ${aishaTeam.name} — Spring Sprint`);
    expect(aisha.bodyText).toContain("Navigator: ");
    expect(aisha.bodyText).toContain(`/cohorts/spring/teams/${aishaTeam.slug}`);
    expect(aisha.bodyText).toMatch(/Calendar feed \(private to you\): http.*\/calendar\/[\w-]+\.ics/);
    expect(aisha.bodyText).toContain("Weekly meeting: your navigator will set a time");

    // Publishing the same teams again greets nobody twice.
    await callRoute(
      mod.action,
      makeRequest("/cohorts/spring/teams/form", {
        cookie: cookies.organizer,
        form: { intent: "publish", confirm: "on", draft: suggested, acceptWarnings: "on" },
      }),
      { slug: "spring" },
    );
    expect(await db.notice.count({ where: { cohortId: cohort.id, kind: "team.welcome" } })).toBe(memberCount);
    expect(await db.team.count({ where: { cohortId: cohort.id } })).toBe(2);
  });

  it("before anyone confirmed a place, says why no team can be formed yet instead of suggesting none", async () => {
    const early = await makeCohort("review", { slug: "winter" });
    const organizer = await makePerson();
    await addMember(early.id, organizer.id, "organizer");
    const cookie = await sessionCookieFor(organizer.id);
    const mod = await forming();
    const page = await jsonOf<{ nothingToForm: string | null }>(
      await callRoute(mod.loader, makeRequest("/cohorts/winter/teams/form", { cookie }), { slug: "winter" }),
    );
    expect(page.nothingToForm).toBe(
      "No teams can be formed yet: there are no confirmed participants yet (accepted applicants become participants when they confirm their place), and no navigator is appointed yet.",
    );
    const response = await callRoute(
      mod.action,
      makeRequest("/cohorts/winter/teams/form", { cookie, form: { intent: "suggest", draft: "" } }),
      { slug: "winter" },
    );
    expect(response.status).toBe(400);
    expect((await jsonOf<{ error: string }>(response)).error).toBe(page.nothingToForm);
    // the cohort of this file, with participants and navigators, can form teams
    const spring = await jsonOf<{ nothingToForm: string | null }>(
      await callRoute(mod.loader, makeRequest("/cohorts/spring/teams/form", { cookie: cookies.organizer }), {
        slug: "spring",
      }),
    );
    expect(spring.nothingToForm).toBeNull();
  });

  it("refuses to publish outside the teams-forming and running phases, with a sentence", async () => {
    const review = await makeCohort("review", { slug: "autumn" });
    const organizer = await makePerson();
    await addMember(review.id, organizer.id, "organizer");
    const mod = await forming();
    const response = await callRoute(
      mod.action,
      makeRequest("/cohorts/autumn/teams/form", {
        cookie: await sessionCookieFor(organizer.id),
        form: { intent: "publish", confirm: "on", draft: '[["x","","y"]]' },
      }),
      { slug: "autumn" },
    );
    expect(response.status).toBe(400);
    expect((await jsonOf<{ error: string }>(response)).error).toContain("You cannot publish teams now");
  });
});

describe("the team's home", () => {
  it("shows members with role and local time, the shared hours in the viewer's zone, and the meeting as each viewer sees it", async () => {
    const team = await db.team.findFirstOrThrow({
      where: { cohortId: cohort.id, members: { some: { personId: ids.p4 } } },
      include: { members: { where: { role: "navigator" } } },
    });
    const navigatorKey = team.members[0].personId === ids.ana ? "ana" : "kwame";
    const mod = await teamHome();
    const path = `/cohorts/spring/teams/${team.slug}`;
    // the navigator sets Mondays 19:00 London time
    const set = await callRoute(
      mod.action,
      makeRequest(path, {
        cookie: cookies[navigatorKey],
        form: { intent: "meeting", weekday: "1", time: "19:00", timeZone: "Europe/London", duration: "60" },
      }),
      { slug: "spring", team: team.slug },
    );
    expect(set.status).toBe(302);
    const hannah = await jsonOf<{
      members: { name: string; role: string; localTime: string | null; timeZone: string }[];
      meeting: { label: string; asSet: string; beforeStart: boolean; next: string[] };
      shared: { hours: number; localSlots: string };
      viewerZone: string;
      calendarUrl: string | null;
    }>(
      await callRoute(mod.loader, makeRequest(path, { cookie: cookies.p4 }), {
        slug: "spring",
        team: team.slug,
      }),
    );
    expect(hannah.members[0].role).toBe("navigator");
    expect(hannah.members.find((m) => m.name === "Hannah Kim")).toMatchObject({
      role: "participant",
      timeZone: "America/Los_Angeles",
    });
    expect(
      hannah.members.every((m) => /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d\d:\d\d$/.test(m.localTime ?? "")),
    ).toBe(true);
    expect(hannah.meeting.asSet).toBe("Mondays 19:00–20:00 (Europe/London)");
    // The cohort starts in about four weeks: the meetings listed are its first ones, not this week's.
    expect(hannah.meeting.beforeStart).toBe(true);
    expect(new Date(hannah.meeting.next[0]).getTime()).toBeGreaterThanOrEqual(cohort.startsOn.getTime());
    expect(new Date(hannah.meeting.next[0]).getTime()).toBeLessThan(cohort.startsOn.getTime() + 8 * DAY_MS);
    // London and Los Angeles are 8 hours apart except during the weeks their clock changes differ
    expect(hannah.meeting.label).toMatch(/^Mondays (11|12):00–(12|13):00$/);
    expect(hannah.viewerZone).toBe("America/Los_Angeles");
    expect(hannah.shared.hours).toBe(6);
    expect(
      hannah.shared.localSlots[
        slotIndexFromKey("mon-10:00")! + (hannah.meeting.label.startsWith("Mondays 11") ? 0 : 2)
      ],
    ).toBe("1");
    expect(hannah.calendarUrl).toMatch(/\/calendar\/[\w-]+\.ics$/);

    // Her calendar feed has the meeting in London time with a weekly rule.
    const file = hannah.calendarUrl!.split("/calendar/")[1];
    const feed = await callRoute((await calendar()).loader, makeRequest(`/calendar/${file}`), { file });
    expect(feed.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const ics = await feed.text();
    expect(ics).toMatch(/DTSTART;TZID=Europe\/London:\d{8}T190000/);
    expect(ics).toContain("RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=");
    expect(ics).toContain(`SUMMARY:${team.name} weekly meeting (Spring Sprint)`);
  });

  it("lets only the navigator and organizers change the meeting, and says what is wrong with it", async () => {
    const team = await db.team.findFirstOrThrow({
      where: { cohortId: cohort.id, members: { some: { personId: ids.p4 } } },
    });
    const mod = await teamHome();
    const path = `/cohorts/spring/teams/${team.slug}`;
    const params = { slug: "spring", team: team.slug };
    const byParticipant = await callRoute(
      mod.action,
      makeRequest(path, {
        cookie: cookies.p4,
        form: { intent: "meeting", weekday: "2", time: "09:00", timeZone: "UTC", duration: "60" },
      }),
      params,
    );
    expect(byParticipant.status).toBe(403);
    const bad = await callRoute(
      mod.action,
      makeRequest(path, {
        cookie: cookies.organizer,
        form: { intent: "meeting", weekday: "9", time: "25:00", timeZone: "Mars/Olympus", duration: "5" },
      }),
      params,
    );
    expect(bad.status).toBe(400);
    const errors = (await jsonOf<{ errors: Record<string, string> }>(bad)).errors;
    expect(Object.keys(errors).sort()).toEqual(["duration", "time", "timeZone", "weekday"]);
    const links = await callRoute(
      mod.action,
      makeRequest(path, {
        cookie: cookies.organizer,
        form: {
          intent: "links",
          chatUrl: "https://discord.com/channels/spring/team",
          links: "Team notes | https://hackmd.io/spring\nhttps://github.com/orgs/spring/projects/1",
        },
      }),
      params,
    );
    expect(links.status).toBe(302);
    expect(JSON.parse((await db.team.findUniqueOrThrow({ where: { id: team.id } })).links)).toEqual([
      { label: "Team notes", url: "https://hackmd.io/spring" },
      {
        label: "https://github.com/orgs/spring/projects/1",
        url: "https://github.com/orgs/spring/projects/1",
      },
    ]);
  });

  it("welcomes someone moved into a team later, with the meeting on their own clock", async () => {
    const home = await db.team.findFirstOrThrow({
      where: { cohortId: cohort.id, members: { some: { personId: ids.p4 } } },
    });
    const mod = await forming();
    const page = await jsonOf<{ draft: string }>(
      await callRoute(mod.loader, makeRequest("/cohorts/spring/teams/form", { cookie: cookies.organizer }), {
        slug: "spring",
      }),
    );
    const draft = decodeDraft(page.draft);
    const hannahMembership = await db.cohortMembership.findFirstOrThrow({
      where: { cohortId: cohort.id, personId: ids.p4, role: "participant" },
    });
    const hannahTeam = draft.teams.find((t) => t.participantIds.includes(hannahMembership.id))!;
    const otherTeam = draft.teams.find((t) => t !== hannahTeam)!;
    const mover = otherTeam.participantIds[0];
    otherTeam.participantIds = otherTeam.participantIds.slice(1);
    hannahTeam.participantIds.push(mover);
    const published = await callRoute(
      mod.action,
      makeRequest("/cohorts/spring/teams/form", {
        cookie: cookies.organizer,
        form: { intent: "publish", confirm: "on", draft: encodeDraft(draft), acceptWarnings: "on" },
      }),
      { slug: "spring" },
    );
    expect(published.status).toBe(302);
    const moverMembership = await db.cohortMembership.findUniqueOrThrow({
      where: { id: mover },
      include: { person: true },
    });
    expect(moverMembership.teamId).toBe(home.id);
    const welcome = await db.notice.findFirstOrThrow({
      where: {
        personId: moverMembership.personId,
        kind: "team.welcome",
        dedupeKey: `team-welcome:${mover}:${home.id}`,
      },
    });
    expect(welcome.bodyText).toContain(
      `Weekly meeting: Mondays 19:00–20:00 your time (${moverMembership.person!.timeZone}), set as Mondays 19:00–20:00 (Europe/London).`,
    );
  });

  it("refuses other teams' members and answers an unknown calendar address with 404", async () => {
    const teams = await db.team.findMany({
      where: { cohortId: cohort.id },
      include: { members: { where: { role: "participant" } } },
    });
    const [a, b] = teams;
    const outsiderKey = Object.keys(ids).find((k) => ids[k] === b.members[0].personId)!;
    const mod = await teamHome();
    const refused = await callRoute(
      mod.loader,
      makeRequest(`/cohorts/spring/teams/${a.slug}`, { cookie: cookies[outsiderKey] }),
      { slug: "spring", team: a.slug },
    );
    expect(refused.status).toBe(403);
    const feed = await callRoute(
      (await calendar()).loader,
      makeRequest("/calendar/not-a-real-token-000.ics"),
      { file: "not-a-real-token-000.ics" },
    );
    expect(feed.status).toBe(404);
  });
});
