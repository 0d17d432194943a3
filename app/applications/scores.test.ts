import { describe, expect, it } from "vitest";
import { aggregate, criterionMeans, reviewerScore } from "./scores";

const done = new Date("2026-11-01T10:00:00Z");

describe("combining reviewers' scores", () => {
  it("takes each reviewer's mean, then the mean and spread across reviewers", () => {
    const result = aggregate([
      { recused: false, submittedAt: done, scores: [4, 5, 3] }, // 4
      { recused: false, submittedAt: done, scores: [2, 2, 2] }, // 2
      { recused: false, submittedAt: done, scores: [5, 5, 5] }, // 5
    ]);
    expect(result).toEqual({ count: 3, mean: 3.67, spread: 3 });
  });

  it("leaves out recused reviewers and unfinished reviews", () => {
    const result = aggregate([
      { recused: false, submittedAt: done, scores: [4, 4] },
      { recused: true, submittedAt: done, scores: [1, 1] },
      { recused: false, submittedAt: null, scores: [1, 1] },
    ]);
    expect(result).toEqual({ count: 1, mean: 4, spread: 0 });
  });

  it("has no mean when nobody has scored", () => {
    expect(aggregate([])).toEqual({ count: 0, mean: null, spread: null });
    expect(aggregate([{ recused: true, submittedAt: done, scores: [5] }]).mean).toBeNull();
  });

  it("averages each criterion over counted reviews", () => {
    const means = criterionMeans(
      [
        {
          recused: false,
          submittedAt: done,
          scores: [4, 2],
          byCriterion: new Map([
            ["a", 4],
            ["b", 2],
          ]),
        },
        {
          recused: false,
          submittedAt: done,
          scores: [5, 3],
          byCriterion: new Map([
            ["a", 5],
            ["b", 3],
          ]),
        },
        {
          recused: true,
          submittedAt: done,
          scores: [1, 1],
          byCriterion: new Map([
            ["a", 1],
            ["b", 1],
          ]),
        },
      ],
      ["a", "b", "c"],
    );
    expect(Object.fromEntries(means)).toEqual({ a: 4.5, b: 2.5, c: null });
    expect(reviewerScore([3, 4])).toBe(3.5);
  });
});
