// Links whose address came from GitHub or Trac data (a stored html_url, a ticket
// URL): only http(s) addresses become links. Anything else — `javascript:`, `data:` —
// is shown as plain text, so a poisoned payload can never run in someone's browser.
import type { ReactNode } from "react";

export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

export function ExternalLink({
  href,
  children,
  newTab = true,
}: {
  href: string | null | undefined;
  children: ReactNode;
  newTab?: boolean;
}) {
  const safe = safeHttpUrl(href);
  if (!safe) return <span>{children}</span>;
  return newTab ? (
    <a href={safe} rel="noopener noreferrer" target="_blank">
      {children}
    </a>
  ) : (
    <a href={safe}>{children}</a>
  );
}
