import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, NavLink, useLoaderData } from "@remix-run/react";
import { requireCohortRole } from "~/auth/permissions.server";
import { NoticeCard, NoticePager } from "~/components/notice-card";
import { listOutbox } from "~/notifications/delivery.server";
import {
  NOTICE_GROUPS,
  noticeGroupOf,
  ORGANIZER_NOTICE_KINDS,
  withoutOfferTokens,
} from "~/notifications/statuses";

export const meta: MetaFunction = () => [{ title: "Notices — Cohort" }];

/** The cohort's notices from the outbox (decisions, team welcomes, reminders, digests, replies), read-only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["organizer"]);
  const url = new URL(request.url);
  const group = noticeGroupOf(url.searchParams.get("show"));
  const page = Math.max(1, Number(url.searchParams.get("page")) || 1);
  const outbox = await listOutbox(
    { cohortId: access.cohort.id, kinds: group ? NOTICE_GROUPS[group].kinds : ORGANIZER_NOTICE_KINDS },
    page,
  );
  const notices = outbox.notices.map((n) => ({ ...n, bodyText: withoutOfferTokens(n.bodyText) }));
  return json({
    ...outbox,
    notices,
    group,
    slug: access.cohort.slug,
    isAdmin: access.person.isAdmin,
    timeZone: access.person.timeZone,
  });
}

export default function CohortNotices() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Notices</h1>
      <p>
        What the cohort's applicants, participants and navigators were sent: decisions and offers (an offer's
        personal confirmation link is left out here), team welcomes, and notices about reflections and
        progress. Reflection reminders go out two days before a reflection is due and, when it is missing, in
        the week after; each navigator gets one digest a week of their team's needs-attention list (none when
        nothing needs attention). The reminder job runs every hour and sends each notice once.{" "}
        {data.smtpConfigured
          ? "Notices are e-mailed."
          : "No mail server is set up for this site yet, so notices are not e-mailed: they are kept here, and people read theirs when an organizer passes them on."}
        {data.isAdmin ? (
          <>
            {" "}
            <Link to="/admin/outbox">Whole-site outbox</Link>.
          </>
        ) : null}
      </p>
      <nav className="subnav" aria-label="Kinds of notice">
        <NavLink to="?" end className={() => (data.group ? "" : "active")}>
          All
        </NavLink>
        {Object.entries(NOTICE_GROUPS).map(([key, g]) => (
          <NavLink
            key={key}
            to={`?show=${key}`}
            className={() => (data.group === key ? "active" : "")}
            aria-current={data.group === key ? "page" : undefined}
          >
            {g.label}
          </NavLink>
        ))}
      </nav>
      <p className="muted">
        {data.total} {data.total === 1 ? "notice" : "notices"}
        {data.group ? ` (${NOTICE_GROUPS[data.group].label.toLowerCase()})` : ""}.
      </p>
      {data.notices.length === 0 ? <p>No notices of this kind yet.</p> : null}
      {data.notices.map((n) => (
        <NoticeCard key={n.id} notice={n} timeZone={data.timeZone} />
      ))}
      <NoticePager
        page={data.page}
        pages={data.pages}
        href={(page) => `?${data.group ? `show=${data.group}&` : ""}page=${page}`}
      />
    </>
  );
}
