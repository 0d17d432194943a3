// Weekly reminders, through the outbox: participants whose reflection is missing,
// and each navigator's digest of their team's needs-attention list. Runs hourly;
// the dedupe keys (one per person and week) make every notice go out once.
import { attentionByTeam } from "./progress.server";
import { cohortEndsAt, weekOf } from "~/cohorts/phase";
import { queueNotice } from "~/notifications/outbox.server";
import { noticeText } from "~/notifications/templates";
import { db } from "~/utils/db.server";
import { registerJob } from "~/utils/scheduler.server";
import { DAY_MS, formatDateTime } from "~/utils/time";
import { noticeLink } from "~/notifications/links.server";
import { reflectionPath } from "~/reflections/reflections.server";
import { reflectionDueAt, reflectionEditableUntil } from "~/reflections/rules";

/** How long before a week's due time the "due soon" reminder goes out. */
export const DUE_SOON_MS = 2 * DAY_MS;

export type ReminderCounts = { dueSoon: number; missing: number; digests: number };

/** Cohorts with reflections open at `now`: running, or in the week after the end. */
async function cohortsWithReflections(now: Date) {
  const cohorts = await db.cohort.findMany({
    where: { publishedAt: { not: null }, startsOn: { lte: now } },
    select: { id: true, slug: true, name: true, startsOn: true, weeks: true },
  });
  return cohorts.filter((c) => now.getTime() < cohortEndsAt(c).getTime() + 7 * DAY_MS);
}

export async function sendReflectionReminders(now = new Date()): Promise<ReminderCounts> {
  const counts: ReminderCounts = { dueSoon: 0, missing: 0, digests: 0 };
  for (const cohort of await cohortsWithReflections(now)) {
    const week = weekOf(cohort, now);
    const participants = await db.cohortMembership.findMany({
      where: { cohortId: cohort.id, role: "participant", personId: { not: null }, teamId: { not: null } },
      select: { personId: true, person: { select: { name: true, timeZone: true } } },
    });
    const submitted = await db.reflection.findMany({
      where: { cohortId: cohort.id, status: "submitted", week: { in: [week - 1, week] } },
      select: { personId: true, week: true },
    });
    const done = new Set(submitted.map((r) => `${r.personId}:${r.week}`));

    // This week's reflection, in the last two days before it is due.
    if (
      week >= 1 &&
      week <= cohort.weeks &&
      reflectionDueAt(cohort, week).getTime() - now.getTime() <= DUE_SOON_MS
    ) {
      for (const p of participants) {
        if (done.has(`${p.personId}:${week}`)) continue;
        const sent = await queueNotice({
          ...noticeText("reflection_due", {
            name: p.person!.name,
            cohort: cohort.name,
            week,
            due: formatDateTime(reflectionDueAt(cohort, week), p.person!.timeZone),
            link: noticeLink(reflectionPath(cohort.slug, week)),
          }),
          cohortId: cohort.id,
          personId: p.personId,
          dedupeKey: `reflection-due:${cohort.id}:${p.personId}:${week}`,
        });
        if (sent) counts.dueSoon++;
      }
    }

    // Last week's reflection is missing: it can still be written (marked late) this week.
    const previous = week - 1;
    if (
      previous >= 1 &&
      previous <= cohort.weeks &&
      now.getTime() < reflectionEditableUntil(cohort, previous).getTime()
    ) {
      for (const p of participants) {
        if (done.has(`${p.personId}:${previous}`)) continue;
        const sent = await queueNotice({
          ...noticeText("reflection_missing", {
            name: p.person!.name,
            cohort: cohort.name,
            week: previous,
            until: formatDateTime(reflectionEditableUntil(cohort, previous), p.person!.timeZone),
            link: noticeLink(reflectionPath(cohort.slug, previous)),
          }),
          cohortId: cohort.id,
          personId: p.personId,
          dedupeKey: `reflection-missing:${cohort.id}:${p.personId}:${previous}`,
        });
        if (sent) counts.missing++;
      }
    }

    counts.digests += await sendAttentionDigests(cohort, Math.min(week, cohort.weeks + 1), now);
  }
  return counts;
}

/** One digest per navigator and cohort week, listing their team's needs-attention items. */
async function sendAttentionDigests(
  cohort: { id: string; slug: string; name: string },
  week: number,
  now: Date,
): Promise<number> {
  const [byTeam, navigators] = await Promise.all([
    attentionByTeam(cohort.id, now),
    db.cohortMembership.findMany({
      where: { cohortId: cohort.id, role: "navigator", personId: { not: null }, teamId: { not: null } },
      select: {
        personId: true,
        teamId: true,
        team: { select: { slug: true, name: true } },
        person: { select: { name: true } },
      },
    }),
  ]);
  let sent = 0;
  for (const nav of navigators) {
    const items = byTeam.get(nav.teamId!) ?? [];
    // An empty digest is noise; the dashboard shows "Nothing needs attention".
    if (items.length === 0) continue;
    const queued = await queueNotice({
      ...noticeText("attention_digest", {
        name: nav.person!.name,
        cohort: cohort.name,
        team: nav.team!.name,
        items: items.map((item) => `${item.name}: ${item.reason}`),
        link: noticeLink(`/cohorts/${cohort.slug}/teams/${nav.team!.slug}/progress`),
      }),
      cohortId: cohort.id,
      personId: nav.personId,
      dedupeKey: `attention-digest:${cohort.id}:${nav.teamId}:${nav.personId}:${week}`,
    });
    if (queued) sent++;
  }
  return sent;
}

export function registerReminderJobs(): void {
  registerJob({ name: "reflection-reminders", everyMinutes: () => 60, run: () => sendReflectionReminders() });
}
