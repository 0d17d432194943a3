// A team's recurring weekly meeting. It is stored as the setter's wall-clock time
// (ISO weekday, minutes after midnight, IANA zone) — never as a UTC instant — so a
// 17:00 Berlin meeting stays at 17:00 in Berlin across daylight-saving changes, and
// every viewer sees each occurrence converted to their own zone. Pure: used by the
// team home, the calendar feed, notices and the participant's week page.
import { zoneOffsetMinutes } from "~/availability/slots";
import { isValidTimeZone, safeZone, wallClock } from "~/utils/time";

export type MeetingSettings = {
  meetingWeekday: number | null;
  meetingMinute: number | null;
  meetingTimeZone: string | null;
  meetingMinutes: number;
};

export type Meeting = { weekday: number; minute: number; timeZone: string; durationMinutes: number };

export type Occurrence = { startsAt: Date; endsAt: Date };

const DAY_MS = 24 * 60 * 60 * 1000;
export const ISO_WEEKDAYS = [
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "Sunday",
] as const;

/** The meeting, or null when the team has not set one (or it is unusable). */
export function meetingOf(team: MeetingSettings): Meeting | null {
  const { meetingWeekday: weekday, meetingMinute: minute, meetingTimeZone: timeZone } = team;
  if (weekday == null || minute == null || !timeZone) return null;
  if (weekday < 1 || weekday > 7 || minute < 0 || minute >= 24 * 60 || !isValidTimeZone(timeZone))
    return null;
  return { weekday, minute, timeZone, durationMinutes: team.meetingMinutes > 0 ? team.meetingMinutes : 60 };
}

/** The calendar date (y, m 1–12, d) and ISO weekday of an instant in `timeZone`. */
export function localDate(
  at: Date,
  timeZone: string,
): { year: number; month: number; day: number; weekday: number; minute: number } {
  const { year, month, day, hour, minute } = wallClock(at, timeZone);
  const weekday = ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
  return { year, month, day, weekday, minute: hour * 60 + minute };
}

/**
 * The UTC instant of a wall-clock time in `timeZone`. A time skipped by a spring-
 * forward change is moved forward by the gap (as calendar apps do); a repeated
 * time in autumn takes its first occurrence.
 */
export function wallTimeToUtc(
  year: number,
  month: number,
  day: number,
  minute: number,
  timeZone: string,
): Date {
  const asUtc = Date.UTC(year, month - 1, day, 0, minute);
  const before = zoneOffsetMinutes(timeZone, new Date(asUtc - DAY_MS / 2));
  const after = zoneOffsetMinutes(timeZone, new Date(asUtc + DAY_MS / 2));
  // Try the earlier offset first (first occurrence of a repeated hour).
  for (const offset of before >= after ? [before, after] : [after, before]) {
    const candidate = asUtc - offset * 60_000;
    if (zoneOffsetMinutes(timeZone, new Date(candidate)) === offset) return new Date(candidate);
  }
  // In a gap: neither offset maps back; use the offset before the change.
  return new Date(asUtc - Math.min(before, after) * 60_000);
}

/** The next `count` occurrences that have not ended at `now`. */
export function nextMeetings(team: MeetingSettings, now: Date, count: number): Occurrence[] {
  const meeting = meetingOf(team);
  if (!meeting || count <= 0) return [];
  const today = localDate(now, meeting.timeZone);
  let daysAhead = (meeting.weekday - today.weekday + 7) % 7;
  const out: Occurrence[] = [];
  // Start a week early so a meeting in progress right now is included.
  daysAhead -= 7;
  while (out.length < count) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + daysAhead));
    const startsAt = wallTimeToUtc(
      date.getUTCFullYear(),
      date.getUTCMonth() + 1,
      date.getUTCDate(),
      meeting.minute,
      meeting.timeZone,
    );
    const endsAt = new Date(startsAt.getTime() + meeting.durationMinutes * 60_000);
    if (endsAt.getTime() > now.getTime()) out.push({ startsAt, endsAt });
    daysAhead += 7;
  }
  return out;
}

/** Occurrences whose start lies in [from, until). */
export function meetingsBetween(team: MeetingSettings, from: Date, until: Date): Occurrence[] {
  const out: Occurrence[] = [];
  for (const occurrence of nextMeetings(team, from, 60)) {
    if (occurrence.startsAt.getTime() >= until.getTime()) break;
    if (occurrence.startsAt.getTime() >= from.getTime()) out.push(occurrence);
  }
  return out;
}

