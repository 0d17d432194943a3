// Every hostile payload comes out of renderMarkdown() inert: no script, no event
// handler, no javascript:/data: address, no raw HTML element from the source.
import { Parser } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "~/utils/markdown.server";
import { XSS_PAYLOADS } from "../fixtures/xss-payloads";

const SAFE_TAGS = new Set([
  "p",
  "br",
  "strong",
  "em",
  "del",
  "code",
  "pre",
  "blockquote",
  "ul",
  "ol",
  "li",
  "a",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "hr",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "input",
]);

/** The elements and attributes a browser would build from `html`. */
function elements(html: string): { tag: string; attributes: Record<string, string> }[] {
  const found: { tag: string; attributes: Record<string, string> }[] = [];
  const parser = new Parser(
    { onopentag: (tag, attributes) => found.push({ tag, attributes }) },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

describe("renderMarkdown() against XSS payloads", () => {
  for (const payload of XSS_PAYLOADS) {
    it(`neutralises ${JSON.stringify(payload).slice(0, 70)}`, () => {
      for (const { tag, attributes } of elements(renderMarkdown(payload))) {
        expect(SAFE_TAGS.has(tag), `<${tag}> is not allowed`).toBe(true);
        for (const [name, value] of Object.entries(attributes)) {
          expect(name.startsWith("on"), `event handler ${name}`).toBe(false);
          expect(["src", "style", "xlink:href", "action", "formaction"]).not.toContain(name);
          if (name === "href") expect(value.trim()).toMatch(/^(https?:|mailto:)/i);
        }
        if (tag === "input") expect(attributes.type).toBe("checkbox");
      }
    });
  }

  it("keeps ordinary Markdown", () => {
    const html = renderMarkdown(
      "**bold**, `code`, [a link](https://docs.djangoproject.com/) and\n\n- a list",
    );
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<code>code</code>");
    expect(html).toContain('href="https://docs.djangoproject.com/"');
    expect(html).toContain('rel="nofollow noopener noreferrer"');
    expect(html).toContain("<li>a list</li>");
  });

  it("shows raw HTML as text rather than dropping what the person wrote", () => {
    expect(renderMarkdown("<b>not bold</b>")).toContain("&lt;b&gt;not bold&lt;/b&gt;");
  });
});
