// The private calendar feed (RFC 5545) a member subscribes to: the team's weekly
// meeting as one recurring event in the setter's zone (DTSTART;TZID + RRULE), with a
// VTIMEZONE built from the zone's real offset changes, so calendar apps keep the
// meeting at the setter's wall-clock time across daylight-saving changes.
import { zoneOffsetMinutes } from "~/availability/slots";
import { firstMeetingDate, meetingOf, type MeetingSettings } from "./meeting";

export type CalendarFeedInput = {
  /** stable id of the feed, e.g. the team id */
  uid: string;
  calendarName: string;
  teamName: string;
  cohortName: string;
  team: MeetingSettings;
  /** first day the meeting can happen (the cohort's start) and its end */
  startsOn: Date;
  endsAt: Date;
  description: string;
  url: string;
  location?: string | null;
  /** when the meeting was last changed, for DTSTAMP */
  stamp: Date;
};

const DAY_MS = 24 * 60 * 60 * 1000;
const BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

export function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** Folds a content line at 75 octets (RFC 5545 §3.1), never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= 75) return line;
  const pieces: string[] = [];
  let current = "";
  let size = 0;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    const limit = pieces.length === 0 ? 75 : 74; // continuation lines start with a space
    if (size + n > limit) {
      pieces.push(current);
      current = "";
      size = 0;
    }
    current += ch;
    size += n;
  }
  pieces.push(current);
  return pieces.join("\r\n ");
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export function utcStamp(date: Date): string {
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
}

function localStamp(year: number, month: number, day: number, minute: number): string {
  return `${year}${pad(month)}${pad(day)}T${pad(Math.floor(minute / 60))}${pad(minute % 60)}00`;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/** Instants in [from, until) where the zone's UTC offset changes, to the minute. */
export function offsetChanges(
  timeZone: string,
  from: Date,
  until: Date,
): { at: Date; from: number; to: number }[] {
  const out: { at: Date; from: number; to: number }[] = [];
  const step = 6 * 60 * 60 * 1000;
  let t = from.getTime();
  let offset = zoneOffsetMinutes(timeZone, new Date(t));
  while (t < until.getTime()) {
    const nextT = t + step;
    const nextOffset = zoneOffsetMinutes(timeZone, new Date(nextT));
    if (nextOffset !== offset) {
      let lo = t;
      let hi = nextT;
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
        if (zoneOffsetMinutes(timeZone, new Date(mid)) === offset) lo = mid;
        else hi = mid;
      }
      out.push({ at: new Date(hi), from: offset, to: nextOffset });
      offset = nextOffset;
    }
    t = nextT;
  }
  return out;
}

/** A VTIMEZONE listing the zone's offset changes around the cohort (RDATE-free, one component per change). */
export function vtimezone(timeZone: string, from: Date, until: Date): string[] {
  const start = new Date(from.getTime() - 366 * DAY_MS);
  const end = new Date(until.getTime() + 366 * DAY_MS);
  const changes = offsetChanges(timeZone, start, end);
  const lines = ["BEGIN:VTIMEZONE", `TZID:${timeZone}`];
  const first = zoneOffsetMinutes(timeZone, start);
  if (changes.length === 0) {
    lines.push(
      "BEGIN:STANDARD",
      "DTSTART:19700101T000000",
      `TZOFFSETFROM:${offsetText(first)}`,
      `TZOFFSETTO:${offsetText(first)}`,
      "END:STANDARD",
    );
  }
  for (const change of changes) {
    // DTSTART is the local time of the change, in the offset before it.
    const local = new Date(change.at.getTime() + change.from * 60_000);
    const kind = change.to > change.from ? "DAYLIGHT" : "STANDARD";
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${localStamp(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate(), local.getUTCHours() * 60 + local.getUTCMinutes())}`,
      `TZOFFSETFROM:${offsetText(change.from)}`,
      `TZOFFSETTO:${offsetText(change.to)}`,
      `END:${kind}`,
    );
  }
  lines.push("END:VTIMEZONE");
  return lines;
}

/** The whole feed. Without a meeting it is a valid, empty calendar (apps keep polling it). */
export function calendarFeed(input: CalendarFeedInput): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Cohort//Team meetings//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(input.calendarName)}`,
    "REFRESH-INTERVAL;VALUE=DURATION:PT12H",
    "X-PUBLISHED-TTL:PT12H",
  ];
  const meeting = meetingOf(input.team);
  if (meeting) {
    lines.push(...vtimezone(meeting.timeZone, input.startsOn, input.endsAt));
    const first = firstMeetingDate(meeting.weekday, input.startsOn);
    const dtstart = localStamp(first.year, first.month, first.day, meeting.minute);
    lines.push(
      "BEGIN:VEVENT",
      `UID:${input.uid}@cohort`,
      `DTSTAMP:${utcStamp(input.stamp)}`,
      `DTSTART;TZID=${meeting.timeZone}:${dtstart}`,
      `DURATION:PT${meeting.durationMinutes}M`,
      `RRULE:FREQ=WEEKLY;BYDAY=${BYDAY[meeting.weekday - 1]};UNTIL=${utcStamp(input.endsAt)}`,
      `SUMMARY:${escapeText(`${input.teamName} weekly meeting (${input.cohortName})`)}`,
      `DESCRIPTION:${escapeText(input.description)}`,
      `URL:${input.url}`,
    );
    if (input.location) lines.push(`LOCATION:${escapeText(input.location)}`);
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
