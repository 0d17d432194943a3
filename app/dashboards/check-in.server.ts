// "Send a reminder" / "Check in" on the navigator's dashboard: a notice to a
// participant of the team, at most one a day per participant.
import { forbidden, type CohortAccess } from "~/auth/permissions.server";
import { queueNotice } from "~/notifications/outbox.server";
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
    kind: "check_in",
    cohortId: access.cohort.id,
    personId,
    subject: `${access.person.name} is checking in on you in ${access.cohort.name}`,
    bodyText: `Hi ${participant.person.name},\n\n${access.person.name} is checking in${why}. How is it going? Reply in your team's chat or in your next reflection; if you are stuck, tick “I need help”.\n\nYour week: ${noticeLink(`/cohorts/${access.cohort.slug}/week`)}\n`,
    dedupeKey: `check-in:${access.cohort.id}:${personId}:${isoDay(now)}`,
  });
  return { queued, name: participant.person.name };
}
