// A cohort with one person in every role, for the per-role access tables.
import {
  addMember,
  makeCohort,
  makePerson,
  makeProject,
  makeTeam,
  sessionCookieFor,
} from "../setup/factories";

export const WORLD_ROLES = [
  "anonymous",
  "applicant",
  "admin",
  "organizer",
  "reviewer",
  "navigator",
  "captain",
  "participant",
  "otherNavigator",
  "otherParticipant",
  "dual",
] as const;
export type WorldRole = (typeof WORLD_ROLES)[number];

/**
 * `dual` is a participant of team A and the navigator of team B (beside otherNavigator):
 * they may do what team A's participants may and what team B's navigator may, and
 * nothing of team A's navigator's (issue 11). Tables derive that from the participant's
 * and otherNavigator's columns unless a row says otherwise (`dual` in table.ts).
 */

/** Everyone who is signed in, whatever their role. */
export const SIGNED_IN = WORLD_ROLES.filter((role) => role !== "anonymous");

export async function buildWorld(timing: Parameters<typeof makeCohort>[0] = "running") {
  const project = await makeProject({ slug: "django", name: "Django" });
  const cohort = await makeCohort(timing, { slug: "session-1", projectIds: [project.id] });
  const teamA = await makeTeam(cohort.id, { slug: "team-a", name: "Team A", projectId: project.id });
  const teamB = await makeTeam(cohort.id, { slug: "team-b", name: "Team B", projectId: project.id });
  const people = {
    applicant: await makePerson({ login: "applicant" }),
    admin: await makePerson({ login: "admin", isAdmin: true }),
    organizer: await makePerson({ login: "organizer" }),
    reviewer: await makePerson({ login: "reviewer" }),
    navigator: await makePerson({ login: "navigator" }),
    captain: await makePerson({ login: "captain" }),
    participant: await makePerson({ login: "participant" }),
    otherNavigator: await makePerson({ login: "othernavigator" }),
    otherParticipant: await makePerson({ login: "otherparticipant" }),
    dual: await makePerson({ login: "dual" }),
  };
  await addMember(cohort.id, people.organizer.id, "organizer");
  await addMember(cohort.id, people.reviewer.id, "reviewer");
  await addMember(cohort.id, people.navigator.id, "navigator", teamA.id);
  await addMember(cohort.id, people.captain.id, "captain", teamA.id);
  await addMember(cohort.id, people.participant.id, "participant", teamA.id);
  await addMember(cohort.id, people.otherNavigator.id, "navigator", teamB.id);
  await addMember(cohort.id, people.otherParticipant.id, "participant", teamB.id);
  await addMember(cohort.id, people.dual.id, "participant", teamA.id);
  await addMember(cohort.id, people.dual.id, "navigator", teamB.id);
  const cookies = { anonymous: "" } as Record<WorldRole, string>;
  for (const [role, person] of Object.entries(people))
    cookies[role as WorldRole] = await sessionCookieFor(person.id);
  return { project, cohort, teamA, teamB, people, cookies };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
