// Each needs-attention rule, with dates on both sides of its threshold.
import { describe, expect, it } from "vitest";
import { DAY_MS } from "~/utils/time";
import {
  attentionFor,
  helpRequests,
  inactivity,
  largeWithoutPreReview,
  missingReflections,
  sortAttention,
  staleClaims,
  stalledChangesRequested,
  type AttentionCohort,
  type ParticipantFacts,
  type PullFact,
} from "./attention";

const start = new Date("2026-10-05T00:00:00Z"); // a Monday
const cohort: AttentionCohort = {
  slug: "session-5",
  startsOn: start,
  weeks: 6,
  inactivityDays: 10,
  changesRequestedDays: 7,
  staleClaimDays: 14,
  largePullRequestLines: 400,
};
const at = (days: number) => new Date(start.getTime() + days * DAY_MS);
const MINUTE = 60_000;

function participant(overrides: Partial<ParticipantFacts> = {}): ParticipantFacts {
  return {
    personId: "p1",
    login: "meilin-dev",
    name: "Mei Lin",
    lastActivityAt: at(0),
    reflections: [],
    pulls: [],
    claims: [],
    ...overrides,
  };
}

function pull(overrides: Partial<PullFact> = {}): PullFact {
  return {
    owner: "django",
    repo: "django",
    number: 18100,
    url: "https://github.com/django/django/pull/18100",
    title: "Fixed #35021",
    state: "open",
    reviewState: "none",
    additions: 40,
    deletions: 10,
    openedAt: at(8),
    lastActivityAt: at(8),
    linkedAt: at(8),
    preReviewedAt: null,
    ...overrides,
  };
}

const submitted = (
  week: number,
  submittedAt: Date,
  extra: Partial<ParticipantFacts["reflections"][number]> = {},
) => ({
  week,
  status: "submitted",
  needsHelp: false,
  submittedAt,
  updatedAt: submittedAt,
  lastGuideReplyAt: null,
  ...extra,
});

describe("reflection missing past its due day", () => {
  const due1 = at(7); // week 1 ends when week 2 starts
  it("is not flagged up to the due instant", () => {
    expect(missingReflections(cohort, participant(), due1)).toEqual([]);
  });
  it("is flagged a minute after the due instant", () => {
    const items = missingReflections(cohort, participant(), new Date(due1.getTime() + MINUTE));
    expect(items).toHaveLength(1);
    expect(items[0].reason).toMatch(/No reflection for week 1/);
    expect(items[0].action).toMatchObject({ kind: "nudge", personId: "p1" });
  });
  it("a draft does not count, a late submission does", () => {
    const draft = participant({
      reflections: [
        {
          week: 1,
          status: "draft",
          needsHelp: false,
          submittedAt: null,
          updatedAt: at(6),
          lastGuideReplyAt: null,
        },
      ],
    });
    expect(missingReflections(cohort, draft, at(8))).toHaveLength(1);
    const late = participant({ reflections: [submitted(1, at(7.5))] });
    expect(missingReflections(cohort, late, at(8))).toEqual([]);
  });
  it("names every missing week in one item", () => {
    const items = missingReflections(cohort, participant({ reflections: [submitted(2, at(13))] }), at(21.5));
    expect(items).toHaveLength(1);
    expect(items[0].reason).toMatch(/weeks 1 and 3/);
  });
});

describe("I need help", () => {
  it("is flagged once submitted, and not as a draft", () => {
    const help = participant({ reflections: [submitted(2, at(12), { needsHelp: true })] });
    expect(helpRequests(cohort, help)).toHaveLength(1);
    expect(helpRequests(cohort, help)[0].action).toMatchObject({
      kind: "link",
      href: "/cohorts/session-5/reflections/2/meilin-dev",
    });
    const draft = participant({
      reflections: [
        {
          week: 2,
          status: "draft",
          needsHelp: true,
          submittedAt: null,
          updatedAt: at(11),
          lastGuideReplyAt: null,
        },
      ],
    });
    expect(helpRequests(cohort, draft)).toEqual([]);
  });
  it("clears when a navigator replies after the submission, not before", () => {
    const before = participant({
      reflections: [submitted(2, at(12), { needsHelp: true, lastGuideReplyAt: at(11.9) })],
    });
    expect(helpRequests(cohort, before)).toHaveLength(1);
    const after = participant({
      reflections: [submitted(2, at(12), { needsHelp: true, lastGuideReplyAt: at(12.1) })],
    });
    expect(helpRequests(cohort, after)).toEqual([]);
  });
  it("asks again when the participant ticks it in an edit after the last reply", () => {
    // Submitted without help, the navigator replied, then the participant edited and ticked it.
    const edited = participant({
      reflections: [submitted(2, at(12), { needsHelp: true, lastGuideReplyAt: at(12.5), updatedAt: at(13) })],
    });
    const items = helpRequests(cohort, edited);
    expect(items).toHaveLength(1);
    expect(items[0].reason).toBe("Asks for help in the week 2 reflection, changed since the last reply");
    expect(items[0].since).toEqual(at(13));
    // and the next reply answers it
    expect(
      helpRequests(
        cohort,
        participant({
          reflections: [
            submitted(2, at(12), { needsHelp: true, lastGuideReplyAt: at(13.1), updatedAt: at(13) }),
          ],
        }),
      ),
    ).toEqual([]);
  });
});

