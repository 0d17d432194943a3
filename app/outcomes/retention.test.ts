// Retention from synthetic histories with answers worked out by hand.
import { describe, expect, it } from "vitest";
import {
  activeAt,
  addMonths,
  alumnusHistory,
  markWindow,
  median,
  retention,
  type AlumnusHistory,
} from "./retention";

const END = new Date("2026-01-31T00:00:00Z");
const day = (n: number) => new Date(END.getTime() + n * 86_400_000);
const person = (
  id: string,
  activityDays: number[],
  optedOut = false,
  end = END,
  checked: number[] = [1, 3, 6, 12],
): AlumnusHistory => ({
  personId: id,
  end,
  optedOut,
  activity: activityDays.map(day),
  checked,
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

  // Read at the 1-month mark only; the job has not reached their 3- and 6-month marks yet.
  const unread = person("unread", [20, 100], false, END, [1]);

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

  it("counts a person at a mark only when that mark was checked, and says how many are still to be checked", () => {
    const r = retention([steady, stopper, restarter, quiet, optedOut, unread], now);
    // unread counts (active) at 1 month; at 3 and 6 months they are neither in nor out, but "to check".
    expect(r.marks.map((m) => [m.mark, m.eligible, m.active, m.unchecked])).toEqual([
      [1, 5, 4, 0],
      [3, 4, 1, 1],
      [6, 4, 2, 1],
      [12, 0, 0, 0],
    ]);
    expect(r.marks.map((m) => m.share)).toEqual([0.8, 0.25, 0.5, null]);
    // Nobody checked yet: no share at all rather than 0%.
    const none = retention([person("a", [5], false, END, []), person("b", [], false, END, [])], now);
    expect(none.marks[0]).toEqual({ mark: 1, eligible: 0, active: 0, share: null, unchecked: 2 });
    // An opted-out person is not "to check" either.
    expect(retention([person("gone", [], true, END, [])], now).marks[0].unchecked).toBe(0);
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

describe("a history from recorded activity", () => {
  // The project moved from old-org/old-name to new-org/tool; its Trac is recorded by address.
  const projectOf = new Map([
    ["new-org/tool", "p1"],
    ["old-org/old-name", "p1"],
    ["https://code.example.org", "p1"],
    ["other/lib", "p2"],
  ]);
  const records = [
    { repository: "Old-Org/old-name", at: day(10) }, // read before the move, under the old name
    { repository: "new-org/tool", at: day(70) },
    { repository: "https://code.example.org", at: day(100) }, // a Trac ticket
    { repository: "other/lib", at: day(40) }, // another project
    { repository: "someone/fork", at: day(45) }, // not a project repository
  ];
  const history = (projects: string[], optedOut = false) =>
    alumnusHistory({
      personId: "x",
      end: END,
      optedOut,
      checked: [1, 3, 6],
      records,
      projectOf,
      projects: new Set(projects),
    });

  it("keeps activity under a repository's former name and the project's Trac, and nothing from elsewhere", () => {
    expect(history(["p1"]).activity).toEqual([day(10), day(70), day(100)]);
    const r = retention([history(["p1"])], new Date("2026-09-01T00:00:00Z"));
    expect(r.marks.map((m) => m.active)).toEqual([1, 1, 1, 0]);
    expect(history(["p1", "p2"]).activity).toEqual([day(10), day(40), day(70), day(100)]);
  });

  it("has no activity for an opted-out person, whatever was recorded", () => {
    expect(history(["p1"], true).activity).toEqual([]);
  });
});

describe("median", () => {
  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([])).toBeNull();
    expect(median([30, 10, 20])).toBe(20);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
