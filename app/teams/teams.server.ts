// Appointments of navigators and captains, weekly availability, the team's home
// (members, shared hours, meeting, links) and its private calendar feed.
import type { CohortAccess } from "~/auth/permissions.server";
import { forbidden, notFound } from "~/auth/permissions.server";
import type { SessionPerson } from "~/auth/session.server";
import { appointByLogin, findPersonByLoginInsensitive } from "~/cohorts/admin.server";
import { recordAudit } from "~/cohorts/audit.server";
import { assertPhase, cohortEndsAt, phaseOf, PhaseError, type Phase } from "~/cohorts/phase";
import { countSlots, emptySlots, isSlotString, localToUtc, utcToLocal } from "~/availability/slots";
import { db } from "~/utils/db.server";
import { isValidTimeZone, safeZone } from "~/utils/time";
import { andAll, bitsFromSlots, count, slotsFromBits } from "./bitset";
import { calendarFeed } from "./calendar";
import { appUrl } from "~/notifications/links.server";
import { newCalendarToken } from "./forming.server";
import { formatCohortMeetingFor, localDate, hhmm } from "./meeting";
import type { AppointInput, LinksInput, MeetingInput } from "./team-forms";

// ───────────────────────────── appointments ─────────────────────────────

export async function getAppointments(cohortId: string) {
  const [projects, guides] = await Promise.all([
    db.cohortProject.findMany({
      where: { cohortId },
      select: { project: { select: { slug: true, name: true } } },
    }),
    db.cohortMembership.findMany({
      where: { cohortId, role: { in: ["navigator", "captain"] } },
      select: {
        id: true,
        role: true,
        pendingLogin: true,
        personId: true,
        person: { select: { name: true, login: true, avatarUrl: true, timeZone: true } },
        project: { select: { name: true } },
        team: { select: { name: true, slug: true } },
      },
      orderBy: [{ role: "desc" }, { createdAt: "asc" }],
    }),
  ]);
  const personIds = guides.flatMap((g) => (g.personId ? [g.personId] : []));
  const availability = await db.availability.findMany({
    where: { cohortId, personId: { in: personIds } },
    select: { personId: true, slots: true },
  });
  const hoursOf = new Map(availability.map((a) => [a.personId, countSlots(a.slots) / 2]));
  return {
    projects: projects.map((p) => p.project).sort((a, b) => a.name.localeCompare(b.name)),
    guides: guides.map((g) => ({
      id: g.id,
      role: g.role as "navigator" | "captain",
      login: g.person?.login ?? g.pendingLogin ?? "",
      name: g.person?.name ?? null,
      avatarUrl: g.person?.avatarUrl ?? null,
      timeZone: g.person?.timeZone ?? null,
      pending: !g.personId,
      project: g.project?.name ?? null,
      team: g.team,
      availabilityHours: g.personId ? (hoursOf.get(g.personId) ?? null) : null,
    })),
  };
}

export async function appointGuide(
  actorId: string,
  cohortId: string,
  input: AppointInput,
): Promise<{ ok: true; pending: boolean } | { ok: false; errors: Record<string, string> }> {
  let projectId: string | null = null;
  if (input.project) {
    const link = await db.cohortProject.findFirst({
      where: { cohortId, project: { slug: input.project } },
      select: { projectId: true },
    });
    if (!link) return { ok: false, errors: { project: "Choose one of the cohort's projects." } };
    projectId = link.projectId;
  }
  const result = await appointByLogin(actorId, cohortId, input.login, input.role);
  if (!result.ok) return { ok: false, errors: { login: result.error } };
  if (projectId) {
    const person = await findPersonByLoginInsensitive(input.login);
    await db.cohortMembership.updateMany({
      where: {
        cohortId,
        role: input.role,
        ...(person ? { personId: person.id } : { pendingLogin: input.login.toLowerCase() }),
      },
      data: { projectId },
    });
  }
  return { ok: true, pending: result.pending };
}

