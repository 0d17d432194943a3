// One notice of the outbox as a card, and the pager under a list of them. The site
// outbox (admins) and a cohort's notices page (organizers) share both.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { noticeKindLabel } from "~/notifications/statuses";
import { DateText } from "./dates";

const BADGE: Record<string, string> = {
  sent: "badge-good",
  kept: "badge-info",
  queued: "badge-warn",
  failed: "badge-bad",
};

export type NoticeCardData = {
  id: string;
  kind: string;
  subject: string;
  bodyText: string;
  status: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  sentAt: string | null;
  createdAt: string;
  toEmail: string | null;
  person: { name: string } | null;
  cohort: { name: string } | null;
};

/** `delivery` adds the address, cohort and retry details an admin needs. */
export function NoticeCard({
  notice: n,
  timeZone,
  delivery = false,
  children,
}: {
  notice: NoticeCardData;
  timeZone: string;
  delivery?: boolean;
  children?: ReactNode;
}) {
  return (
    <article className="card notice" aria-label={n.subject}>
      <p style={{ margin: 0 }}>
        <span className={`badge ${BADGE[n.status] ?? ""}`}>{n.status}</span> <strong>{n.subject}</strong>
      </p>
      <p className="muted" style={{ margin: ".25rem 0" }}>
        To {n.person?.name ?? "—"}
        {delivery ? (
          <>
            {" "}
            {n.toEmail ? `<${n.toEmail}>` : "(no e-mail address)"}
            {n.cohort ? ` · ${n.cohort.name}` : ""}
          </>
        ) : null}
        {" · "}
        {noticeKindLabel(n.kind)} · queued <DateText value={n.createdAt} timeZone={timeZone} withTime />
        {n.sentAt ? (
          <>
            {" "}
            · sent <DateText value={n.sentAt} timeZone={timeZone} withTime />
          </>
        ) : null}
        {delivery && n.attempts ? ` · ${n.attempts} attempt${n.attempts === 1 ? "" : "s"}` : ""}
        {delivery && n.status === "queued" && n.attempts ? (
          <>
            {" "}
            · next try <DateText value={n.nextAttemptAt} timeZone={timeZone} withTime />
          </>
        ) : null}
      </p>
      {n.lastError ? <p className="field-error">Last error: {n.lastError}</p> : null}
      <pre className="notice-body" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
        {n.bodyText}
      </pre>
      {children}
    </article>
  );
}

/** "Newer · Page 2 of 5 · Older"; `href(page)` keeps the page's filters. */
export function NoticePager({
  page,
  pages,
  href,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
}) {
  if (pages <= 1) return null;
  return (
    <p className="actions">
      {page > 1 ? <Link to={href(page - 1)}>Newer</Link> : null}
      Page {page} of {pages}
      {page < pages ? <Link to={href(page + 1)}>Older</Link> : null}
    </p>
  );
}
