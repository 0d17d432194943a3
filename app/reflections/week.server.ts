// The participant's week: what is due, what they are working on, when the team
// meets (in their own time zone) and who their navigator is.
import { getCohortAccess, type CohortAccess } from "~/auth/permissions.server";
import type { SessionPerson } from "~/auth/session.server";
import { phaseOf, weekOf } from "~/cohorts/phase";
import { pullStatus, PULL_STATUS_LABELS } from "~/pulls/status";
import { formatMeetingFor } from "~/teams/meeting";
import { db } from "~/utils/db.server";
import { reflectionCell, reflectionDueAt, reflectionWindow, CELL_LABELS } from "./rules";
import { reflectionPath } from "./reflections.server";

export async function getParticipantWeek(access: CohortAccess, now = new Date()) {
  const cohort = access.cohort;
  const personId = access.person.id;
  const [membership, reflections, claims, linked] = await Promise.all([
    db.cohortMembership.findFirst({
      where: { cohortId: cohort.id, personId, role: "participant" },
      select: {
        team: {
          select: {
            name: true,
            slug: true,
            chatUrl: true,
            meetingWeekday: true,
            meetingMinute: true,
            meetingTimeZone: true,
            meetingMinutes: true,
            members: {
              where: { role: { in: ["navigator", "captain"] } },
              select: {
                role: true,
                pendingLogin: true,
                person: { select: { name: true, login: true, avatarUrl: true } },
              },
            },
          },
        },
      },
    }),
    db.reflection.findMany({
      where: { cohortId: cohort.id, personId },
      select: {
        week: true,
        status: true,
        late: true,
        needsHelp: true,
        _count: { select: { comments: true } },
      },
    }),
    db.issueClaim.findMany({
      where: { cohortId: cohort.id, personId, releasedAt: null },
      orderBy: { claimedAt: "desc" },
      select: {
        id: true,
        claimedAt: true,
        starterIssue: { select: { title: true, url: true, source: true, externalKey: true } },
      },
    }),
    db.linkedPullRequest.findMany({
      where: { cohortId: cohort.id, personId },
      orderBy: { linkedAt: "desc" },
      select: {
        id: true,
        preReviewedAt: true,
        preReviewedBy: { select: { name: true } },
        pullRequest: {
          select: {
            owner: true,
            repo: true,
            number: true,
            url: true,
            title: true,
            state: true,
            draft: true,
            reviewState: true,
            lastActivityAt: true,
          },
        },
      },
    }),
  ]);

  const phase = phaseOf(cohort, now);
  const week = Math.max(1, Math.min(weekOf(cohort, now), cohort.weeks));
  const byWeek = new Map(reflections.map((r) => [r.week, r]));
  const reflectionFor = (w: number) => {
    const r = byWeek.get(w) ?? null;
    const cell = reflectionCell(cohort, w, r, now);
    const window = reflectionWindow(cohort, w, now);
    return {
      week: w,
      state: cell,
      label: CELL_LABELS[cell],
      needsHelp: r?.needsHelp ?? false,
      replies: r?._count.comments ?? 0,
      dueAt: reflectionDueAt(cohort, w),
      editable: window.open,
      editPath: reflectionPath(cohort.slug, w),
      readPath: reflectionPath(cohort.slug, w, access.person.login),
    };
  };
  const team = membership?.team ?? null;
  const meeting = team ? formatMeetingFor(team, access.person.timeZone, now) : null;
  const previous = week > 1 ? reflectionFor(week - 1) : null;
  return {
    cohort: { slug: cohort.slug, name: cohort.name, weeks: cohort.weeks },
    phase,
    week,
    thisWeek: reflectionFor(week),
    // last week's reflection can still be written (late) until this week ends
    catchUp:
      previous && previous.editable && (previous.state === "missing" || previous.state === "draft")
        ? previous
        : null,
    allWeeks: Array.from({ length: cohort.weeks }, (_, i) => reflectionFor(i + 1)),
    claims: claims.map((c) => ({
      id: c.id,
      claimedAt: c.claimedAt,
      title: c.starterIssue.title,
      url: c.starterIssue.url,
      key:
        c.starterIssue.source === "trac" ? `Trac #${c.starterIssue.externalKey}` : c.starterIssue.externalKey,
    })),
    pulls: linked.map((l) => {
      const status = pullStatus(l.pullRequest);
      return {
        id: l.id,
        name: `${l.pullRequest.owner}/${l.pullRequest.repo}#${l.pullRequest.number}`,
        url: l.pullRequest.url,
        title: l.pullRequest.title,
        status,
        statusLabel: PULL_STATUS_LABELS[status],
        preReviewedBy: l.preReviewedAt ? (l.preReviewedBy?.name ?? "your navigator") : null,
        lastActivityAt: l.pullRequest.lastActivityAt,
      };
    }),
    team: team ? { name: team.name, slug: team.slug, chatUrl: team.chatUrl } : null,
    meeting: meeting
      ? {
          label: meeting.label,
          timeZone: meeting.timeZone,
          asSet: meeting.asSet,
          next: meeting.next[0]?.startsAt ?? null,
          changes: meeting.changes,
        }
      : null,
    guides: (team?.members ?? []).map((m) => ({
      role: m.role,
      name: m.person?.name ?? `@${m.pendingLogin}`,
      login: m.person?.login ?? m.pendingLogin ?? "",
      avatarUrl: m.person?.avatarUrl ?? null,
    })),
  };
}

/** For a cohort's overview page: the viewer's week when they take part in it and it is running. */
export async function participantWeekOnOverview(
  viewer: SessionPerson | null,
  slug: string,
  phase: string,
  now = new Date(),
) {
  if (!viewer || phase !== "running") return null;
  const access = await getCohortAccess(viewer, slug);
  return access.roles.includes("participant") ? getParticipantWeek(access, now) : null;
}
