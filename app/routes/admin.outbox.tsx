import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/auth/permissions.server";
import { DateText } from "~/components/dates";
import { deliverDueNotices, listOutbox, retryNotice, transportFromEnv } from "~/notifications/delivery.server";
import { NOTICE_STATUSES } from "~/notifications/statuses";
import { redirectWithFlash } from "~/utils/flash.server";

export const meta: MetaFunction = () => [{ title: "Outbox — Cohort" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  const url = new URL(request.url);
  const status = url.searchParams.get("status");
  const page = Math.max(1, Number(url.searchParams.get("page")) || 1);
  return json({ ...(await listOutbox(status, page)), status, viewerZone: admin.timeZone });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAdmin(request);
  const formData = await request.formData();
  if (formData.get("intent") === "retry") {
    const ok = await retryNotice(String(formData.get("id") ?? ""));
    return redirectWithFlash("/admin/outbox", ok ? { kind: "success", message: "The notice is queued again." } : { kind: "error", message: "That notice cannot be retried." });
  }
  const report = await deliverDueNotices({ transport: transportFromEnv() });
  return redirectWithFlash("/admin/outbox", { kind: "success", message: `Delivery run: ${report.sent} sent, ${report.kept} kept, ${report.retried} to retry, ${report.failed} failed.` });
}

const BADGE: Record<string, string> = { sent: "badge-good", kept: "badge-info", queued: "badge-warn", failed: "badge-bad" };

export default function Outbox() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Outbox</h1>
      <p>
        {data.smtpConfigured
          ? "Notices are sent by e-mail (SMTP) and retried with growing pauses when the mail server fails."
          : "No mail server is configured (SMTP_URL), so notices are kept here for reading instead of being e-mailed."}
      </p>
      <nav className="subnav" aria-label="Notice status">
        <Link to="/admin/outbox">All ({Object.values(data.counts).reduce((a, b) => a + b, 0)})</Link>
        {NOTICE_STATUSES.map((s) => <Link key={s} to={`?status=${s}`}>{s} ({data.counts[s] ?? 0})</Link>)}
      </nav>
      <Form method="post" className="actions"><button type="submit" name="intent" value="deliver" className="secondary">Deliver due notices now</button></Form>
      {data.notices.length === 0 ? <p>No notices.</p> : null}
      {data.notices.map((n) => (
        <article key={n.id} className="card notice" aria-label={n.subject}>
          <p style={{ margin: 0 }}>
            <span className={`badge ${BADGE[n.status] ?? ""}`}>{n.status}</span> <strong>{n.subject}</strong>
          </p>
          <p className="muted" style={{ margin: ".25rem 0" }}>
            To {n.person?.name ?? "—"} {n.toEmail ? `<${n.toEmail}>` : "(no e-mail address)"}{n.cohort ? ` · ${n.cohort.name}` : ""} · {n.kind} · queued <DateText value={n.createdAt} timeZone={data.viewerZone} withTime />
            {n.sentAt ? <> · sent <DateText value={n.sentAt} timeZone={data.viewerZone} withTime /></> : null}
            {n.attempts ? ` · ${n.attempts} attempt${n.attempts === 1 ? "" : "s"}` : ""}
            {n.status === "queued" && n.attempts ? <> · next try <DateText value={n.nextAttemptAt} timeZone={data.viewerZone} withTime /></> : null}
          </p>
          {n.lastError ? <p className="field-error">Last error: {n.lastError}</p> : null}
          <pre className="notice-body" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{n.bodyText}</pre>
          {n.status === "failed" || n.status === "kept" ? (
            <Form method="post"><input type="hidden" name="id" value={n.id} /><button type="submit" name="intent" value="retry" className="link-button">Queue again</button></Form>
          ) : null}
        </article>
      ))}
      {data.pages > 1 ? (
        <p className="actions">
          {data.page > 1 ? <Link to={`?${data.status ? `status=${data.status}&` : ""}page=${data.page - 1}`}>Newer</Link> : null}
          Page {data.page} of {data.pages}
          {data.page < data.pages ? <Link to={`?${data.status ? `status=${data.status}&` : ""}page=${data.page + 1}`}>Older</Link> : null}
        </p>
      ) : null}
    </>
  );
}
