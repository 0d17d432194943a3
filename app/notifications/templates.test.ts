import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { NOTICE_TEMPLATES, noticeKindLabel, noticeText } from "./templates";

const link = "https://cohort.example/cohorts/session-5/week";

describe("notice templates", () => {
  it("every kind has words for people, not its code name", () => {
    for (const kind of Object.keys(NOTICE_TEMPLATES)) {
      const label = noticeKindLabel(kind);
      expect(label, kind).not.toMatch(/[._]/);
      expect(label.length, kind).toBeGreaterThan(5);
    }
    expect(noticeKindLabel("reflection_reply")).toBe("Reply to a reflection");
    expect(noticeKindLabel("some_new_kind")).toBe("some new kind");
  });

  it("fills the facts into subject and body", () => {
    const n = noticeText("reflection_missing", {
      name: "Ana",
      cohort: "Session 5",
      week: 3,
      until: "Mon 9 Mar 2026, 23:59",
      link,
    });
    expect(n.kind).toBe("reflection_missing");
    expect(n.subject).toBe("Your week 3 reflection for Session 5 is missing");
    expect(n.bodyText).toContain("until Mon 9 Mar 2026, 23:59");
    expect(n.bodyText).toContain(`Write it: ${link}`);
  });

  it("leaves out the lines whose facts are missing, never printing null", () => {
    const base = {
      name: "Ana",
      cohort: "Session 5",
      team: "Team Pony",
      role: "participant",
      project: null,
      navigator: null,
      captain: null,
      participants: ["Ana (@ana)"],
      meeting: null,
      chatUrl: null,
      links: [],
      teamLink: "https://cohort.example/cohorts/session-5/teams/pony",
      calendarLink: null,
    };
    const n = noticeText("team.welcome", base);
    expect(n.bodyText).not.toMatch(/null|undefined|Captain:|Chat:|Calendar feed/);
    expect(n.bodyText).toContain("Navigator: to be announced");
    const full = noticeText("team.welcome", {
      ...base,
      captain: "Bo (@bo)",
      chatUrl: "https://chat.example/pony",
      calendarLink: "https://cohort.example/calendar/t.ics",
    });
    expect(full.bodyText).toContain("Captain: Bo (@bo)");
    expect(full.bodyText).toContain("Chat: https://chat.example/pony");
    expect(full.bodyText).toContain("Calendar feed (private to you): https://cohort.example/calendar/t.ics");
  });

  it("a notice written inline in a domain module fails the lint", async () => {
    const eslint = new ESLint();
    const code = [
      'import { queueNotice } from "~/notifications/outbox.server";',
      'export const f = () => queueNotice({ kind: "x", subject: "Hi", bodyText: "Hello" });',
    ].join("\n");
    const [result] = await eslint.lintText(code, { filePath: "app/teams/scratch.server.ts" });
    expect(result.messages.map((m) => m.message).join("\n")).toContain("app/notifications/templates.ts");
    const good = [
      'import { queueNotice } from "~/notifications/outbox.server";',
      'import { noticeText } from "~/notifications/templates";',
      'export const f = () => queueNotice({ ...noticeText("not_accepted", { name: "A", cohort: "C" }), personId: "p" });',
    ].join("\n");
    const [ok] = await eslint.lintText(good, { filePath: "app/teams/scratch.server.ts" });
    expect(ok.messages.filter((m) => m.ruleId === "no-restricted-syntax")).toEqual([]);
  });
});
