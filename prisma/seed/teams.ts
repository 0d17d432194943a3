// Teams demo: weekly availability for everyone in the running session (each team
// shares at least five hours, inside the members' own waking hours), and "Spring
// Sprint", a cohort whose decisions are published and whose teams are still to be
// formed: confirmed participants with preferences, scores and availability, three
// navigators and a captain who gave their availability, and one navigator appointed
// by a login that has not signed in yet.
import { randomBytes } from "node:crypto";
import { SLOTS_PER_DAY, SLOTS_PER_WEEK, slotShift } from "../../app/availability/slots";
import type { Db } from "../../app/utils/db.server";
import { DAY_MS, endOfDayAnywhereOnEarth, isoDay } from "../../app/utils/time";
import type { FoundationSeed } from "./foundation";

type Window = [day: number, from: number, to: number]; // day 0 = Monday, hours (may be x.5)

/** Slots for windows given in local time of `timeZone` (offset as at `at`). */
function week(timeZone: string, at: Date, windows: Window[], utcWindows: Window[] = []): string {
  const slots = new Array<string>(SLOTS_PER_WEEK).fill("0");
  const shift = slotShift(timeZone, at);
  const mark = (index: number) => {
    slots[((index % SLOTS_PER_WEEK) + SLOTS_PER_WEEK) % SLOTS_PER_WEEK] = "1";
  };
  for (const [day, from, to] of windows)
    for (let s = from * 2; s < to * 2; s++) mark(day * SLOTS_PER_DAY + s + shift);
  for (const [day, from, to] of utcWindows)
    for (let s = from * 2; s < to * 2; s++) mark(day * SLOTS_PER_DAY + s);
  return slots.join("");
}

const evenings = (days: number[], from = 18, to = 21): Window[] => days.map((d) => [d, from, to]);

