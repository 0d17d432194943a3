import { describe, expect, it } from "vitest";
import { DAY_MS } from "~/utils/time";
import {
  isLate,
  parseAnswers,
  parsePrompts,
  revisePrompts,
  reflectionCell,
  reflectionDueAt,
  reflectionWindow,
  DEFAULT_PROMPTS,
} from "./rules";
import { canReply, reflectionAccess } from "./visibility";

const cohort = { startsOn: new Date("2026-10-05T00:00:00Z"), weeks: 6 };
const at = (days: number) => new Date(cohort.startsOn.getTime() + days * DAY_MS);

describe("the reflection calendar", () => {
  it("is due at the end of its week and editable until the end of the next", () => {
    expect(reflectionDueAt(cohort, 2)).toEqual(at(14));
    expect(reflectionWindow(cohort, 2, at(6.9))).toMatchObject({
      open: false,
      reason: expect.stringMatching(/has not started/),
    });
    expect(reflectionWindow(cohort, 2, at(7))).toMatchObject({ open: true });
    expect(reflectionWindow(cohort, 2, new Date(at(21).getTime() - 1))).toMatchObject({ open: true });
    expect(reflectionWindow(cohort, 2, at(21))).toMatchObject({
      open: false,
      reason: expect.stringMatching(/closed at the end of week 3/),
    });
    expect(reflectionWindow(cohort, 7, at(45))).toMatchObject({
      open: false,
      reason: expect.stringMatching(/no week 7/),
    });
  });
  it("marks a submission after the due instant late", () => {
    expect(isLate(cohort, 1, at(7))).toBe(false);
    expect(isLate(cohort, 1, new Date(at(7).getTime() + 1))).toBe(true);
  });
  it("shows a draft past its due date as missing", () => {
    expect(reflectionCell(cohort, 1, { status: "draft", late: false }, at(6))).toBe("draft");
    expect(reflectionCell(cohort, 1, { status: "draft", late: false }, at(7.1))).toBe("missing");
    expect(reflectionCell(cohort, 1, null, at(7.1))).toBe("missing");
    expect(reflectionCell(cohort, 1, { status: "submitted", late: true }, at(9))).toBe("late");
    expect(reflectionCell(cohort, 3, null, at(9))).toBe("upcoming");
  });
  it("falls back to the default prompts and reads answers defensively", () => {
    expect(parsePrompts("not json")).toEqual(DEFAULT_PROMPTS);
    expect(parsePrompts('["Wins", " "]')).toEqual([{ id: "p1", text: "Wins" }]);
    expect(parseAnswers('{"Wins":"a","n":1}')).toEqual({ Wins: "a" });
    expect(parseAnswers("[1]")).toEqual({});
  });
});

describe("who reads a reflection", () => {
  const owner = { personId: "mei", teamId: "pegasus" };
  const viewer = (
    personId: string,
    memberships: { role: string; teamId: string | null }[],
    isOrganizer = false,
  ) => ({ personId, memberships, isOrganizer });
  const submitted = { status: "submitted", sharedWithTeam: false };
  const shared = { status: "submitted", sharedWithTeam: true };
  it("lets the participant, their navigator and captain, and organizers read and reply", () => {
    expect(
      reflectionAccess(viewer("mei", [{ role: "participant", teamId: "pegasus" }]), owner, submitted),
    ).toBe("author");
    expect(
      reflectionAccess(viewer("ana", [{ role: "navigator", teamId: "pegasus" }]), owner, submitted),
    ).toBe("guide");
    expect(
      reflectionAccess(viewer("jonas", [{ role: "captain", teamId: "pegasus" }]), owner, submitted),
    ).toBe("guide");
    expect(reflectionAccess(viewer("lena", [], true), owner, submitted)).toBe("organizer");
    for (const access of ["author", "guide", "organizer"] as const) expect(canReply(access)).toBe(true);
  });
  it("refuses other teams' navigators and reviewers", () => {
    expect(
      reflectionAccess(viewer("kwame", [{ role: "navigator", teamId: "andromeda" }]), owner, shared),
    ).toBeNull();
    expect(reflectionAccess(viewer("tom", [{ role: "reviewer", teamId: null }]), owner, shared)).toBeNull();
  });
  it("lets teammates read only what was shared and submitted, without replying", () => {
    const teammate = viewer("diego", [{ role: "participant", teamId: "pegasus" }]);
    expect(reflectionAccess(teammate, owner, submitted)).toBeNull();
    expect(reflectionAccess(teammate, owner, { status: "draft", sharedWithTeam: true })).toBeNull();
    expect(reflectionAccess(teammate, owner, shared)).toBe("teammate");
    expect(canReply("teammate")).toBe(false);
    expect(
      reflectionAccess(viewer("chloe", [{ role: "participant", teamId: "andromeda" }]), owner, shared),
    ).toBeNull();
  });
});

describe("revising prompts keeps answers attached", () => {
  const current = [
    { id: "p1", text: "What I worked on" },
    { id: "p2", text: "What I learned" },
    { id: "p3", text: "What is blocking me" },
  ];

  it("keeps a prompt's id when it is renamed in place or moved", () => {
    expect(revisePrompts(current, ["What I built", "What I learned", "What is stopping me"])).toEqual([
      { id: "p1", text: "What I built" },
      { id: "p2", text: "What I learned" },
      { id: "p3", text: "What is stopping me" },
    ]);
    expect(revisePrompts(current, ["What is blocking me", "What I built", "What I learned"])).toEqual([
      { id: "p3", text: "What is blocking me" },
      { id: "p4", text: "What I built" },
      { id: "p2", text: "What I learned" },
      { id: "p1", text: "What I worked on", retired: true },
    ]);
  });

  it("retires removed prompts and gives new ones fresh ids, never reusing a retired id", () => {
    const once = revisePrompts(current, ["What I worked on"]);
    expect(once).toEqual([
      { id: "p1", text: "What I worked on" },
      { id: "p2", text: "What I learned", retired: true },
      { id: "p3", text: "What is blocking me", retired: true },
    ]);
    const twice = revisePrompts(once, ["What I worked on", "A question for my navigator", "What I learned"]);
    expect(twice).toEqual([
      { id: "p1", text: "What I worked on" },
      { id: "p4", text: "A question for my navigator" },
      { id: "p2", text: "What I learned" },
      { id: "p3", text: "What is blocking me", retired: true },
    ]);
    expect(parsePrompts(JSON.stringify(twice))).toEqual(twice);
  });
});
