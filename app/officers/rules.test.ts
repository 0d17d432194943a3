import { describe, expect, it } from "vitest";
import { checkCommitment } from "./rules";

describe("time commitment", () => {
  it("refuses negative, fractional and impossible hours with a sentence", () => {
    expect(checkCommitment(8, -1, 0)).toMatchObject({ valid: false, field: "hoursPerWeek" });
    expect(checkCommitment(8, 5.5, 0)).toMatchObject({ valid: false, field: "hoursPerWeek" });
    expect(checkCommitment(8, 10, -3)).toMatchObject({ valid: false, field: "commitmentHours" });
    expect(checkCommitment(8, 100, 80)).toMatchObject({
      valid: false,
      message: "A week has 168 hours; 100 for the cohort and 80 for other commitments do not fit in it.",
    });
  });

  it("says whether availability and commitments leave the cohort's hours", () => {
    expect(checkCommitment(8, 10, 40)).toEqual({
      valid: true,
      fits: true,
      message: "Your availability leaves the 8 hours a week the cohort asks for.",
    });
    expect(checkCommitment(8, 5, 0)).toEqual({
      valid: true,
      fits: false,
      message: "You can give 5 hours a week; the cohort asks for 8.",
    });
    expect(checkCommitment(8, 10, 55)).toMatchObject({
      valid: true,
      fits: false,
      message: expect.stringContaining("63 hours a week — more than 60"),
    });
    expect(checkCommitment(null, 3, 50)).toMatchObject({ valid: true, fits: true });
  });
});
