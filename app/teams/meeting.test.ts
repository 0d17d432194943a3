import { describe, expect, it } from "vitest";
import { localToUtc, sharedHours, setToSlots, slotIndexFromKey, utcToLocal } from "~/availability/slots";
import { describeSlots } from "./draft";
import {
  formatCohortMeetingFor,
  formatMeetingFor,
  meetingsBetween,
  nextMeetings,
  occurrenceLabel,
  wallTimeToUtc,
} from "./meeting";

const berlinTuesday = {
  meetingWeekday: 2,
  meetingMinute: 17 * 60,
  meetingTimeZone: "Europe/Berlin",
  meetingMinutes: 60,
};

const local = (keys: string[]) => setToSlots(keys.map((k) => slotIndexFromKey(k)!));
const range = (day: string, from: number, to: number) =>
  Array.from(
    { length: (to - from) * 2 },
    (_, i) => `${day}-${String(from + Math.floor(i / 2)).padStart(2, "0")}:${i % 2 ? "30" : "00"}`,
  );

describe("a team spread from UTC−7 to UTC+9", () => {
  const at = new Date("2026-01-12T00:00:00Z");
  // Phoenix (UTC−7, no daylight saving) evenings and Tokyo (UTC+9) mornings meet:
  // Monday 18:00–21:00 in Phoenix is Tuesday 10:00–13:00 in Tokyo.
  const phoenix = localToUtc(
    local([...range("mon", 18, 21), ...range("wed", 18, 21)]),
    "America/Phoenix",
    at,
  );
  const tokyo = localToUtc(local([...range("tue", 9, 12), ...range("thu", 10, 13)]), "Asia/Tokyo", at);
  const berlin = localToUtc(local([...range("tue", 1, 5), ...range("thu", 3, 5)]), "Europe/Berlin", at);

  it("shares the hours that overlap in UTC", () => {
    // Mon 18–21 Phoenix = Tue 01–04 UTC; Tue 09–12 Tokyo = Tue 00–03 UTC → 2 h
    // Wed 18–21 Phoenix = Thu 01–04 UTC; Thu 10–13 Tokyo = Thu 01–04 UTC → 3 h
    expect(sharedHours([phoenix, tokyo])).toBe(5);
    // a Berlin night owl (Tue 01–05, Thu 03–05, UTC+1) keeps Tue 01–03 and Thu 02–04 UTC
    expect(sharedHours([phoenix, tokyo, berlin])).toBe(4);
  });

  it("shows the shared hours on each member's own day and clock", () => {
    const shared = setToSlots([...phoenix].flatMap((c, i) => (c === "1" && tokyo[i] === "1" ? [i] : [])));
    expect(describeSlots(utcToLocal(shared, "America/Phoenix", at))).toBe("Mon 18:00–20:00, Wed 18:00–21:00");
    expect(describeSlots(utcToLocal(shared, "Asia/Tokyo", at))).toBe("Tue 10:00–12:00, Thu 10:00–13:00");
  });

  it("shows a Tokyo meeting on the previous evening in Phoenix", () => {
    const team = {
      meetingWeekday: 2,
      meetingMinute: 10 * 60,
      meetingTimeZone: "Asia/Tokyo",
      meetingMinutes: 90,
    };
    expect(formatMeetingFor(team, "America/Phoenix", at)!.label).toBe("Mondays 18:00–19:30");
    expect(formatMeetingFor(team, "Asia/Tokyo", at)!.label).toBe("Tuesdays 10:00–11:30");
  });
});