export async function seedTeams(db: Db, foundation: FoundationSeed, now: Date): Promise<void> {
  const { people, cohorts, projects } = foundation;
  const running = cohorts.running;

  // ── session-5: availability consistent with the teams' meeting times ──
  const teamWindows: Record<string, Window[]> = {
    // Team Pegasus meets Tuesdays 17:00 Berlin; they share Tue 13–17 and Thu 13–15 UTC.
    pegasus: [
      [1, 13, 17],
      [3, 13, 15],
    ],
    // Team Andromeda meets Thursdays 15:00 London; Mon, Wed, Thu 15–17 UTC.
    andromeda: [
      [0, 15, 17],
      [2, 15, 17],
      [3, 15, 17],
    ],
    // Team Orion meets Wednesdays 13:30 Kolkata; Wed 8–10, Sat 9–12, Tue 11–12 UTC.
    orion: [
      [2, 8, 10],
      [5, 9, 12],
      [1, 11, 12],
    ],
  };
  const memberships = await db.cohortMembership.findMany({
    where: { cohortId: running.id, teamId: { not: null } },
    select: {
      id: true,
      personId: true,
      team: { select: { slug: true } },
      person: { select: { timeZone: true } },
    },
  });
  for (const [i, m] of memberships.entries()) {
    if (!m.personId || !m.team || !m.person) continue;
    // Published teams give every member a private calendar feed.
    await db.cohortMembership.update({
      where: { id: m.id },
      data: { calendarToken: randomBytes(18).toString("base64url") },
    });
    const slots = week(
      m.person.timeZone,
      running.startsOn,
      [...evenings(i % 2 ? [0, 2] : [1, 3], 19, 21), [5, 10, 12]],
      teamWindows[m.team.slug] ?? [],
    );
    await db.availability.upsert({
      where: { cohortId_personId: { cohortId: running.id, personId: m.personId } },
      create: { cohortId: running.id, personId: m.personId, slots, timeZone: m.person.timeZone },
      update: { slots, timeZone: m.person.timeZone },
    });
  }

  // ── Spring Sprint: teams forming ──
  const day = (offset: number) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + offset * DAY_MS);
  const sprint = await db.cohort.create({
    data: {
      slug: "spring-sprint",
      name: "Spring Sprint",
      description:
        "A short, focused sprint on Django and Wagtail: four weeks, small teams, one pull request each.",
      publishedAt: day(-60),
      applicationsOpenAt: day(-50),
      applicationsCloseAt: endOfDayAnywhereOnEarth(isoDay(day(-25))),
      decisionsPublishedAt: day(-12),
      startsOn: day(10),
      weeks: 4,
      projects: {
        create: [
          { projectId: projects.django.id },
          { projectId: projects.wagtail.id },
          { projectId: projects.toolbar.id },
        ],
      },
    },
  });
  const add = (personId: string, role: string, projectId: string | null = null) =>
    db.cohortMembership.create({ data: { cohortId: sprint.id, personId, role, projectId } });
  await add(people.lena.id, "organizer");
  await add(people.tom.id, "reviewer");
  await add(people.ines.id, "reviewer");

  const guides: { id: string; zone: string; role: string; projectId: string | null; windows: Window[] }[] = [
    {
      id: people.ana.id,
      zone: "America/Sao_Paulo",
      role: "navigator",
      projectId: projects.django.id,
      windows: [...evenings([0, 1, 2, 3], 17, 21), [5, 10, 13]],
    },
    {
      id: people.kwame.id,
      zone: "Europe/London",
      role: "navigator",
      projectId: projects.wagtail.id,
      windows: [...evenings([0, 1, 2, 3], 17, 21), [5, 10, 14]],
    },
    {
      id: people.priya.id,
      zone: "Asia/Kolkata",
      role: "navigator",
      projectId: null,
      windows: [...evenings([0, 1, 2, 3], 19, 23.5), [5, 13, 17], [6, 14, 17]],
    },
    {
      id: people.jonas.id,
      zone: "Europe/Stockholm",
      role: "captain",
      projectId: null,
      windows: [...evenings([0, 1, 2, 3, 4], 18, 22), [5, 10, 15]],
    },
  ];
  for (const g of guides) {
    await add(g.id, g.role, g.projectId);
    await db.availability.create({
      data: {
        cohortId: sprint.id,
        personId: g.id,
        timeZone: g.zone,
        slots: week(g.zone, sprint.startsOn, g.windows),
      },
    });
  }
  // A navigator appointed before they ever signed in: bound at their first sign-in.
  await db.cohortMembership.create({
    data: {
      cohortId: sprint.id,
      pendingLogin: "hollyadeyemi",
      role: "navigator",
      projectId: projects.wagtail.id,
    },
  });

  const rubric = [
    await db.rubricCriterion.create({
      data: {
        cohortId: sprint.id,
        position: 1,
        name: "Motivation",
        description: "Why this project, why now.",
      },
    }),
    await db.rubricCriterion.create({
      data: {
        cohortId: sprint.id,
        position: 2,
        name: "Readiness",
        description: "Comfort with Python, Git and asking for help.",
      },
    }),
  ];

  type Applicant = {
    login: string;
    name: string;
    zone: string;
    prefs: ("django" | "wagtail" | "toolbar")[];
    any?: boolean;
    windows: Window[];
    scores: [number, number][];
  };
  const applicants: Applicant[] = [
    {
      login: "owalsh",
      name: "Oliver Walsh",
      zone: "Europe/Dublin",
      prefs: [],
      any: true,
      windows: [...evenings([0, 1, 2, 3], 17, 22), [5, 9, 14]],
      scores: [
        [4, 5],
        [4, 4],
      ],
    },
    {
      login: "aishabello",
      name: "Aisha Bello",
      zone: "Africa/Lagos",
      prefs: ["wagtail", "django"],
      windows: [...evenings([0, 1, 2, 3], 18, 22), [5, 11, 14]],
      scores: [
        [5, 4],
        [4, 4],
      ],
    },
    {
      login: "mateogarcia",
      name: "Mateo García",
      zone: "Europe/Madrid",
      prefs: ["wagtail"],
      windows: [...evenings([0, 2, 3], 19, 23), [5, 10, 13]],
      scores: [
        [4, 4],
        [3, 4],
      ],
    },
    {
      login: "lukasnovak",
      name: "Lukáš Novák",
      zone: "Europe/Prague",
      prefs: ["wagtail", "toolbar"],
      windows: [...evenings([0, 1, 2], 18, 22), [6, 10, 13]],
      scores: [
        [3, 4],
        [4, 3],
      ],
    },
    {
      login: "saralindqvist",
      name: "Sara Lindqvist",
      zone: "Europe/Stockholm",
      prefs: ["wagtail"],
      windows: [...evenings([1, 2, 3], 19, 22), [5, 10, 12]],
      scores: [
        [3, 3],
        [4, 3],
      ],
    },
    {
      login: "juliacosta",
      name: "Júlia Costa",
      zone: "America/Sao_Paulo",
      prefs: ["django"],
      windows: [...evenings([0, 1, 2, 3], 18, 22), [5, 9, 12]],
      scores: [
        [5, 5],
        [4, 5],
      ],
    },
    {
      login: "liamobrien",
      name: "Liam O’Brien",
      zone: "America/Toronto",
      prefs: ["django", "wagtail"],
      windows: [...evenings([0, 1, 2, 3], 17, 21), [5, 9, 13]],
      scores: [
        [4, 3],
        [4, 4],
      ],
    },
    {
      login: "emilycarter",
      name: "Emily Carter",
      zone: "America/Denver",
      prefs: ["django"],
      windows: [...evenings([0, 1, 2, 3], 15, 20), [5, 8, 12]],
      scores: [
        [3, 4],
        [3, 3],
      ],
    },
    {
      login: "kofiasante",
      name: "Kofi Asante",
      zone: "Africa/Accra",
      prefs: ["django"],
      windows: [...evenings([0, 1, 2, 3], 19, 22), [5, 12, 15]],
      scores: [
        [4, 4],
        [5, 4],
      ],
    },
    {
      login: "hiroshitanaka",
      name: "Hiroshi Tanaka",
      zone: "Asia/Tokyo",
      prefs: ["toolbar", "django"],
      windows: [...evenings([0, 1, 2, 3], 21, 24), [5, 16, 21], [6, 18, 21]],
      scores: [
        [4, 5],
        [5, 4],
      ],
    },
    {
      login: "arjunmehta",
      name: "Arjun Mehta",
      zone: "Asia/Kolkata",
      prefs: ["toolbar"],
      windows: [...evenings([0, 1, 2, 3], 19, 23), [5, 13, 18]],
      scores: [
        [3, 4],
        [4, 4],
      ],
    },
    {
      login: "gracemwangi",
      name: "Grace Mwangi",
      zone: "Africa/Nairobi",
      prefs: [],
      any: true,
      windows: [...evenings([0, 1, 2, 3], 17, 21.5), [5, 12, 16]],
      scores: [
        [4, 3],
        [3, 4],
      ],
    },
    {
      login: "zeynepkaya",
      name: "Zeynep Kaya",
      zone: "Europe/Istanbul",
      prefs: ["toolbar", "wagtail"],
      windows: [...evenings([0, 1, 3], 20, 23), [6, 12, 15]],
      scores: [
        [3, 3],
        [3, 4],
      ],
    },
    {
      login: "noahschmidt",
      name: "Noah Schmidt",
      zone: "Europe/Berlin",
      prefs: ["django"],
      windows: [
        [1, 6, 8],
        [3, 6, 8],
        [6, 20, 22],
      ],
      scores: [
        [3, 2],
        [2, 3],
      ],
    },
  ];
  const projectBySlug = { django: projects.django, wagtail: projects.wagtail, toolbar: projects.toolbar };
  const decided = sprint.decisionsPublishedAt!;
  let githubId = 9_300_000;
  for (const [i, a] of applicants.entries()) {
    const existing = await db.person.findUnique({ where: { login: a.login }, select: { id: true } });
    const person =
      existing ??
      (await db.person.create({
        data: {
          login: a.login,
          name: a.name,
          email: `${a.login}@example.org`,
          timeZone: a.zone,
          githubId: githubId++,
          avatarUrl: `/avatars/${a.login}.svg`,
        },
      }));
    const submittedAt = new Date(sprint.applicationsOpenAt.getTime() + (1 + (i % 20)) * DAY_MS);
    const application = await db.application.create({
      data: {
        cohortId: sprint.id,
        personId: person.id,
        status: "submitted",
        submittedAt,
        anyProject: a.any ?? false,
        decision: "accepted",
        publishedDecision: "accepted",
        decidedById: people.lena.id,
        decidedAt: decided,
        version: 1,
        codeOfConductAcknowledgedAt: submittedAt,
        aiPolicyAcknowledgedAt: submittedAt,
        preferences: {
          create: a.prefs.map((slug, r) => ({ projectId: projectBySlug[slug].id, rank: r + 1 })),
        },
      },
    });
    for (const [k, reviewer] of [people.tom, people.ines].entries()) {
      await db.review.create({
        data: {
          applicationId: application.id,
          reviewerId: reviewer.id,
          submittedAt: new Date(decided.getTime() - (5 - k) * DAY_MS),
          scores: { create: rubric.map((c, n) => ({ criterionId: c.id, score: a.scores[k][n] })) },
        },
      });
    }
    await db.offer.create({
      data: {
        applicationId: application.id,
        status: "confirmed",
        token: randomBytes(24).toString("base64url"),
        sentAt: decided,
        expiresAt: new Date(decided.getTime() + 7 * DAY_MS),
        respondedAt: new Date(decided.getTime() + (1 + (i % 4)) * DAY_MS),
      },
    });
    await add(person.id, "participant");
    await db.availability.create({
      data: {
        cohortId: sprint.id,
        personId: person.id,
        timeZone: a.zone,
        slots: week(a.zone, sprint.startsOn, a.windows),
      },
    });
  }
}
