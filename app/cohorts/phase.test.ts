import { describe, expect, it } from "vitest";
import { anywhereOnEarthDay, endOfDayAnywhereOnEarth } from "~/utils/time";
import { assertPhase, phaseOf, weekOf } from "./phase";

const cohort = {
  publishedAt: new Date("2026-01-01T00:00:00Z"),
  applicationsOpenAt: new Date("2026-02-01T00:00:00Z"),
  applicationsCloseAt: endOfDayAnywhereOnEarth("2026-02-28"),
  decisionsPublishedAt: null as Date | null,
  startsOn: new Date("2026-04-06T00:00:00Z"),
  weeks: 6,
};

describe("cohort phase", () => {
  it("follows the dates through the whole lifecycle", () => {
    expect(phaseOf({ ...cohort, publishedAt: null }, new Date("2026-02-10T00:00:00Z"))).toBe("draft");
    expect(phaseOf(cohort, new Date("2026-01-15T00:00:00Z"))).toBe("upcoming");
    expect(phaseOf(cohort, new Date("2026-02-10T00:00:00Z"))).toBe("applications_open");
    expect(phaseOf(cohort, new Date("2026-03-10T00:00:00Z"))).toBe("review");
    expect(
      phaseOf(
        { ...cohort, decisionsPublishedAt: new Date("2026-03-15T00:00:00Z") },
        new Date("2026-03-20T00:00:00Z"),
      ),
    ).toBe("teams_forming");
    expect(phaseOf(cohort, new Date("2026-04-20T00:00:00Z"))).toBe("running");
    expect(phaseOf(cohort, new Date("2026-05-18T00:00:00Z"))).toBe("finished");
  });

  it("closes applications at the end of the day anywhere on earth", () => {
    // 28 Feb 23:59 in UTC−12 is 1 March 11:59 UTC.
    expect(phaseOf(cohort, new Date("2026-03-01T11:59:00Z"))).toBe("applications_open");
    expect(phaseOf(cohort, new Date("2026-03-01T12:00:00Z"))).toBe("review");
    expect(anywhereOnEarthDay(cohort.applicationsCloseAt)).toBe("2026-02-28");
  });

  it("counts weeks from the start date", () => {
    expect(weekOf(cohort, new Date("2026-04-05T23:00:00Z"))).toBe(0);
    expect(weekOf(cohort, new Date("2026-04-06T00:00:00Z"))).toBe(1);
    expect(weekOf(cohort, new Date("2026-04-22T12:00:00Z"))).toBe(3);
    expect(weekOf(cohort, new Date("2026-06-30T00:00:00Z"))).toBe(7);
  });

  it("refuses an action outside its phase with a sentence", () => {
    expect(() =>
      assertPhase(cohort, ["applications_open"], "apply", new Date("2026-03-10T00:00:00Z")),
    ).toThrow("You cannot apply now: the cohort is in the “Applications closed — in review” phase.");
  });
});