export function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/** "Tuesday 08:00–09:00" for an occurrence seen in `timeZone`. */
export function occurrenceLabel(
  occurrence: Occurrence,
  timeZone: string,
): { weekday: string; time: string; label: string } {
  const start = localDate(occurrence.startsAt, timeZone);
  const end = localDate(occurrence.endsAt, timeZone);
  const weekday = ISO_WEEKDAYS[start.weekday - 1];
  const time = `${hhmm(start.minute)}–${hhmm(end.minute)}`;
  return { weekday, time, label: `${weekday} ${time}` };
}

/** "Tuesdays 17:00–18:00 (Europe/Berlin)": the meeting as its setter entered it. */
export function formatMeetingAsSet(team: MeetingSettings): string | null {
  const meeting = meetingOf(team);
  if (!meeting) return null;
  const end = (meeting.minute + meeting.durationMinutes) % (24 * 60);
  return `${ISO_WEEKDAYS[meeting.weekday - 1]}s ${hhmm(meeting.minute)}–${hhmm(end)} (${meeting.timeZone})`;
}

export type MeetingView = {
  /** "Tuesdays 08:00–09:00" in the viewer's zone, for the next occurrence */
  label: string;
  timeZone: string;
  /** as set, in the setter's zone */
  asSet: string;
  next: Occurrence[];
  /** when the viewer's local time of the meeting changes (daylight saving on either side) */
  changes: { from: Date; label: string }[];
};

/**
 * The meeting as the viewer sees it: its local weekday and time for the next
 * occurrence, and every date before `until` on which that local time changes
 * because one side of the meeting shifts its clocks.
 */
export function formatMeetingFor(
  team: MeetingSettings,
  viewerTimeZone: string,
  now: Date,
  until?: Date,
): MeetingView | null {
  const meeting = meetingOf(team);
  if (!meeting) return null;
  const zone = safeZone(viewerTimeZone);
  const horizon = until && until.getTime() > now.getTime() ? until : new Date(now.getTime() + 8 * 7 * DAY_MS);
  const upcoming = meetingsBetween(team, now, horizon);
  const next = nextMeetings(team, now, 3);
  const first = occurrenceLabel(next[0], zone).label;
  const changes: MeetingView["changes"] = [];
  let current = first;
  for (const occurrence of upcoming) {
    const label = occurrenceLabel(occurrence, zone).label;
    if (label !== current) {
      changes.push({ from: occurrence.startsAt, label: pluralDay(label) });
      current = label;
    }
  }
  return { label: pluralDay(first), timeZone: zone, asSet: formatMeetingAsSet(team)!, next, changes };
}

function pluralDay(label: string): string {
  const [day, ...rest] = label.split(" ");
  return `${day}s ${rest.join(" ")}`;
}

/**
 * The date of the first meeting: the meeting's weekday on or after the cohort's first
 * day. `startsOn` is a calendar day stored as UTC midnight, so it is read in UTC (in a
 * zone west of UTC it would otherwise become the day before).
 */
export function firstMeetingDate(
  weekday: number,
  startsOn: Date,
): { year: number; month: number; day: number } {
  const start = localDate(startsOn, "UTC");
  const first = new Date(
    Date.UTC(start.year, start.month - 1, start.day + ((weekday - start.weekday + 7) % 7)),
  );
  return { year: first.getUTCFullYear(), month: first.getUTCMonth() + 1, day: first.getUTCDate() };
}

/**
 * The meeting as the viewer sees it during the cohort: before the cohort starts, from
 * its first meeting (as the calendar feed has it), and no occurrence after its end.
 */
export function formatCohortMeetingFor(
  team: MeetingSettings,
  viewerTimeZone: string,
  now: Date,
  cohort: { startsOn: Date; endsAt: Date },
): (MeetingView & { beforeStart: boolean }) | null {
  const meeting = meetingOf(team);
  if (!meeting) return null;
  const date = firstMeetingDate(meeting.weekday, cohort.startsOn);
  const first = wallTimeToUtc(date.year, date.month, date.day, meeting.minute, meeting.timeZone);
  const beforeStart = first.getTime() > now.getTime();
  const view = formatMeetingFor(team, viewerTimeZone, beforeStart ? first : now, cohort.endsAt);
  if (!view) return null;
  return {
    ...view,
    next: view.next.filter((o) => o.startsAt.getTime() < cohort.endsAt.getTime()),
    beforeStart,
  };
}
