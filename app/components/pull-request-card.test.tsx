import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { PullCardData } from "~/pulls/pulls.server";
import { PullRequestCard } from "./pull-request-card";

const card = (url: string, issueUrl: string): PullCardData => ({
  linkId: "l1",
  owner: "wagtail",
  repo: "wagtail",
  number: 12560,
  url,
  title: "Add an accessible label",
  authorLogin: "chloemartin",
  status: "open",
  statusLabel: "Open",
  additions: 3,
  deletions: 1,
  changedFiles: 1,
  reviewCount: 0,
  lastActivityAt: null,
  lastSyncedAt: null,
  person: { id: "p", name: "Chloé Martin", login: "chloemartin" },
  issue: { title: "Label", url: issueUrl, key: "wagtail/wagtail#1" },
  authorMismatch: false,
  counts: true,
  explanationHtml: "",
  explanationText: "",
  aiVerificationText: "",
  aiDisclosure: "none",
  aiTools: "",
  aiVerificationHtml: "",
  preReview: null,
  large: false,
});

describe("links from GitHub data", () => {
  it("a javascript: html_url stored for a pull request or issue is shown as text, never as a link", () => {
    const html = renderToStaticMarkup(
      <PullRequestCard
        pr={card("javascript:alert(document.cookie)", "JavaScript:alert(1)")}
        timeZone="UTC"
      />,
    );
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain("Add an accessible label");
    expect(html).toContain("wagtail/wagtail#1");
  });

  it("an https address stays a link", () => {
    const html = renderToStaticMarkup(
      <PullRequestCard
        pr={card(
          "https://github.com/wagtail/wagtail/pull/12560",
          "https://github.com/wagtail/wagtail/issues/1",
        )}
        timeZone="UTC"
      />,
    );
    expect(html).toContain('href="https://github.com/wagtail/wagtail/pull/12560"');
    expect(html).toContain('href="https://github.com/wagtail/wagtail/issues/1"');
  });
});
