import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { requireCohortRole } from "~/auth/permissions.server";
import { AvailabilityGrid } from "~/components/availability-grid";
import { ErrorSummary, Field } from "~/components/forms";
import { ISO_WEEKDAYS } from "~/teams/meeting";
import { linksForm, meetingForm, teamPageButtonForm } from "~/teams/team-forms";
import {
  getTeamHome,
  requireTeamEditor,
  resetCalendarToken,
  setLinks,
  setMeeting,
} from "~/teams/teams.server";
import { timeZoneChoices } from "~/people/profile.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseButton, parseForm, valueOf, type FormValues } from "~/utils/forms";
import { formatDateTime } from "~/utils/time";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.team.name} — ${data.cohort.name}` : "Team — Cohort" },
];

const MEMBERS = ["organizer", "navigator", "captain", "participant"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, MEMBERS);
  const home = await getTeamHome(access, params.team!, new URL(request.url).origin);
  return json({ ...home, zones: home.canEdit ? timeZoneChoices() : [] });
}

type ActionData = { form: "meeting" | "links"; errors: Record<string, string>; values: FormValues };

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, MEMBERS);
  const formData = await readForm(request);
  const here = `/cohorts/${access.cohort.slug}/teams/${params.team}`;
  const button = parseButton(teamPageButtonForm, formData);
  if (!button.ok) return redirectWithFlash(here, { kind: "error", message: button.error });
  const { intent } = button.data;
  if (intent === "meeting" || intent === "links") await requireTeamEditor(access, params.team!);
  if (button.data.intent === "meeting" && button.data.clear) {
    return redirectWithFlash(here, {
      kind: "success",
      message: await setMeeting(access, params.team!, { clear: true }),
    });
  }
  if (intent === "meeting") {
    const parsed = parseForm(meetingForm, formData);
    if (!parsed.ok)
      return json<ActionData>(
        { form: "meeting", errors: parsed.errors, values: parsed.values },
        { status: 400 },
      );
    return redirectWithFlash(here, {
      kind: "success",
      message: await setMeeting(access, params.team!, parsed.data),
    });
  }
  if (intent === "links") {
    const parsed = parseForm(linksForm, formData);
    if (!parsed.ok)
      return json<ActionData>(
        { form: "links", errors: parsed.errors, values: parsed.values },
        { status: 400 },
      );
    return redirectWithFlash(here, {
      kind: "success",
      message: await setLinks(access, params.team!, parsed.data),
    });
  }
  if (intent === "calendar") {
    return redirectWithFlash(here, {
      kind: "success",
      message: await resetCalendarToken(access, params.team!),
    });
  }
  return redirectWithFlash(here, { kind: "error", message: "Nothing was changed." });
}

const ROLE_LABEL: Record<string, string> = {
  navigator: "Navigator",
  captain: "Captain",
  participant: "Participant",
};

export default function TeamHome() {
  const page = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const meetingErrors = data?.form === "meeting" ? data.errors : undefined;
  const linkErrors = data?.form === "links" ? data.errors : undefined;
  const { team, meeting } = page;
  const values = data?.values;
  // a new location after each save: the edit forms close and show what was saved
  const { key } = useLocation();
  return (
    <>
      <h1>{team.name}</h1>
      <p className="muted">
        {page.cohort.name}
        {team.project ? ` · ${team.project.name}` : ""}
      </p>

      <h2>Members</h2>
      <ul className="cards" style={{ listStyle: "none", padding: 0 }} aria-label="Members">
        {page.members.map((m) => (
          <li key={m.id} className="card">
            {m.avatarUrl ? <img src={m.avatarUrl} alt="" width={40} height={40} className="avatar" /> : null}{" "}
            <strong>{m.name}</strong> {m.pending ? null : <span className="muted">@{m.login}</span>}{" "}
            <span className="badge">{ROLE_LABEL[m.role] ?? m.role}</span>
            <br />
            {m.localTime ? (
              <span>
                Local time now: <strong>{m.localTime}</strong> ({m.timeZone})
              </span>
            ) : (
              <span className="muted">Has not signed in yet.</span>
            )}
            {!m.pending && !m.hasAvailability ? (
              <span className="badge badge-warn">no availability given</span>
            ) : null}
          </li>
        ))}
      </ul>

      <h2>Weekly meeting</h2>
      {meeting ? (
        <div data-testid="meeting">
          <p>
            <strong>{meeting.label}</strong> your time ({meeting.timeZone}).{" "}
            <span className="muted">Set as {meeting.asSet}.</span>
          </p>
          {meeting.next.length > 0 ? (
            <p>
              {meeting.beforeStart ? "First meetings, from the cohort’s start" : "Next"}:{" "}
              {meeting.next.map((iso) => formatDateTime(iso, page.viewerZone)).join(" · ")}
            </p>
          ) : (
            <p className="muted">The cohort has ended; there are no more meetings.</p>
          )}
          {meeting.changes.length > 0 ? (
            <ul>
              {meeting.changes.map((c) => (
                <li key={c.from}>
                  From {formatDateTime(c.from, page.viewerZone)} the clocks change: the meeting is on{" "}
                  <strong>{c.label}</strong> your time.
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : (
        <p>
          {page.cohort.phase === "finished"
            ? "The cohort has ended; this team had no weekly meeting set."
            : page.canEdit
              ? "No weekly meeting yet. Pick a time inside the shared hours below."
              : "No weekly meeting yet. Your navigator will set one inside the team’s shared hours."}
        </p>
      )}
      {page.calendarUrl ? (
        <div className="card">
          <p>
            <strong>Your private calendar feed.</strong> Subscribe to it in Google Calendar, Apple Calendar or
            Outlook (“add calendar from URL”) and the meeting follows any change. Do not share it: anyone with
            the address sees the team’s meetings.
          </p>
          <p>
            <input
              readOnly
              value={page.calendarUrl}
              aria-label="Calendar feed address"
              size={60}
              onFocus={(e) => e.currentTarget.select()}
            />
          </p>
          <Form method="post">
            <button type="submit" name="intent" value="calendar" className="link-button">
              Make a new address (the old one stops working)
            </button>
          </Form>
        </div>
      ) : page.isMember ? (
        <Form method="post">
          <button type="submit" name="intent" value="calendar" className="secondary">
            Get my private calendar feed
          </button>
        </Form>
      ) : null}

      {page.canEdit ? (
        <details key={`meeting-${key}`} className="card" open={Boolean(meetingErrors)}>
          <summary>{meeting ? "Change the weekly meeting" : "Set the weekly meeting"}</summary>
          <Form method="post" className="stacked" noValidate>
            <ErrorSummary errors={meetingErrors} />
            <div className="field">
              <label htmlFor="field-weekday">Day of the week</label>
              <select
                id="field-weekday"
                name="weekday"
                defaultValue={valueOf(values, "weekday") || String(team.meeting?.weekday ?? "")}
              >
                <option value="">Choose a day</option>
                {ISO_WEEKDAYS.map((d, i) => (
                  <option key={d} value={i + 1}>
                    {d}
                  </option>
                ))}
              </select>
              {meetingErrors?.weekday ? <p className="field-error">{meetingErrors.weekday}</p> : null}
            </div>
            <Field
              name="time"
              type="time"
              label="Starts at"
              defaultValue={valueOf(values, "time") || team.meeting?.time || ""}
              error={meetingErrors?.time}
            />
            <div className="field">
              <label htmlFor="field-meetingZone">In the time zone</label>
              <span className="help">
                The meeting stays at this local time when clocks change there; everyone else sees it
                converted.
              </span>
              <select
                id="field-meetingZone"
                name="timeZone"
                defaultValue={valueOf(values, "timeZone") || team.meeting?.timeZone || page.viewerZone}
              >
                {page.zones.map((z) => (
                  <option key={z} value={z}>
                    {z}
                  </option>
                ))}
              </select>
              {meetingErrors?.timeZone ? <p className="field-error">{meetingErrors.timeZone}</p> : null}
            </div>
            <Field
              name="duration"
              type="number"
              label="Length in minutes"
              min={15}
              max={240}
              step={15}
              defaultValue={valueOf(values, "duration") || String(team.meeting?.minutes ?? 60)}
              error={meetingErrors?.duration}
            />
            <div className="actions">
              <button type="submit" name="intent" value="meeting">
                Save meeting
              </button>
            </div>
          </Form>
          {meeting ? (
            <Form method="post">
              <input type="hidden" name="clear" value="on" />
              <button type="submit" name="intent" value="meeting" className="link-button">
                Remove the weekly meeting
              </button>
            </Form>
          ) : null}
        </details>
      ) : null}

      <h2>Shared hours</h2>
      <p>
        Everyone in the team (participants and navigator) is available{" "}
        <strong>{page.shared.hours} hours</strong> a week at the same time
        {page.shared.captainHours !== null ? (
          <>, {page.shared.captainHours} of them with the captain</>
        ) : null}
        . Shown in your time zone, {page.viewerZone}.
      </p>
      <AvailabilityGrid
        localSlots={page.shared.localSlots}
        timeZone={page.viewerZone}
        readOnly
        caption={`Hours the whole team shares, in ${page.viewerZone}`}
      />

      <h2>Links</h2>
      {team.chatUrl || team.links.length > 0 ? (
        <ul>
          {team.chatUrl ? (
            <li>
              <a href={team.chatUrl} rel="noopener noreferrer">
                Team chat
              </a>
            </li>
          ) : null}
          {team.links.map((l) => (
            <li key={l.url}>
              <a href={l.url} rel="noopener noreferrer">
                {l.label}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No links yet.</p>
      )}
      {page.canEdit ? (
        <details key={`links-${key}`} className="card" open={Boolean(linkErrors)}>
          <summary>Edit links</summary>
          <Form method="post" className="stacked" noValidate>
            <ErrorSummary errors={linkErrors} />
            <Field
              name="chatUrl"
              type="url"
              label="Chat channel"
              defaultValue={valueOf(values, "chatUrl") || team.chatUrl || ""}
              error={linkErrors?.chatUrl}
              placeholder="https://discord.com/channels/…"
            />
            <Field
              name="links"
              multiline
              rows={4}
              label="Other links, one per line"
              help="Label | https://… — e.g. Team notes | https://hackmd.io/…"
              defaultValue={
                valueOf(values, "links") || team.links.map((l) => `${l.label} | ${l.url}`).join("\n")
              }
              error={linkErrors?.links}
            />
            <div className="actions">
              <button type="submit" name="intent" value="links">
                Save links
              </button>
            </div>
          </Form>
        </details>
      ) : null}
    </>
  );
}
