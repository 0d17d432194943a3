// The demo program's people, projects, cohorts and teams. Dates are relative to
// `now` so the running cohort is always in its third week.
import type { Db } from "../../app/utils/db.server";
import { DAY_MS, endOfDayAnywhereOnEarth, isoDay } from "../../app/utils/time";

type PersonSeed = { login: string; name: string; timeZone: string; demoRole: string; isAdmin?: boolean };

const people = {
  amara: {
    login: "amara-okafor",
    name: "Amara Okafor",
    timeZone: "Africa/Lagos",
    demoRole: "admin",
    isAdmin: true,
  },
  lena: { login: "lenafischer", name: "Lena Fischer", timeZone: "Europe/Berlin", demoRole: "organizer" },
  tom: { login: "tomnguyen", name: "Tom Nguyen", timeZone: "Australia/Sydney", demoRole: "reviewer" },
  ines: { login: "ines-duarte", name: "Inês Duarte", timeZone: "Europe/Lisbon", demoRole: "reviewer" },
  ana: { login: "anasouza", name: "Ana Souza", timeZone: "America/Sao_Paulo", demoRole: "navigator" },
  kwame: { login: "kmensah", name: "Kwame Mensah", timeZone: "Europe/London", demoRole: "navigator" },
  priya: { login: "priyaraman", name: "Priya Raman", timeZone: "Asia/Kolkata", demoRole: "navigator" },
  jonas: { login: "jonasberg", name: "Jonas Berg", timeZone: "Europe/Stockholm", demoRole: "captain" },
  mei: { login: "meilin-dev", name: "Mei Lin", timeZone: "Asia/Shanghai", demoRole: "participant" },
  diego: {
    login: "diegoramirez",
    name: "Diego Ramírez",
    timeZone: "America/Mexico_City",
    demoRole: "participant",
  },
  fatima: { login: "fzahra", name: "Fatima Zahra", timeZone: "Africa/Casablanca", demoRole: "participant" },
  oliver: { login: "owalsh", name: "Oliver Walsh", timeZone: "Europe/Dublin", demoRole: "participant" },
  chloe: { login: "chloemartin", name: "Chloé Martin", timeZone: "Europe/Paris", demoRole: "participant" },
  yusuf: { login: "yusufdemir", name: "Yusuf Demir", timeZone: "Europe/Istanbul", demoRole: "participant" },
  hannah: {
    login: "hannahkim",
    name: "Hannah Kim",
    timeZone: "America/Los_Angeles",
    demoRole: "participant",
  },
  ravi: { login: "ravipatel", name: "Ravi Patel", timeZone: "Asia/Kolkata", demoRole: "participant" },
  sofia: { login: "sofiarossi", name: "Sofia Rossi", timeZone: "Europe/Rome", demoRole: "participant" },
  lucas: {
    login: "lucas-silva",
    name: "Lucas Silva",
    timeZone: "America/Sao_Paulo",
    demoRole: "participant",
  },
  nadia: { login: "nadiahaddad", name: "Nadia Haddad", timeZone: "Asia/Beirut", demoRole: "applicant" },
  sam: { login: "samokonkwo", name: "Sam Okonkwo", timeZone: "America/New_York", demoRole: "alumnus" },
} satisfies Record<string, PersonSeed>;

export type DemoPeople = Record<keyof typeof people, { id: string; login: string; name: string }>;

export type FoundationSeed = Awaited<ReturnType<typeof seedFoundation>>;