/** Removes a navigator or captain appointment (never another kind of membership). */
export async function removeGuide(
  actorId: string,
  cohortId: string,
  membershipId: string,
): Promise<string | null> {
  const membership = await db.cohortMembership.findFirst({
    where: { id: membershipId, cohortId, role: { in: ["navigator", "captain"] } },
    select: { id: true, role: true, pendingLogin: true, person: { select: { login: true } } },
  });
  if (!membership) return null;
  await db.cohortMembership.delete({ where: { id: membership.id } });
  const login = membership.person?.login ?? membership.pendingLogin ?? "";
  await recordAudit({
    actorId,
    cohortId,
    action: "membership.removed",
    subjectType: "membership",
    subjectId: membership.id,
    fromValue: membership.role,
    detail: login,
  });
  return `@${login} is no longer a ${membership.role} of this cohort.`;
}

// ───────────────────────────── availability ─────────────────────────────

type CohortDates = {
  id: string;
  publishedAt: Date | null;
  applicationsOpenAt: Date;
  applicationsCloseAt: Date;
  decisionsPublishedAt: Date | null;
  startsOn: Date;
  weeks: number;
};

/**
 * Slot strings are converted with the zone's offset at the cohort's start (as the
 * application form does), so a week chosen in Berlin in winter stays the same week.
 */
export async function getMyAvailability(cohort: CohortDates, person: SessionPerson, now = new Date()) {
  const availability = await db.availability.findUnique({
    where: { cohortId_personId: { cohortId: cohort.id, personId: person.id } },
  });
  const timeZone = availability?.timeZone ?? person.timeZone;
  return {
    timeZone,
    localSlots: availability ? utcToLocal(availability.slots, timeZone, cohort.startsOn) : emptySlots(),
    hours: availability ? countSlots(availability.slots) / 2 : 0,
    updatedAt: availability?.updatedAt ?? null,
    phase: phaseOf(cohort, now) as Phase,
  };
}

export async function saveMyAvailability(
  cohort: CohortDates,
  personId: string,
  localSlots: string,
  timeZone: string,
  now = new Date(),
): Promise<{ ok: true; hours: number } | { ok: false; error: string }> {
  const cohortId = cohort.id;
  try {
    assertPhase(
      cohort,
      ["upcoming", "applications_open", "review", "teams_forming", "running"],
      "change your availability",
      now,
    );
  } catch (error) {
    if (error instanceof PhaseError) return { ok: false, error: error.message };
    throw error;
  }
  if (!isSlotString(localSlots) || !isValidTimeZone(timeZone))
    return { ok: false, error: "The availability could not be read; please tick the slots again." };
  const slots = localToUtc(localSlots, timeZone, cohort.startsOn);
  await db.availability.upsert({
    where: { cohortId_personId: { cohortId, personId } },
    create: { cohortId, personId, slots, timeZone },
    update: { slots, timeZone },
  });
  return { ok: true, hours: countSlots(slots) / 2 };
}

// ───────────────────────────── the team's home ─────────────────────────────

export type TeamLink = { label: string; url: string };

export function parseLinks(value: string): TeamLink[] {
  try {
    const rows = JSON.parse(value) as unknown;
    if (!Array.isArray(rows)) return [];
    return rows.filter(
      (r): r is TeamLink =>
        typeof r?.label === "string" && typeof r?.url === "string" && /^https?:\/\//.test(r.url),
    );
  } catch {
    return [];
  }
}

/** The team, if the viewer may see it: its members and the cohort's organizers only. */
async function teamForViewer(access: CohortAccess, teamSlug: string) {
  const team = await db.team.findUnique({
    where: { cohortId_slug: { cohortId: access.cohort.id, slug: teamSlug } },
  });
  if (!team) throw notFound("There is no team at this address.");
  if (!access.isOrganizer && !access.teamIds.includes(team.id))
    throw forbidden("Only the team's members and the cohort's organizers can see this team.");
  return team;
}

