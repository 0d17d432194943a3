// User-written Markdown (reflections, answers, comments, notes) becomes HTML only
// through a sanitizer: no raw HTML, scripts, event handlers or javascript: links.
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

const marked = new Marked({ gfm: true, breaks: true, async: false });
// Raw HTML in the Markdown source is shown as text, never passed through.
marked.use({
  renderer: {
    html({ text }) {
      return escapeHtml(text);
    },
  },
});

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const allowed: sanitizeHtml.IOptions = {
  allowedTags: [
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
  ],
  allowedAttributes: { a: ["href", "title"], input: ["type", "checked", "disabled"], code: ["class"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", { rel: "nofollow noopener noreferrer", target: "_blank" }),
  },
  exclusiveFilter: (frame) => frame.tag === "input" && frame.attribs.type !== "checkbox",
};

/** Safe HTML for a Markdown text written by a user. */
export function renderMarkdown(source: string): string {
  const html = marked.parse(source ?? "") as string;
  return sanitizeHtml(html, {
    ...allowed,
    allowedAttributes: { ...allowed.allowedAttributes, a: ["href", "title", "rel", "target"] },
  });
}
