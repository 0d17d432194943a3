import { describe, expect, it } from "vitest";
import { checkTimeCommitment, readHours, storedTimeCommitment } from "./time-commitment";

const check = (hoursPerWeek: string, commitmentHours: string, availabilityHours = 10, cohortHours = 8) =>
  checkTimeCommitment({ cohortHours, hoursPerWeek, commitmentHours, availabilityHours });

describe("an applicant's time commitment", () => {
  it("refuses negative, fractional, huge and non-numeric hours with a sentence for the field", () => {
    for (const typed of ["-1", "2.5", "1e308", "eight", "Infinity", "0x10"])
      expect(check(typed, "")).toMatchObject({ state: "invalid", field: "hoursPerWeek" });
    expect(check("6", "-20")).toMatchObject({
      state: "invalid",
      field: "commitmentHours",
      message: expect.stringContaining("whole number"),
    });
    expect(check("200", "")).toMatchObject({
      state: "invalid",
      field: "hoursPerWeek",
      message: expect.stringContaining("A week has 168 hours"),
    });
    expect(readHours("1e308")).toBeNaN();
  });

  it("refuses commitments that leave no room in a week for the cohort's hours", () => {
    expect(check("2", "165")).toEqual({
      state: "invalid",
      field: "commitmentHours",
      message: "A week has 168 hours; 165 for other commitments and the cohort's 8 do not fit in it.",
    });
    // even before the hours they can give are typed
    expect(check("", "170")).toMatchObject({ state: "invalid", field: "commitmentHours" });
  });

  it("says whether the hours, the grid and the commitments leave what the cohort asks", () => {
    expect(check("10", "20")).toMatchObject({
      state: "fits",
      message: "Your hours, availability and other commitments leave the 8 hours a week the cohort asks for.",
    });
    expect(check("5", "")).toMatchObject({
      state: "short",
      message: "You can give 5 hours a week; the cohort asks for 8.",
    });
    expect(check("8", "", 3)).toMatchObject({
      state: "short",
      message: expect.stringContaining("Your availability grid shows 3 hours a week; the cohort asks for 8."),
    });
    expect(check("10", "55")).toMatchObject({
      state: "short",
      message: expect.stringContaining("more than 60"),
    });
    expect(check("", "")).toEqual({
      state: "unanswered",
      message: "The cohort asks for about 8 hours a week.",
    });
  });

  it("gives reviewers the same verdict from what was stored", () => {
    expect(storedTimeCommitment(8, { hoursPerWeek: 8, commitmentHours: 40 }, 3)).toMatchObject({
      state: "short",
    });
    expect(storedTimeCommitment(8, { hoursPerWeek: 8, commitmentHours: null }, 9)).toMatchObject({
      state: "fits",
    });
    expect(storedTimeCommitment(8, null, 9)).toMatchObject({ state: "unanswered" });
    expect(storedTimeCommitment(null, { hoursPerWeek: 2, commitmentHours: 0 }, 0)).toMatchObject({
      state: "fits",
    });
  });
});