export async function getTeamHome(
  access: CohortAccess,
  teamSlug: string,
  origin: string | null,
  now = new Date(),
) {
  const team = await teamForViewer(access, teamSlug);
  const viewerZone = safeZone(access.person.timeZone);
  const cohort = access.cohort;
  const [members] = await Promise.all([
    db.cohortMembership.findMany({
      where: { teamId: team.id },
      select: {
        id: true,
        role: true,
        personId: true,
        pendingLogin: true,
        calendarToken: true,
        person: { select: { name: true, login: true, avatarUrl: true, timeZone: true } },
      },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const project = team.projectId
    ? await db.project.findUnique({ where: { id: team.projectId }, select: { name: true, slug: true } })
    : null;
  const personIds = members.flatMap((m) => (m.personId ? [m.personId] : []));
  const availability = await db.availability.findMany({
    where: { cohortId: access.cohort.id, personId: { in: personIds } },
    select: { personId: true, slots: true },
  });
  const slotsOf = new Map(availability.map((a) => [a.personId, a.slots]));
  const roleOrder = { navigator: 0, captain: 1, participant: 2 } as Record<string, number>;
  const sorted = [...members].sort((a, b) => (roleOrder[a.role] ?? 3) - (roleOrder[b.role] ?? 3));
  const core = sorted
    .filter((m) => m.role !== "captain" && m.personId)
    .map((m) => bitsFromSlots(slotsOf.get(m.personId!) ?? null));
  const coreMask = andAll(core);
  const captain = sorted.find((m) => m.role === "captain" && m.personId);
  const captainHours = captain
    ? count(andAll([coreMask, bitsFromSlots(slotsOf.get(captain.personId!) ?? null)])) / 2
    : null;
  const shared = core.length > 0 ? slotsFromBits(coreMask) : emptySlots();
  const endsAt = cohortEndsAt(cohort);
  const meeting = formatCohortMeetingFor(team, viewerZone, now, { startsOn: cohort.startsOn, endsAt });
  const mine = members.find((m) => m.personId === access.person.id);
  const phase = phaseOf(cohort, now);
  const canEdit = access.isOrganizer || (access.roles.includes("navigator") && mine?.role === "navigator");
  return {
    cohort: { name: cohort.name, slug: cohort.slug, phase },
    team: {
      slug: team.slug,
      name: team.name,
      project,
      chatUrl: team.chatUrl,
      links: parseLinks(team.links),
      meeting:
        team.meetingWeekday != null
          ? {
              weekday: team.meetingWeekday,
              time: hhmm(team.meetingMinute ?? 0),
              timeZone: team.meetingTimeZone ?? viewerZone,
              minutes: team.meetingMinutes,
            }
          : null,
    },
    members: sorted.map((m) => {
      const zone = m.person && isValidTimeZone(m.person.timeZone) ? m.person.timeZone : null;
      const local = zone ? localDate(now, zone) : null;
      return {
        id: m.id,
        role: m.role,
        name: m.person?.name ?? `@${m.pendingLogin}`,
        login: m.person?.login ?? m.pendingLogin ?? "",
        avatarUrl: m.person
          ? (m.person.avatarUrl ?? `https://github.com/${m.person.login}.png?size=64`)
          : null,
        timeZone: zone,
        localTime: local
          ? `${["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][local.weekday - 1]} ${hhmm(local.minute)}`
          : null,
        pending: !m.personId,
        hasAvailability: m.personId ? slotsOf.has(m.personId) : false,
      };
    }),
    shared: { hours: countSlots(shared) / 2, localSlots: utcToLocal(shared, viewerZone, now), captainHours },
    meeting: meeting && {
      label: meeting.label,
      timeZone: meeting.timeZone,
      asSet: meeting.asSet,
      beforeStart: meeting.beforeStart,
      next: meeting.next.map((o) => o.startsAt.toISOString()),
      changes: meeting.changes.map((c) => ({ from: c.from.toISOString(), label: c.label })),
    },
    viewerZone,
    calendarUrl: mine?.calendarToken ? `${appUrl(origin)}/calendar/${mine.calendarToken}.ics` : null,
    isMember: Boolean(mine),
    canEdit,
    now: now.toISOString(),
  };
}

function assertCanEdit(access: CohortAccess, teamId: string, membershipRoles: string[]) {
  if (access.isOrganizer) return;
  if (access.teamIds.includes(teamId) && membershipRoles.includes("navigator")) return;
  throw forbidden(
    "Only the team's navigator and the cohort's organizers can change the team's meeting and links.",
  );
}

async function rolesInTeam(personId: string, teamId: string): Promise<string[]> {
  return (await db.cohortMembership.findMany({ where: { teamId, personId }, select: { role: true } })).map(
    (m) => m.role,
  );
}

/** Throws a 403 unless the viewer is the team's navigator or an organizer. Call before reading the form. */
export async function requireTeamEditor(access: CohortAccess, teamSlug: string): Promise<void> {
  const team = await teamForViewer(access, teamSlug);
  assertCanEdit(access, team.id, await rolesInTeam(access.person.id, team.id));
}

export async function setMeeting(
  access: CohortAccess,
  teamSlug: string,
  input: MeetingInput,
): Promise<string> {
  const team = await teamForViewer(access, teamSlug);
  assertCanEdit(access, team.id, await rolesInTeam(access.person.id, team.id));
  const data = input.clear
    ? { meetingWeekday: null, meetingMinute: null, meetingTimeZone: null }
    : {
        meetingWeekday: input.weekday,
        meetingMinute: input.minute,
        meetingTimeZone: input.timeZone,
        meetingMinutes: input.duration,
      };
  await db.team.update({ where: { id: team.id }, data });
  await recordAudit({
    actorId: access.person.id,
    cohortId: access.cohort.id,
    action: "team.meeting",
    subjectType: "team",
    subjectId: team.id,
    toValue: input.clear ? "none" : `${input.weekday} ${hhmm(input.minute)} ${input.timeZone}`,
  });
  return input.clear
    ? "The weekly meeting was removed."
    : "Weekly meeting saved. Everyone sees it in their own time zone.";
}

export async function setLinks(access: CohortAccess, teamSlug: string, input: LinksInput): Promise<string> {
  const team = await teamForViewer(access, teamSlug);
  assertCanEdit(access, team.id, await rolesInTeam(access.person.id, team.id));
  await db.team.update({
    where: { id: team.id },
    data: { chatUrl: input.chatUrl, links: JSON.stringify(input.links) },
  });
  return "Team links saved.";
}

/** A new private calendar address for the viewer (the old one stops working). */
export async function resetCalendarToken(access: CohortAccess, teamSlug: string): Promise<string> {
  const team = await teamForViewer(access, teamSlug);
  const mine = await db.cohortMembership.findFirst({
    where: { teamId: team.id, personId: access.person.id },
  });
  if (!mine) throw forbidden("Only the team's members have a calendar feed.");
  await db.cohortMembership.update({ where: { id: mine.id }, data: { calendarToken: newCalendarToken() } });
  return mine.calendarToken
    ? "Your calendar address was changed; the old one no longer works."
    : "Your private calendar address is ready.";
}

/** The ICS feed for a calendar token, or null (unknown token, no team). */
export async function calendarForToken(token: string, origin: string | null): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{10,64}$/.test(token)) return null;
  const membership = await db.cohortMembership.findUnique({
    where: { calendarToken: token },
    select: {
      person: { select: { name: true } },
      cohort: { select: { name: true, slug: true, startsOn: true, weeks: true } },
      team: {
        select: {
          id: true,
          slug: true,
          name: true,
          chatUrl: true,
          meetingWeekday: true,
          meetingMinute: true,
          meetingTimeZone: true,
          meetingMinutes: true,
          createdAt: true,
        },
      },
    },
  });
  if (!membership?.team) return null;
  const { cohort, team } = membership;
  const url = `${appUrl(origin)}/cohorts/${cohort.slug}/teams/${team.slug}`;
  return calendarFeed({
    uid: `team-${team.id}`,
    calendarName: `${team.name} — ${cohort.name}`,
    teamName: team.name,
    cohortName: cohort.name,
    team,
    startsOn: cohort.startsOn,
    endsAt: cohortEndsAt(cohort),
    description: `Weekly meeting of ${team.name}. Team page: ${url}${team.chatUrl ? `\nChat: ${team.chatUrl}` : ""}`,
    url,
    location: team.chatUrl,
    stamp: team.createdAt,
  });
}
