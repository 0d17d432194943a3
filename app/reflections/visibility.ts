// Who may read, and who may reply to, a participant's reflection. Pure.
export type ViewerInCohort = {
  personId: string;
  isOrganizer: boolean;
  /** the viewer's team roles in this cohort */
  memberships: { role: string; teamId: string | null }[];
};

export type ReflectionOwner = { personId: string; teamId: string | null };

export type ReflectionAccess = "author" | "organizer" | "guide" | "teammate" | null;

/**
 * The participant, their team's navigator and captain, and organizers read a
 * reflection; teammates only when the participant shared it with the team (and
 * only once it is submitted). Everyone else, other teams' navigators included: no.
 */
export function reflectionAccess(
  viewer: ViewerInCohort,
  owner: ReflectionOwner,
  reflection: { sharedWithTeam: boolean; status: string } | null,
): ReflectionAccess {
  if (viewer.personId === owner.personId) return "author";
  if (viewer.isOrganizer) return "organizer";
  const inTeam = (roles: string[]) =>
    owner.teamId !== null &&
    viewer.memberships.some((m) => m.teamId === owner.teamId && roles.includes(m.role));
  if (inTeam(["navigator", "captain"])) return "guide";
  if (inTeam(["participant"]) && reflection?.sharedWithTeam && reflection.status === "submitted")
    return "teammate";
  return null;
}

/** Everyone who reads a reflection may reply, except teammates (they read a shared one). */
export function canReply(access: ReflectionAccess): boolean {
  return access === "author" || access === "organizer" || access === "guide";
}
