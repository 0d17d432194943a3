// Demo call for navigators and captains: Session 6 (applications open) has an open
// call linked from its public page, 8 hours a week, alumni invited. Two volunteers
// applied: Jonas (an alumnus of Session 4) as navigator, flagged for time; Priya as
// captain, interview planned. Sam (alumnus) is invited and has not applied yet.
import type { Db } from "../../app/utils/db.server";
import { DAY_MS } from "../../app/utils/time";
import type { FoundationSeed } from "./foundation";

export async function seedOfficers(db: Db, f: FoundationSeed, now: Date): Promise<void> {
  const { upcoming, finished } = f.cohorts;
  const p = f.people;
  // An alumna of Session 4 who has not volunteered yet (the browser test has her apply),
  // and Session 6's first team, formed early around its returning guides.
  const lucia = await db.person.create({
    data: {
      login: "luciagomez",
      name: "Lucía Gómez",
      email: "luciagomez@example.org",
      timeZone: "America/Bogota",
      isDemo: true,
      demoRole: "alumna",
    },
  });
  await db.cohortMembership.create({
    data: {
      cohortId: finished.id,
      personId: lucia.id,
      role: "participant",
      teamId: f.teams.vega.id,
      completedAt: new Date(finished.startsOn.getTime() + 56 * DAY_MS),
    },
  });
  await db.team.create({
    data: {
      cohortId: upcoming.id,
      slug: "lyra",
      name: "Team Lyra",
      projectId: f.projects.django.id,
      links: "[]",
    },
  });
  await db.cohort.update({ where: { id: upcoming.id }, data: { weeklyHours: 8 } });
  await db.cohort.update({ where: { id: f.cohorts.running.id }, data: { weeklyHours: 8 } });
  const call = await db.officerCall.create({
    data: {
      cohortId: upcoming.id,
      opensAt: new Date(now.getTime() - 7 * DAY_MS),
      closesAt: new Date(now.getTime() + 14 * DAY_MS),
      intro:
        "Navigators meet their team once a week, curate **starter issues** and pre-review pull requests. Captains check in on people between meetings.",
      questions: JSON.stringify([
        {
          id: "why",
          type: "long_text",
          label: "Why would you like to guide a team?",
          helpText: "A few sentences are enough.",
          required: true,
          options: [],
        },
        {
          id: "reviewed",
          type: "yes_no",
          label: "Have you reviewed pull requests on one of these projects?",
          helpText: "",
          required: false,
          options: [],
        },
      ]),
      invitesSentAt: new Date(now.getTime() - 6 * DAY_MS),
    },
  });
  for (const who of [p.sam, p.ana, p.jonas, lucia]) {
    await db.notice.create({
      data: {
        cohortId: upcoming.id,
        personId: who.id,
        toEmail: `${who.login}@example.org`,
        kind: "officer_invitation",
        status: "kept",
        subject: "Come back as a navigator or captain of Session 6",
        bodyText: `Hi ${who.name},\n\nYou took part in Session 4. Session 6 is looking for navigators and captains (about 8 hours a week).\n`,
        dedupeKey: `officer-invite:${call.id}:${who.id}`,
        createdAt: new Date(now.getTime() - 6 * DAY_MS),
      },
    });
  }
  await db.officerApplication.create({
    data: {
      callId: call.id,
      cohortId: upcoming.id,
      personId: p.jonas.id,
      role: "navigator",
      answers: JSON.stringify({
        why: "Session 4 changed how I work. I want to give a new team the weekly rhythm Kwame gave us.",
        reviewed: "yes",
      }),
      projects: JSON.stringify(["django"]),
      hoursPerWeek: 6,
      otherCommitments: "Full-time job; evening course on Tuesdays",
      commitmentHours: 45,
      submittedAt: new Date(now.getTime() - 4 * DAY_MS),
    },
  });
  await db.officerApplication.create({
    data: {
      callId: call.id,
      cohortId: upcoming.id,
      personId: p.priya.id,
      role: "captain",
      answers: JSON.stringify({
        why: "I navigated Team Orion and would like to help a new navigator as captain.",
        reviewed: "yes",
      }),
      projects: JSON.stringify(["django-debug-toolbar", "django"]),
      hoursPerWeek: 10,
      otherCommitments: "Part-time consulting",
      commitmentHours: 25,
      status: "interview_planned",
      notes: "Strong on the toolbar codebase.",
      rubricScores: JSON.stringify({ "Experience with the project": "5" }),
      version: 1,
      submittedAt: new Date(now.getTime() - 3 * DAY_MS),
    },
  });
}