describe("no activity for inactivityDays", () => {
  const last = at(3);
  it("is not flagged a minute before 10 days", () => {
    expect(
      inactivity(
        cohort,
        participant({ lastActivityAt: last }),
        new Date(last.getTime() + 10 * DAY_MS - MINUTE),
      ),
    ).toEqual([]);
  });
  it("is flagged at 10 days", () => {
    const items = inactivity(
      cohort,
      participant({ lastActivityAt: last }),
      new Date(last.getTime() + 10 * DAY_MS),
    );
    expect(items).toHaveLength(1);
    expect(items[0].reason).toBe("No activity for 10 days");
  });
  it("counts from the start for someone who never did anything", () => {
    expect(inactivity(cohort, participant({ lastActivityAt: null }), at(9.9))).toEqual([]);
    expect(inactivity(cohort, participant({ lastActivityAt: null }), at(10))[0].reason).toMatch(
      /since the cohort started/,
    );
  });
  it("follows the cohort's setting", () => {
    const strict = { ...cohort, inactivityDays: 5 };
    expect(inactivity(strict, participant({ lastActivityAt: last }), at(8))).toHaveLength(1);
    expect(inactivity(strict, participant({ lastActivityAt: last }), at(7.9))).toEqual([]);
  });
});

describe("changes requested and no update for changesRequestedDays", () => {
  const updated = at(10);
  const stalled = (p: Partial<PullFact>) =>
    participant({ pulls: [pull({ reviewState: "changes_requested", lastActivityAt: updated, ...p })] });
  it("is not flagged a minute before 7 days", () => {
    expect(
      stalledChangesRequested(cohort, stalled({}), new Date(updated.getTime() + 7 * DAY_MS - MINUTE)),
    ).toEqual([]);
  });
  it("is flagged at 7 days, linking to the pull request", () => {
    const items = stalledChangesRequested(cohort, stalled({}), new Date(updated.getTime() + 7 * DAY_MS));
    expect(items).toHaveLength(1);
    expect(items[0].reason).toMatch(/django\/django#18100/);
    expect(items[0].action).toMatchObject({
      kind: "link",
      href: "https://github.com/django/django/pull/18100",
    });
  });
  it("ignores approved, merged and closed pull requests", () => {
    const later = at(30);
    expect(stalledChangesRequested(cohort, stalled({ reviewState: "approved" }), later)).toEqual([]);
    expect(stalledChangesRequested(cohort, stalled({ state: "merged" }), later)).toEqual([]);
    expect(stalledChangesRequested(cohort, stalled({ state: "closed" }), later)).toEqual([]);
  });
});

describe("large pull request not pre-reviewed", () => {
  it("is flagged above the line threshold only", () => {
    expect(
      largeWithoutPreReview(cohort, participant({ pulls: [pull({ additions: 300, deletions: 100 })] })),
    ).toEqual([]);
    const items = largeWithoutPreReview(
      cohort,
      participant({ pulls: [pull({ additions: 300, deletions: 101 })] }),
    );
    expect(items).toHaveLength(1);
    expect(items[0].reason).toMatch(/401 lines/);
    expect(items[0].action).toMatchObject({ kind: "link", href: "/cohorts/session-5/pulls" });
  });
  it("clears once pre-reviewed, and ignores merged ones", () => {
    expect(
      largeWithoutPreReview(cohort, participant({ pulls: [pull({ additions: 900, preReviewedAt: at(9) })] })),
    ).toEqual([]);
    expect(
      largeWithoutPreReview(cohort, participant({ pulls: [pull({ additions: 900, state: "merged" })] })),
    ).toEqual([]);
  });
});

describe("claim with no pull request for staleClaimDays", () => {
  const claimedAt = at(2);
  const claim = (extra: Partial<ParticipantFacts["claims"][number]> = {}) =>
    participant({
      claims: [
        {
          issueId: "issue-35021",
          claimedAt,
          releasedAt: null,
          issueTitle: "QuerySet.bulk_update() docs",
          issueUrl: "https://code.djangoproject.com/ticket/35021",
          hasPull: false,
          ...extra,
        },
      ],
    });
  it("is not flagged a minute before 14 days", () => {
    expect(staleClaims(cohort, claim(), new Date(claimedAt.getTime() + 14 * DAY_MS - MINUTE))).toEqual([]);
  });
  it("is flagged at 14 days", () => {
    const items = staleClaims(cohort, claim(), new Date(claimedAt.getTime() + 14 * DAY_MS));
    expect(items).toHaveLength(1);
    expect(items[0].reason).toMatch(/Claimed “QuerySet.bulk_update\(\) docs” 14 days ago/);
    // to the board's card, where the navigator can release or reassign the claim
    expect(items[0].action).toEqual({
      kind: "link",
      label: "Release or reassign",
      href: `/cohorts/${cohort.slug}/issues#issue-issue-35021`,
    });
  });
  it("is not flagged with a linked pull request or once released", () => {
    expect(staleClaims(cohort, claim({ hasPull: true }), at(30))).toEqual([]);
    expect(staleClaims(cohort, claim({ releasedAt: at(5) }), at(30))).toEqual([]);
  });
});

describe("the whole list", () => {
  it("puts help requests first, then the oldest", () => {
    const a = participant({
      personId: "a",
      name: "Ana",
      lastActivityAt: at(1),
      reflections: [submitted(1, at(5))],
    });
    const b = participant({
      personId: "b",
      name: "Bo",
      lastActivityAt: at(12),
      reflections: [submitted(1, at(6)), submitted(2, at(12), { needsHelp: true })],
    });
    const items = sortAttention([...attentionFor(cohort, a, at(15)), ...attentionFor(cohort, b, at(15))]);
    expect(items.map((i) => [i.personId, i.kind])).toEqual([
      ["b", "needs_help"],
      ["a", "inactive"],
      ["a", "reflection_missing"],
    ]);
  });
});

describe("thresholds come from the cohort's settings", () => {
  const custom: AttentionCohort = {
    ...cohort,
    changesRequestedDays: 3,
    staleClaimDays: 5,
    largePullRequestLines: 100,
  };
  it("changes requested: flagged at 3 days instead of 7", () => {
    const p = participant({ pulls: [pull({ reviewState: "changes_requested", lastActivityAt: at(10) })] });
    expect(stalledChangesRequested(custom, p, new Date(at(13).getTime() - MINUTE))).toEqual([]);
    expect(stalledChangesRequested(custom, p, at(13))).toHaveLength(1);
    expect(stalledChangesRequested(cohort, p, at(13))).toEqual([]);
  });
  it("claims: flagged at 5 days instead of 14", () => {
    const p = participant({
      claims: [
        {
          issueId: "i1",
          claimedAt: at(2),
          releasedAt: null,
          issueTitle: "Docs",
          issueUrl: "https://code.djangoproject.com/ticket/1",
          hasPull: false,
        },
      ],
    });
    expect(staleClaims(custom, p, new Date(at(7).getTime() - MINUTE))).toEqual([]);
    expect(staleClaims(custom, p, at(7))[0].reason).toMatch(/5 days ago/);
    expect(staleClaims(cohort, p, at(7))).toEqual([]);
  });
  it("large pull requests: above 100 changed lines instead of 400", () => {
    const p = (lines: number) => participant({ pulls: [pull({ additions: lines, deletions: 0 })] });
    expect(largeWithoutPreReview(custom, p(100))).toEqual([]);
    expect(largeWithoutPreReview(custom, p(101))).toHaveLength(1);
    expect(largeWithoutPreReview(cohort, p(101))).toEqual([]);
  });
});

describe("after the cohort has ended", () => {
  const monthLater = at(42 + 30);
  const weeks = (n: number) => Array.from({ length: n }, (_, i) => submitted(i + 1, at((i + 1) * 7 - 1)));
  it("the last week's reflection is missing (due at the end), not 'not due yet'", () => {
    const items = attentionFor(
      cohort,
      participant({ lastActivityAt: at(40), reflections: weeks(5) }),
      monthLater,
    );
    expect(items.map((i) => i.reason)).toEqual([expect.stringMatching(/^No reflection for week 6 /)]);
  });
  it("inactivity is counted up to the end, not to today", () => {
    expect(
      attentionFor(cohort, participant({ lastActivityAt: at(33), reflections: weeks(6) }), monthLater),
    ).toEqual([]);
    expect(
      attentionFor(cohort, participant({ lastActivityAt: at(31), reflections: weeks(6) }), monthLater).map(
        (i) => i.reason,
      ),
    ).toEqual(["No activity for 11 days"]);
  });
});
