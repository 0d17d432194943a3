import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/auth/permissions.server";
import { NoticeCard, NoticePager } from "~/components/notice-card";
import {
  deliverDueNotices,
  listOutbox,
  retryNotice,
  transportFromEnv,
} from "~/notifications/delivery.server";
import { outboxForm } from "~/notifications/outbox-forms";
import { NOTICE_STATUSES } from "~/notifications/statuses";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseButton } from "~/utils/forms";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Outbox — Cohort" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  const url = new URL(request.url);
  const status = url.searchParams.get("status");
  const page = Math.max(1, Number(url.searchParams.get("page")) || 1);
  return json({ ...(await listOutbox({ status }, page)), status, viewerZone: admin.timeZone });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAdmin(request);
  const parsed = parseButton(outboxForm, await readForm(request));
  if (!parsed.ok) return redirectWithFlash("/admin/outbox", { kind: "error", message: parsed.error });
  if (parsed.data.intent === "retry") {
    const ok = await retryNotice(parsed.data.id);
    return redirectWithFlash(
      "/admin/outbox",
      ok
        ? { kind: "success", message: "The notice is queued again." }
        : { kind: "error", message: "That notice cannot be retried." },
    );
  }
  const report = await deliverDueNotices({ transport: transportFromEnv() });
  return redirectWithFlash("/admin/outbox", {
    kind: "success",
    message: `Delivery run: ${report.sent} sent, ${report.kept} kept, ${report.retried} to retry, ${report.failed} failed.`,
  });
}

export default function Outbox() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Outbox</h1>
      <p>
        {data.smtpConfigured
          ? "Notices are sent by e-mail (SMTP) and retried with growing pauses when the mail server fails."
          : "This server has no mail server set up, so notices are kept here for reading instead of being e-mailed."}
      </p>
      <nav className="subnav" aria-label="Notice status">
        <Link to="/admin/outbox">All ({Object.values(data.counts).reduce((a, b) => a + b, 0)})</Link>
        {NOTICE_STATUSES.map((s) => (
          <Link key={s} to={`?status=${s}`}>
            {s} ({data.counts[s] ?? 0})
          </Link>
        ))}
      </nav>
      <Form method="post" className="actions">
        <button type="submit" name="intent" value="deliver" className="secondary">
          Deliver due notices now
        </button>
      </Form>
      {data.notices.length === 0 ? <p>No notices.</p> : null}
      {data.notices.map((n) => (
        <NoticeCard key={n.id} notice={n} timeZone={data.viewerZone} delivery>
          {n.status === "failed" || n.status === "kept" ? (
            <Form method="post">
              <input type="hidden" name="id" value={n.id} />
              <button type="submit" name="intent" value="retry" className="link-button">
                Queue again
              </button>
            </Form>
          ) : null}
        </NoticeCard>
      ))}
      <NoticePager
        page={data.page}
        pages={data.pages}
        href={(page) => `?${data.status ? `status=${data.status}&` : ""}page=${page}`}
      />
    </>
  );
}
