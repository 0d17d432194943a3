// "Send a reminder" / "Check in" on the navigator's dashboard: a notice to a
// participant of the team, at most one a day per participant.
import { forbidden, type CohortAccess } from "~/auth/permissions.server";
import { queueNotice } from "~/notifications/outbox.server";
import { noticeText } from "~/notifications/templates";
import { noticeLink } from "~/notifications/links.server";
import { db } from "~/utils/db.server";
import { isoDay } from "~/utils/time";

export type CheckInResult = { queued: boolean; name: string };

export async function sendCheckIn(
  access: CohortAccess,
  teamSlug: string,
  personId: string,
  reason: string,
  now = new Date(),
): Promise<CheckInResult> {
  const team = await db.team.findUnique({
    where: { cohortId_slug: { cohortId: access.cohort.id, slug: teamSlug } },
    select: {
      id: true,
      members: {
        where: { role: { in: ["navigator", "captain", "participant"] } },
        select: { role: true, personId: true, person: { select: { name: true } } },
      },
    },
  });
  const guide = team?.members.some((m) => m.personId === access.person.id && m.role !== "participant");
  if (!team || (!guide && !access.isOrganizer))
    throw forbidden("Only the team's navigator, captain or an organizer can check in with its participants.");
  const participant = team.members.find((m) => m.role === "participant" && m.personId === personId);
  if (!participant?.person) throw forbidden("That person is not a participant of this team.");
  const why = reason.trim() ? ` — ${reason.trim()}` : "";
  const queued = await queueNotice({
    ...noticeText("check_in", {
      name: participant.person.name,
      navigator: access.person.name,
      cohort: access.cohort.name,
      why,
      link: noticeLink(`/cohorts/${access.cohort.slug}/week`),
    }),
    cohortId: access.cohort.id,
    personId,
    dedupeKey: `check-in:${access.cohort.id}:${personId}:${isoDay(now)}`,
  });
  return { queued, name: participant.person.name };
}
