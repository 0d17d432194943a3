import { describe, expect, it } from "vitest";
import { decodeDraft, describeSlots, encodeDraft, evaluateDraft, moveInDraft, normalizeDraft } from "./draft";
import type { SuggestInput } from "./suggest";

const evening = "0".repeat(36) + "1".repeat(12) + "0".repeat(288); // Monday 18:00–24:00 UTC
const short = "0".repeat(36) + "1".repeat(4) + "0".repeat(296); // Monday 18:00–20:00 UTC
const input: SuggestInput = {
  rules: { teamSizeMin: 2, teamSizeMax: 3, minSharedHours: 5, captainMinSharedHours: 3 },
  projects: ["django", "wagtail"],
  navigators: [
    { id: "ana", name: "Ana", slots: evening, projectId: "django" },
    { id: "kwame", name: "Kwame", slots: evening, projectId: null },
  ],
  captains: [{ id: "jonas", name: "Jonas", slots: short, projectId: null }],
  participants: [
    { id: "mei", name: "Mei", slots: evening, projectIds: ["django"], anyProject: false, score: 4 },
    { id: "diego", name: "Diego", slots: evening, projectIds: [], anyProject: true, score: 3 },
    { id: "sofia", name: "Sofia", slots: short, projectIds: ["wagtail"], anyProject: false, score: 5 },
    { id: "ravi", name: "Ravi", slots: null, projectIds: ["django"], anyProject: false, score: 2 },
  ],
};

describe("a draft of teams", () => {
  it("moves people between teams, into a new team around a navigator, and out", () => {
    let draft = moveInDraft(input, { teams: [] }, "mei", "ana");
    draft = moveInDraft(input, draft, "diego", "ana");
    draft = moveInDraft(input, draft, "jonas", "ana");
    expect(draft).toEqual({
      teams: [{ navigatorId: "ana", captainId: "jonas", participantIds: ["mei", "diego"] }],
    });
    draft = moveInDraft(input, draft, "diego", "kwame");
    expect(draft.teams.map((t) => [t.navigatorId, t.participantIds])).toEqual([
      ["ana", ["mei"]],
      ["kwame", ["diego"]],
    ]);
    draft = moveInDraft(input, draft, "diego", "");
    expect(draft.teams.map((t) => t.navigatorId)).toEqual(["ana"]);
  });

  it("warns about every rule a team breaks and updates as people move", () => {
    const draft = {
      teams: [{ navigatorId: "ana", captainId: "jonas", participantIds: ["mei", "sofia", "ravi", "diego"] }],
    };
    const team = evaluateDraft(input, draft).teams[0];
    expect(team.warnings).toEqual([
      "4 participants: teams have at most 3.",
      "Shares 0 hours a week; the cohort asks for at least 5.",
      "Sofia did not choose this navigator's project.",
      "Ravi has not given availability.",
      "Shares 0 hours a week with its captain; the cohort asks for at least 3.",
    ]);
    const fixed = evaluateDraft(
      input,
      moveInDraft(input, moveInDraft(input, moveInDraft(input, draft, "sofia", ""), "ravi", ""), "jonas", ""),
    );
    expect(fixed.teams[0]).toMatchObject({ sharedHours: 6, projectId: "django", warnings: [] });
    expect(fixed.leftOut.map((l) => l.id).sort()).toEqual(["jonas", "kwame", "ravi", "sofia"]);
    expect(fixed.warningCount).toBe(0);
  });

  it("drops what it cannot read instead of failing", () => {
    const messy = {
      teams: [
        { navigatorId: "ana", captainId: "mei", participantIds: ["mei", "mei", "nobody", "kwame"] },
        { navigatorId: "ana", captainId: null, participantIds: ["diego"] },
        { navigatorId: "ghost", captainId: null, participantIds: ["diego"] },
      ],
    };
    expect(normalizeDraft(input, messy)).toEqual({
      teams: [{ navigatorId: "ana", captainId: null, participantIds: ["mei"] }],
    });
    expect(decodeDraft("not json")).toEqual({ teams: [] });
    expect(decodeDraft('{"teams":1}')).toEqual({ teams: [] });
    const draft = { teams: [{ navigatorId: "ana", captainId: null, participantIds: ["mei", "diego"] }] };
    expect(decodeDraft(encodeDraft(draft))).toEqual(draft);
  });

  it("describes shared hours as day and time ranges", () => {
    expect(describeSlots(evening)).toBe("Mon 18:00–24:00");
    expect(describeSlots("0".repeat(336))).toBe("no common time");
  });
});

describe("shared hours in words", () => {
  it("keeps a window that runs past midnight in one piece", () => {
    const lateMonday = "0".repeat(46) + "1".repeat(4) + "0".repeat(286); // Mon 23:00 – Tue 01:00
    expect(describeSlots(lateMonday)).toBe("Mon 23:00–Tue 01:00");
  });
});
