import { describe, expect, it } from "vitest";
import { findReferences, parseIssueUrl, parsePullUrl, referencesIssue } from "./references";

const djangoPr = { owner: "django", repo: "django" };
const trac = (n: number) => ({ source: "trac", externalKey: String(n) });
const gh = (key: string) => ({ source: "github", externalKey: key });

describe("references in pull requests", () => {
  it("reads GitHub closing keywords with a bare number in the same repository", () => {
    for (const text of [
      "Fixes #123",
      "fixes #123",
      "Closes #123",
      "closed #123",
      "Resolves: #123",
      "This resolved #123.",
    ]) {
      expect(
        referencesIssue(
          findReferences(text),
          { owner: "wagtail", repo: "wagtail" },
          gh("wagtail/wagtail#123"),
        ),
        text,
      ).toBe(true);
    }
    expect(
      referencesIssue(
        findReferences("Fixes #123"),
        { owner: "wagtail", repo: "wagtail" },
        gh("wagtail/wagtail#124"),
      ),
    ).toBe(false);
  });

  it("reads owner/repo#123 and does not confuse repositories", () => {
    const refs = findReferences("closes django-commons/django-debug-toolbar#1987");
    expect(
      referencesIssue(
        refs,
        { owner: "someone", repo: "fork" },
        gh("django-commons/django-debug-toolbar#1987"),
      ),
    ).toBe(true);
    expect(referencesIssue(refs, djangoPr, gh("wagtail/wagtail#1987"))).toBe(false);
  });

  it("reads a full issue URL in the body", () => {
    const refs = findReferences("See https://github.com/wagtail/wagtail/issues/12410 for context");
    expect(referencesIssue(refs, djangoPr, gh("wagtail/wagtail#12410"))).toBe(true);
  });

  it("reads Django's Fixed #N -- and Refs #N -- as Trac tickets", () => {
    expect(
      referencesIssue(findReferences("Fixed #35678 -- Added a system check."), djangoPr, trac(35678)),
    ).toBe(true);
    expect(
      referencesIssue(findReferences("Refs #35678 -- Moved tests into a class."), djangoPr, trac(35678)),
    ).toBe(true);
    expect(
      referencesIssue(findReferences("Fixed #35678 -- Added a system check."), djangoPr, trac(35679)),
    ).toBe(false);
  });

  it("reads every form of a Trac reference a Django pull request carries", () => {
    const forms = [
      "Fixed #35678 -- Added a system check.",
      "Refs #35678 -- Moved tests into a class.",
      "Refs #35678",
      "Fixed #35678.",
      "Fixes #35678",
      "closes #35678",
      "ticket-35678",
      "#### Trac ticket number\n\nticket-35678\n\n#### Branch description",
      "See ticket #35678 for the discussion.",
    ];
    for (const text of forms) {
      expect(referencesIssue(findReferences(text), djangoPr, trac(35678)), text).toBe(true);
      expect(referencesIssue(findReferences(text), djangoPr, trac(35679)), text).toBe(false);
    }
    // a mention without a keyword is not a reference
    expect(referencesIssue(findReferences("Similar to #35678 but for forms."), djangoPr, trac(35678))).toBe(
      false,
    );
  });

  it("reads Trac ticket URLs", () => {
    expect(
      referencesIssue(
        findReferences("ticket: https://code.djangoproject.com/ticket/36105"),
        djangoPr,
        trac(36105),
      ),
    ).toBe(true);
  });

  it("ignores numbers without a keyword", () => {
    expect(findReferences("Improves performance by #2 percent in 123 cases")).toEqual([]);
  });
});

describe("addresses people paste", () => {
  it("accepts GitHub issue and Trac ticket URLs", () => {
    expect(parseIssueUrl("https://github.com/wagtail/wagtail/issues/12345")).toMatchObject({
      ok: true,
      ref: { source: "github", owner: "wagtail", repo: "wagtail", number: 12345 },
    });
    expect(parseIssueUrl("https://code.djangoproject.com/ticket/35890/")).toMatchObject({
      ok: true,
      ref: { source: "trac", number: 35890 },
      host: "https://code.djangoproject.com",
    });
  });

  it("explains what is wrong with other addresses", () => {
    expect(parseIssueUrl("wagtail#12")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not a web address/),
    });
    expect(parseIssueUrl("https://github.com/wagtail/wagtail/pull/12")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/pull request/),
    });
    expect(parseIssueUrl("https://github.com/wagtail/wagtail")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not an issue/),
    });
    expect(parseIssueUrl("https://gitlab.com/a/b/-/issues/1")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/GitHub issues .* Trac tickets/),
    });
  });

  it("reads pull request URLs, including their tabs, on the configured GitHub", () => {
    expect(parsePullUrl("https://github.com/django/django/pull/18823/files")).toEqual({
      ok: true,
      owner: "django",
      repo: "django",
      number: 18823,
    });
    expect(parsePullUrl("https://github.example.com/team/app/pull/7", "https://github.example.com")).toEqual({
      ok: true,
      owner: "team",
      repo: "app",
      number: 7,
    });
    expect(parsePullUrl("https://github.com/django/django/issues/1")).toMatchObject({ ok: false });
    expect(parsePullUrl("https://example.org/django/django/pull/1")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/github.com/),
    });
  });
});
