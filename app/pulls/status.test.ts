import { describe, expect, it } from "vitest";
import { summarizeReviews } from "../integrations/github.server";
import { explanationProblem } from "./forms";
import { countsForCohort, isLargePull, pullStatus } from "./status";

describe("pull request status", () => {
  it("names every state a navigator cares about", () => {
    const pr = { state: "open", draft: false, reviewState: "none" };
    expect(pullStatus(pr)).toBe("open");
    expect(pullStatus({ ...pr, draft: true })).toBe("draft");
    expect(pullStatus({ ...pr, reviewState: "changes_requested" })).toBe("changes_requested");
    expect(pullStatus({ ...pr, reviewState: "approved" })).toBe("approved");
    expect(pullStatus({ ...pr, state: "merged", reviewState: "approved" })).toBe("merged");
    expect(pullStatus({ ...pr, state: "closed", draft: true })).toBe("closed");
  });

  it("is large over the cohort's threshold of changed lines", () => {
    expect(isLargePull({ additions: 300, deletions: 100 }, 400)).toBe(false);
    expect(isLargePull({ additions: 300, deletions: 101 }, 400)).toBe(true);
  });

  it("counts only when explained in the participant's own words and AI help disclosed in full", () => {
    const explained =
      "The admin accepted list_display_links entries missing from list_display and failed only when rendering; the new check reports them at startup.";
    const link = { explanation: explained, aiDisclosure: "none", aiTools: "", aiVerification: "" };
    expect(countsForCohort(link)).toBe(true);
    expect(countsForCohort({ ...link, explanation: "" })).toBe(false);
    expect(countsForCohort({ ...link, explanation: "Explained." })).toBe(false);
    expect(countsForCohort({ ...link, aiDisclosure: null })).toBe(false);
    expect(countsForCohort({ ...link, aiDisclosure: "assisted" })).toBe(false);
    expect(countsForCohort({ ...link, aiDisclosure: "assisted", aiTools: "GitHub Copilot" })).toBe(false);
    expect(
      countsForCohort({
        ...link,
        aiDisclosure: "mostly_generated",
        aiTools: "Claude",
        aiVerification: "I reproduced the bug and rewrote the fix.",
      }),
    ).toBe(true);
  });
});

describe("review summary", () => {
  const at = (d: number) => new Date(Date.UTC(2026, 10, d));
  it("takes each reviewer's latest decisive review; changes requested outweigh approvals", () => {
    expect(
      summarizeReviews([
        { login: "a", state: "CHANGES_REQUESTED", submittedAt: at(1) },
        { login: "a", state: "APPROVED", submittedAt: at(2) },
      ]),
    ).toMatchObject({ reviewState: "approved", reviewCount: 2 });
    expect(
      summarizeReviews([
        { login: "a", state: "APPROVED", submittedAt: at(1) },
        { login: "b", state: "CHANGES_REQUESTED", submittedAt: at(2) },
      ]).reviewState,
    ).toBe("changes_requested");
    expect(
      summarizeReviews([
        { login: "a", state: "APPROVED", submittedAt: at(1) },
        { login: "a", state: "COMMENTED", submittedAt: at(3) },
      ]),
    ).toMatchObject({ reviewState: "approved", lastReviewAt: at(3) });
    expect(summarizeReviews([{ login: "a", state: "COMMENTED", submittedAt: at(1) }]).reviewState).toBe(
      "commented",
    );
    expect(summarizeReviews([{ login: "a", state: "PENDING", submittedAt: null }])).toMatchObject({
      reviewState: "none",
      reviewCount: 0,
    });
  });
});

describe("explanation in one's own words", () => {
  it("refuses empty, short, repetitive or title-only text", () => {
    expect(explanationProblem("")).toMatch(/own words/);
    expect(explanationProblem("Fixed the bug.")).toMatch(/at least 12 words/);
    expect(
      explanationProblem(
        "fixed fixed fixed fixed fixed fixed fixed fixed fixed fixed fixed fixed fixed fixed fixed fixed fixed fixed fixed fixed",
      ),
    ).toMatch(/repeated/);
    const title =
      "Fixed #36012 -- Added a system check for invalid list_display_links entries in the admin site today";
    expect(explanationProblem(title, title)).toMatch(/title/);
    expect(
      explanationProblem(
        "The admin accepted list_display_links entries missing from list_display and failed only when rendering; the new check reports them at startup.",
      ),
    ).toBeNull();
  });
});