export async function seedFoundation(db: Db, now: Date) {
  const ids = {} as DemoPeople;
  let githubId = 9_100_000;
  for (const [key, p] of Object.entries(people) as [keyof typeof people, PersonSeed][]) {
    const person = await db.person.create({
      data: {
        login: p.login,
        name: p.name,
        email: `${p.login}@example.org`,
        timeZone: p.timeZone,
        isAdmin: p.isAdmin ?? false,
        isDemo: true,
        demoRole: p.demoRole,
        githubId: githubId++,
        avatarUrl: `/avatars/${p.login}.svg`,
      },
    });
    ids[key] = { id: person.id, login: person.login, name: person.name };
  }

  const django = await db.project.create({
    data: {
      slug: "django",
      name: "Django",
      description: "The web framework for perfectionists with deadlines.",
      websiteUrl: "https://www.djangoproject.com/",
      tracUrl: "https://code.djangoproject.com",
      tracQuery: "status=!closed&stage=Accepted&easy=1",
      starterLabels: JSON.stringify(["easy pickings"]),
      aiPolicyText:
        "You may use AI tools, but you must understand and be able to explain every line you submit, say in the pull request which tools you used, and never paste generated text into tickets or reviews.",
      aiPolicyUrl: "https://docs.djangoproject.com/en/dev/internals/contributing/",
      repositories: { create: [{ owner: "django", name: "django" }] },
    },
  });
  const wagtail = await db.project.create({
    data: {
      slug: "wagtail",
      name: "Wagtail",
      description: "A Django content management system focused on flexibility and user experience.",
      websiteUrl: "https://wagtail.org/",
      starterLabels: JSON.stringify(["good first issue", "help wanted"]),
      aiPolicyText:
        "Disclose AI assistance in your pull request description and review generated code as carefully as your own.",
      repositories: { create: [{ owner: "wagtail", name: "wagtail" }] },
    },
  });
  const toolbar = await db.project.create({
    data: {
      slug: "django-debug-toolbar",
      name: "Django Debug Toolbar",
      description: "A configurable set of panels that display debug information about the current request.",
      websiteUrl: "https://django-debug-toolbar.readthedocs.io/",
      starterLabels: JSON.stringify(["good first issue", "help wanted"]),
      aiPolicyText:
        "AI-assisted contributions are welcome when disclosed and fully understood by their author.",
      repositories: { create: [{ owner: "django-commons", name: "django-debug-toolbar" }] },
    },
  });
  const projects = { django, wagtail, toolbar };

  const day = (offset: number) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + offset * DAY_MS);
  const aoe = (offset: number) => endOfDayAnywhereOnEarth(isoDay(day(offset)));

  // Finished: ended about two months ago.
  const finished = await db.cohort.create({
    data: {
      slug: "session-4",
      name: "Session 4",
      description: "Our fourth session: Django, Wagtail and Django Debug Toolbar.",
      publishedAt: day(-220),
      applicationsOpenAt: day(-210),
      applicationsCloseAt: aoe(-180),
      decisionsPublishedAt: day(-170),
      startsOn: day(-150),
      weeks: 8,
      projects: { create: [{ projectId: django.id }, { projectId: wagtail.id }] },
    },
  });
  // Running: started 16 days ago, so today is in week 3 of 6.
  const running = await db.cohort.create({
    data: {
      slug: "session-5",
      name: "Session 5",
      description: "Three teams contributing to Django, Wagtail and Django Debug Toolbar.",
      publishedAt: day(-90),
      applicationsOpenAt: day(-80),
      applicationsCloseAt: aoe(-50),
      decisionsPublishedAt: day(-40),
      teamsPublishedAt: day(-25),
      startsOn: day(-16),
      weeks: 6,
      projects: { create: [{ projectId: django.id }, { projectId: wagtail.id }, { projectId: toolbar.id }] },
    },
  });
  // Upcoming: applications open now.
  const upcoming = await db.cohort.create({
    data: {
      slug: "session-6",
      name: "Session 6",
      description: "Applications are open for our sixth session.",
      publishedAt: day(-12),
      applicationsOpenAt: day(-10),
      applicationsCloseAt: aoe(18),
      startsOn: day(45),
      weeks: 6,
      projects: { create: [{ projectId: django.id }, { projectId: wagtail.id }, { projectId: toolbar.id }] },
    },
  });
  const cohorts = { finished, running, upcoming };

  const member = (cohortId: string, personId: string, role: string, teamId?: string) =>
    db.cohortMembership.create({ data: { cohortId, personId, role, teamId, lastActiveAt: now } });

  // Organizers and reviewers.
  for (const cohort of [finished, running, upcoming]) await member(cohort.id, ids.lena.id, "organizer");
  await member(upcoming.id, ids.tom.id, "reviewer");
  await member(upcoming.id, ids.ines.id, "reviewer");
  await member(upcoming.id, ids.ana.id, "reviewer");

  // The running cohort's teams.
  const pegasus = await db.team.create({
    data: {
      cohortId: running.id,
      slug: "pegasus",
      name: "Team Pegasus",
      projectId: django.id,
      chatUrl: "https://discord.com/channels/demo/pegasus",
      meetingWeekday: 2,
      meetingMinute: 17 * 60,
      meetingTimeZone: "Europe/Berlin",
      links: JSON.stringify([{ label: "Team notes", url: "https://hackmd.io/demo-pegasus" }]),
    },
  });
  const andromeda = await db.team.create({
    data: {
      cohortId: running.id,
      slug: "andromeda",
      name: "Team Andromeda",
      projectId: wagtail.id,
      chatUrl: "https://discord.com/channels/demo/andromeda",
      meetingWeekday: 4,
      meetingMinute: 15 * 60,
      meetingTimeZone: "Europe/London",
      links: "[]",
    },
  });
  const orion = await db.team.create({
    data: {
      cohortId: running.id,
      slug: "orion",
      name: "Team Orion",
      projectId: toolbar.id,
      chatUrl: "https://discord.com/channels/demo/orion",
      meetingWeekday: 3,
      meetingMinute: 13 * 60 + 30,
      meetingTimeZone: "Asia/Kolkata",
      links: "[]",
    },
  });
  const teams = { pegasus, andromeda, orion };

  await member(running.id, ids.ana.id, "navigator", pegasus.id);
  await member(running.id, ids.jonas.id, "captain", pegasus.id);
  for (const p of [ids.mei, ids.diego, ids.fatima, ids.oliver])
    await member(running.id, p.id, "participant", pegasus.id);
  await member(running.id, ids.kwame.id, "navigator", andromeda.id);
  for (const p of [ids.chloe, ids.yusuf, ids.hannah])
    await member(running.id, p.id, "participant", andromeda.id);
  await member(running.id, ids.priya.id, "navigator", orion.id);
  for (const p of [ids.ravi, ids.sofia, ids.lucas]) await member(running.id, p.id, "participant", orion.id);

  // The finished cohort: one team, now alumni.
  const vega = await db.team.create({
    data: { cohortId: finished.id, slug: "vega", name: "Team Vega", projectId: django.id, links: "[]" },
  });
  await member(finished.id, ids.kwame.id, "navigator", vega.id);
  for (const p of [ids.sam, ids.ana, ids.jonas]) {
    await db.cohortMembership.create({
      data: {
        cohortId: finished.id,
        personId: p.id,
        role: "participant",
        teamId: vega.id,
        completedAt: day(-94),
      },
    });
  }

  return { people: ids, projects, cohorts, teams: { ...teams, vega } };
}
