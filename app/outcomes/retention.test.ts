// Retention from synthetic histories with answers worked out by hand.
import { describe, expect, it } from "vitest";
import { activeAt, addMonths, markWindow, median, retention, type AlumnusHistory } from "./retention";

const END = new Date("2026-01-31T00:00:00Z");
const day = (n: number) => new Date(END.getTime() + n * 86_400_000);
const person = (id: string, activityDays: number[], optedOut = false, end = END): AlumnusHistory => ({
  personId: id,
  end,
  optedOut,
  activity: activityDays.map(day),
});

describe("marks after the end", () => {
  it("adds calendar months and clamps the 31st to the month's last day", () => {
    expect(addMonths(END, 1).toISOString()).toBe("2026-02-28T00:00:00.000Z");
    expect(addMonths(END, 3).toISOString()).toBe("2026-04-30T00:00:00.000Z");
    expect(addMonths(END, 12).toISOString()).toBe("2027-01-31T00:00:00.000Z");
  });
  it("looks at the window since the previous mark", () => {
    expect(markWindow(END, 1)).toEqual({ from: END, to: addMonths(END, 1) });
    expect(markWindow(END, 6)).toEqual({ from: addMonths(END, 3), to: addMonths(END, 6) });
  });
});

describe("retention", () => {
  // At 2026-09-01: the 1-, 3- and 6-month marks (Feb 28, Apr 30, Jul 31) have passed, the 12-month mark has not.
  const now = new Date("2026-09-01T00:00:00Z");
  const steady = person("steady", [10, 50, 120]); // active in every window: 1, 3, 6
  const stopper = person("stopper", [5]); // only the first month
  const restarter = person("restarter", [3, 150]); // month 1, nothing in months 2–3, back before month 6
  const quiet = person("quiet", []);
  const optedOut = person("opted-out", [1, 40, 100], true);

  it("counts a person who stops and restarts at the marks where they were active", () => {
    expect([1, 3, 6].map((m) => activeAt(restarter, m as 1 | 3 | 6))).toEqual([true, false, true]);
  });

  it("gives the known shares, leaves opted-out people out and counts only people past each mark", () => {
    const r = retention([steady, stopper, restarter, quiet, optedOut], now);
    expect(r.optedOut).toBe(1);
    expect(r.people).toBe(4);
    expect(r.marks.map((m) => [m.mark, m.eligible, m.active])).toEqual([
      [1, 4, 3],
      [3, 4, 1],
      [6, 4, 2],
      [12, 0, 0],
    ]);
    expect(r.marks.map((m) => m.share)).toEqual([0.75, 0.25, 0.5, null]);
  });

  it("does not count someone whose cohort ended later at a mark they have not reached", () => {
    const late = person("late", [10], false, new Date("2026-07-15T00:00:00Z"));
    const r = retention([steady, late], now);
    // late: its 1-month mark (Aug 15) has passed, its 3-month mark (Oct 15) has not.
    expect(r.marks.map((m) => [m.eligible, m.active])).toEqual([
      [2, 1],
      [1, 1],
      [1, 1],
      [0, 0],
    ]);
  });

  it("activity on the end instant itself belongs to the cohort, not to the first month", () => {
    expect(activeAt(person("edge", [0]), 1)).toBe(false);
  });
});

describe("median", () => {
  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([])).toBeNull();
    expect(median([30, 10, 20])).toBe(20);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
