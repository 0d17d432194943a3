import { describe, expect, it } from "vitest";
import { calendarFeed, escapeText, foldLine, offsetChanges } from "./calendar";

const input = {
  uid: "team-abc",
  calendarName: "Team Lyra — Spring Sprint",
  teamName: "Team Lyra",
  cohortName: "Spring Sprint",
  team: { meetingWeekday: 2, meetingMinute: 17 * 60, meetingTimeZone: "Europe/Berlin", meetingMinutes: 45 },
  startsOn: new Date("2026-03-02T00:00:00Z"),
  endsAt: new Date("2026-04-13T00:00:00Z"),
  description:
    "Weekly meeting of Team Lyra; bring questions, and your PRs.\nTeam page: https://cohort.example/cohorts/spring-sprint/teams/lyra",
  url: "https://cohort.example/cohorts/spring-sprint/teams/lyra",
  location: "https://discord.com/channels/demo/lyra",
  stamp: new Date("2026-02-20T10:00:00Z"),
};

const unfold = (ics: string) => ics.replace(/\r\n /g, "").split("\r\n");

describe("the calendar feed", () => {
  it("is one weekly event at the setter's wall-clock time, repeating until the cohort ends", () => {
    const ics = calendarFeed(input);
    const lines = unfold(ics);
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines).toContain("VERSION:2.0");
    expect(lines).toContain("DTSTART;TZID=Europe/Berlin:20260303T170000");
    expect(lines).toContain("DURATION:PT45M");
    expect(lines).toContain("RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20260413T000000Z");
    expect(lines).toContain("UID:team-abc@cohort");
    expect(lines).toContain("DTSTAMP:20260220T100000Z");
    expect(lines).toContain("SUMMARY:Team Lyra weekly meeting (Spring Sprint)");
    expect(lines).toContain(
      "DESCRIPTION:Weekly meeting of Team Lyra\\; bring questions\\, and your PRs.\\nTeam page: https://cohort.example/cohorts/spring-sprint/teams/lyra",
    );
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(1);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "").includes("\n")).toBe(false);
  });

  it("never starts before the cohort's first day for a setter west of UTC", () => {
    // The cohort starts Monday 2 March. A Monday-evening meeting set in Los Angeles
    // first happens on that Monday, not on Sunday 1 March (UTC midnight read in
    // Los Angeles) nor a week later.
    const lines = unfold(
      calendarFeed({
        ...input,
        team: { ...input.team, meetingWeekday: 1, meetingTimeZone: "America/Los_Angeles" },
      }),
    );
    expect(lines).toContain("DTSTART;TZID=America/Los_Angeles:20260302T170000");
    const sunday = unfold(
      calendarFeed({
        ...input,
        team: { ...input.team, meetingWeekday: 7, meetingTimeZone: "America/Los_Angeles" },
      }),
    );
    expect(sunday).toContain("DTSTART;TZID=America/Los_Angeles:20260308T170000");
  });

  it("describes the zone's real daylight-saving changes in a VTIMEZONE", () => {
    const lines = unfold(calendarFeed(input));
    const tz = lines.slice(lines.indexOf("BEGIN:VTIMEZONE"), lines.indexOf("END:VTIMEZONE") + 1);
    expect(tz[1]).toBe("TZID:Europe/Berlin");
    // the spring change during the cohort: 02:00 local on 29 March 2026, +0100 → +0200
    const spring = tz.indexOf("DTSTART:20260329T020000");
    expect(tz[spring - 1]).toBe("BEGIN:DAYLIGHT");
    expect(tz.slice(spring + 1, spring + 3)).toEqual(["TZOFFSETFROM:+0100", "TZOFFSETTO:+0200"]);
    // and the autumn one: 03:00 local on 25 October 2026, +0200 → +0100
    const autumn = tz.indexOf("DTSTART:20261025T030000");
    expect(tz[autumn - 1]).toBe("BEGIN:STANDARD");
    expect(tz.slice(autumn + 1, autumn + 3)).toEqual(["TZOFFSETFROM:+0200", "TZOFFSETTO:+0100"]);
  });

  it("gives a zone without daylight saving a single standard offset", () => {
    const lines = unfold(
      calendarFeed({ ...input, team: { ...input.team, meetingTimeZone: "Asia/Kolkata" } }),
    );
    expect(lines).toContain("TZOFFSETTO:+0530");
    expect(lines.filter((l) => l === "BEGIN:DAYLIGHT")).toHaveLength(0);
    expect(offsetChanges("Asia/Tokyo", new Date("2026-01-01Z"), new Date("2027-01-01Z"))).toEqual([]);
  });

  it("is a valid, empty calendar while the team has no meeting", () => {
    const ics = calendarFeed({
      ...input,
      team: { meetingWeekday: null, meetingMinute: null, meetingTimeZone: null, meetingMinutes: 60 },
    });
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).not.toContain("BEGIN:VEVENT");
  });

  it("folds long lines at 75 octets without splitting a character, and escapes text", () => {
    const line = `SUMMARY:${"Équipe Lyra — réunion hebdomadaire ".repeat(4)}`;
    const folded = foldLine(line);
    for (const part of folded.split("\r\n"))
      expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe(line);
    expect(escapeText("a,b;c\\d\ne")).toBe("a\\,b\\;c\\\\d\\ne");
  });
});