describe("daylight-saving changes during the cohort", () => {
  it("keeps a Berlin meeting at 17:00 in Berlin and moves it for Los Angeles in March", () => {
    // US clocks change on 8 March 2026, EU clocks on 29 March 2026.
    const occurrences = meetingsBetween(
      berlinTuesday,
      new Date("2026-02-23T00:00:00Z"),
      new Date("2026-04-15T00:00:00Z"),
    );
    const la = occurrences.map((o) => occurrenceLabel(o, "America/Los_Angeles").label);
    const berlin = occurrences.map((o) => occurrenceLabel(o, "Europe/Berlin").label);
    expect(berlin.every((l) => l === "Tuesday 17:00–18:00")).toBe(true);
    expect(occurrences.map((o) => o.startsAt.toISOString())).toEqual([
      "2026-02-24T16:00:00.000Z",
      "2026-03-03T16:00:00.000Z",
      "2026-03-10T16:00:00.000Z",
      "2026-03-17T16:00:00.000Z",
      "2026-03-24T16:00:00.000Z",
      "2026-03-31T15:00:00.000Z",
      "2026-04-07T15:00:00.000Z",
      "2026-04-14T15:00:00.000Z",
    ]);
    expect(la).toEqual([
      "Tuesday 08:00–09:00",
      "Tuesday 08:00–09:00",
      "Tuesday 09:00–10:00",
      "Tuesday 09:00–10:00",
      "Tuesday 09:00–10:00",
      "Tuesday 08:00–09:00",
      "Tuesday 08:00–09:00",
      "Tuesday 08:00–09:00",
    ]);
  });

  it("tells a Los Angeles viewer when the local time changes, in October too", () => {
    // EU clocks go back on 25 October 2026, US clocks on 1 November 2026.
    const view = formatMeetingFor(
      berlinTuesday,
      "America/Los_Angeles",
      new Date("2026-10-12T00:00:00Z"),
      new Date("2026-11-20T00:00:00Z"),
    )!;
    expect(view.label).toBe("Tuesdays 08:00–09:00");
    expect(view.asSet).toBe("Tuesdays 17:00–18:00 (Europe/Berlin)");
    expect(view.changes.map((c) => [c.from.toISOString(), c.label])).toEqual([
      ["2026-10-27T16:00:00.000Z", "Tuesdays 09:00–10:00"],
      ["2026-11-03T16:00:00.000Z", "Tuesdays 08:00–09:00"],
    ]);
    expect(
      formatMeetingFor(
        berlinTuesday,
        "Europe/Berlin",
        new Date("2026-10-12T00:00:00Z"),
        new Date("2026-11-20T00:00:00Z"),
      )!.changes,
    ).toEqual([]);
  });

  it("moves a meeting set inside the spring-forward gap by the gap, and takes the first of a repeated hour", () => {
    expect(wallTimeToUtc(2026, 3, 29, 2 * 60 + 30, "Europe/Berlin").toISOString()).toBe(
      "2026-03-29T01:30:00.000Z",
    );
    expect(wallTimeToUtc(2026, 10, 25, 2 * 60 + 30, "Europe/Berlin").toISOString()).toBe(
      "2026-10-25T00:30:00.000Z",
    );
    expect(wallTimeToUtc(2026, 7, 1, 9 * 60, "America/Los_Angeles").toISOString()).toBe(
      "2026-07-01T16:00:00.000Z",
    );
  });

  it("includes a meeting that is happening right now and none that has ended", () => {
    const during = new Date("2026-03-03T16:30:00Z");
    expect(nextMeetings(berlinTuesday, during, 1)[0].startsAt.toISOString()).toBe("2026-03-03T16:00:00.000Z");
    const after = new Date("2026-03-03T17:00:00Z");
    expect(nextMeetings(berlinTuesday, after, 1)[0].startsAt.toISOString()).toBe("2026-03-10T16:00:00.000Z");
  });

  it("has no meeting until one is set", () => {
    expect(
      formatMeetingFor(
        { meetingWeekday: null, meetingMinute: null, meetingTimeZone: null, meetingMinutes: 60 },
        "UTC",
        new Date(),
      ),
    ).toBeNull();
    expect(
      nextMeetings(
        { meetingWeekday: 2, meetingMinute: 600, meetingTimeZone: "Mars/Olympus", meetingMinutes: 60 },
        new Date(),
        3,
      ),
    ).toEqual([]);
  });
});

describe("the meeting during the cohort", () => {
  const cohort = { startsOn: new Date("2026-03-16T00:00:00Z"), endsAt: new Date("2026-04-13T00:00:00Z") };

  it("starts with the cohort's first week, as the calendar feed does, in the clock of that week", () => {
    // Published on 20 February, when Berlin and Los Angeles are 9 hours apart; from
    // 8 March (US clocks) until 29 March (EU clocks) they are 8 hours apart.
    const view = formatCohortMeetingFor(
      berlinTuesday,
      "America/Los_Angeles",
      new Date("2026-02-20T12:00:00Z"),
      cohort,
    )!;
    expect(view.beforeStart).toBe(true);
    expect(view.next.map((o) => o.startsAt.toISOString())).toEqual([
      "2026-03-17T16:00:00.000Z",
      "2026-03-24T16:00:00.000Z",
      "2026-03-31T15:00:00.000Z",
    ]);
    expect(view.label).toBe("Tuesdays 09:00–10:00");
    expect(view.changes.map((c) => [c.from.toISOString(), c.label])).toEqual([
      ["2026-03-31T15:00:00.000Z", "Tuesdays 08:00–09:00"],
    ]);
  });

  it("lists no meeting after the cohort's end", () => {
    const during = formatCohortMeetingFor(
      berlinTuesday,
      "Europe/Berlin",
      new Date("2026-04-01T12:00:00Z"),
      cohort,
    )!;
    expect(during.beforeStart).toBe(false);
    expect(during.next.map((o) => o.startsAt.toISOString())).toEqual(["2026-04-07T15:00:00.000Z"]);
    expect(
      formatCohortMeetingFor(berlinTuesday, "Europe/Berlin", new Date("2026-04-20T12:00:00Z"), cohort)!.next,
    ).toEqual([]);
  });
});
