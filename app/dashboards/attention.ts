// "Needs attention": the rules that tell a navigator who is stuck. Pure functions
// over facts loaded by a fixed number of queries (progress.server.ts), so the same
// rules feed the team dashboard, the organizer overview and the weekly digest.
import { cohortEndsAt } from "~/cohorts/phase";
import { DAY_MS } from "~/utils/time";
import { reflectionDueAt, type ReflectionCalendar } from "~/reflections/rules";

export type AttentionSettings = {
  inactivityDays: number;
  changesRequestedDays: number;
  staleClaimDays: number;
  largePullRequestLines: number;
};

export type AttentionCohort = ReflectionCalendar & AttentionSettings & { slug: string };

export type ReflectionFact = {
  week: number;
  status: string;
  needsHelp: boolean;
  submittedAt: Date | null;
  /** when the participant last saved it (ticking "I need help" after a reply is a new request) */
  updatedAt: Date;
  /** the latest reply by someone other than the participant */
  lastGuideReplyAt: Date | null;
};

export type PullFact = {
  owner: string;
  repo: string;
  number: number;
  url: string;
  title: string;
  state: string;
  reviewState: string;
  additions: number;
  deletions: number;
  openedAt: Date | null;
  lastActivityAt: Date | null;
  linkedAt: Date;
  preReviewedAt: Date | null;
};

export type ClaimFact = {
  /** the starter issue's id: the board's card for it is #issue-<id> */
  issueId: string;
  claimedAt: Date;
  releasedAt: Date | null;
  issueTitle: string;
  issueUrl: string;
  hasPull: boolean;
};

export type ParticipantFacts = {
  personId: string;
  login: string;
  name: string;
  /** the latest thing the participant did (see lastActivity) */
  lastActivityAt: Date | null;
  reflections: ReflectionFact[];
  pulls: PullFact[];
  claims: ClaimFact[];
};

export const ATTENTION_KINDS = [
  "needs_help",
  "reflection_missing",
  "inactive",
  "changes_requested",
  "large_pull_request",
  "stale_claim",
  "evaluation_flag",
] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

export type AttentionAction =
  | { kind: "link"; label: string; href: string; external?: boolean }
  /** a POST button on the dashboard that sends the participant a check-in notice */
  | { kind: "nudge"; label: string; personId: string; reason: string };

export type AttentionItem = {
  kind: AttentionKind;
  personId: string;
  login: string;
  name: string;
  reason: string;
  /** when the situation began (for sorting: the oldest first) */
  since: Date;
  action: AttentionAction;
};

const days = (ms: number) => Math.floor(ms / DAY_MS);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function listWeeks(weeks: number[]): string {
  if (weeks.length === 1) return `week ${weeks[0]}`;
  return `weeks ${weeks.slice(0, -1).join(", ")} and ${weeks[weeks.length - 1]}`;
}

/** Reflection missing past its due day: one item naming every missing week. */
export function missingReflections(cohort: AttentionCohort, p: ParticipantFacts, now: Date): AttentionItem[] {
  const submitted = new Set(p.reflections.filter((r) => r.status === "submitted").map((r) => r.week));
  const missing: number[] = [];
  for (let week = 1; week <= cohort.weeks; week++) {
    if (now.getTime() > reflectionDueAt(cohort, week).getTime() && !submitted.has(week)) missing.push(week);
  }
  if (missing.length === 0) return [];
  const reason = `No reflection for ${listWeeks(missing)} (due ${plural(days(now.getTime() - reflectionDueAt(cohort, missing[missing.length - 1]).getTime()), "day")} ago)`;
  return [
    {
      kind: "reflection_missing",
      personId: p.personId,
      login: p.login,
      name: p.name,
      reason,
      since: reflectionDueAt(cohort, missing[0]),
      action: {
        kind: "nudge",
        label: "Send a reminder",
        personId: p.personId,
        reason: `your reflection for ${listWeeks(missing)} is missing`,
      },
    },
  ];
}

/**
 * "I need help" raised and not yet answered by a navigator, captain or organizer:
 * answered means a reply after the latest version of the reflection, so ticking the
 * box in an edit after an earlier reply asks again.
 */
export function helpRequests(cohort: AttentionCohort, p: ParticipantFacts): AttentionItem[] {
  return p.reflections
    .filter((r) => r.status === "submitted" && r.needsHelp && r.submittedAt)
    .flatMap((r) => {
      const asked = lastActivity([r.submittedAt, r.updatedAt])!;
      if (r.lastGuideReplyAt && r.lastGuideReplyAt.getTime() >= asked.getTime()) return [];
      return [
        {
          kind: "needs_help" as const,
          personId: p.personId,
          login: p.login,
          name: p.name,
          reason: r.lastGuideReplyAt
            ? `Asks for help in the week ${r.week} reflection, changed since the last reply`
            : `Asked for help in the week ${r.week} reflection`,
          since: asked,
          action: {
            kind: "link" as const,
            label: "Read and reply",
            href: `/cohorts/${cohort.slug}/reflections/${r.week}/${p.login}`,
          },
        },
      ];
    });
}

/** No activity for `inactivityDays` (counted from the cohort's start when there is none yet). */
export function inactivity(cohort: AttentionCohort, p: ParticipantFacts, now: Date): AttentionItem[] {
  const start = new Date(cohort.startsOn);
  if (now.getTime() < start.getTime()) return [];
  const last = p.lastActivityAt && p.lastActivityAt.getTime() > start.getTime() ? p.lastActivityAt : start;
  const idle = now.getTime() - last.getTime();
  if (idle < cohort.inactivityDays * DAY_MS) return [];
  const reason = p.lastActivityAt
    ? `No activity for ${plural(days(idle), "day")}`
    : `No activity since the cohort started ${plural(days(idle), "day")} ago`;
  return [
    {
      kind: "inactive",
      personId: p.personId,
      login: p.login,
      name: p.name,
      reason,
      since: last,
      action: {
        kind: "nudge",
        label: "Check in",
        personId: p.personId,
        reason: "we have not heard from you for a while",
      },
    },
  ];
}

const pullName = (pull: PullFact) => `${pull.owner}/${pull.repo}#${pull.number}`;

/** An open PR with changes requested and no update for `changesRequestedDays`. */
export function stalledChangesRequested(
  cohort: AttentionCohort,
  p: ParticipantFacts,
  now: Date,
): AttentionItem[] {
  return p.pulls
    .filter((pull) => pull.state === "open" && pull.reviewState === "changes_requested")
    .flatMap((pull) => {
      const last = pull.lastActivityAt ?? pull.openedAt ?? pull.linkedAt;
      const idle = now.getTime() - last.getTime();
      if (idle < cohort.changesRequestedDays * DAY_MS) return [];
      return [
        {
          kind: "changes_requested" as const,
          personId: p.personId,
          login: p.login,
          name: p.name,
          reason: `Changes requested on ${pullName(pull)} and no update for ${plural(days(idle), "day")}`,
          since: last,
          action: { kind: "link" as const, label: "Open the pull request", href: pull.url, external: true },
        },
      ];
    });
}

/** An open PR larger than `largePullRequestLines` changed lines that no navigator pre-reviewed. */
export function largeWithoutPreReview(cohort: AttentionCohort, p: ParticipantFacts): AttentionItem[] {
  return p.pulls
    .filter(
      (pull) =>
        pull.state === "open" &&
        !pull.preReviewedAt &&
        pull.additions + pull.deletions > cohort.largePullRequestLines,
    )
    .map((pull) => ({
      kind: "large_pull_request" as const,
      personId: p.personId,
      login: p.login,
      name: p.name,
      reason: `${pullName(pull)} changes ${pull.additions + pull.deletions} lines and is not pre-reviewed yet`,
      since: pull.openedAt ?? pull.linkedAt,
      // The cohort's pull requests page carries the "Mark as pre-reviewed" form.
      action: { kind: "link" as const, label: "Pre-review it", href: `/cohorts/${cohort.slug}/pulls` },
    }));
}

/** A claim held for `staleClaimDays` with no linked PR. */
export function staleClaims(cohort: AttentionCohort, p: ParticipantFacts, now: Date): AttentionItem[] {
  return p.claims
    .filter((claim) => !claim.releasedAt && !claim.hasPull)
    .flatMap((claim) => {
      const held = now.getTime() - claim.claimedAt.getTime();
      if (held < cohort.staleClaimDays * DAY_MS) return [];
      return [
        {
          kind: "stale_claim" as const,
          personId: p.personId,
          login: p.login,
          name: p.name,
          reason: `Claimed “${claim.issueTitle}” ${plural(days(held), "day")} ago and no pull request yet`,
          since: claim.claimedAt,
          // The board's card has the release and reassign forms; the issue itself is linked from there.
          action: {
            kind: "link" as const,
            label: "Release or reassign",
            href: `/cohorts/${cohort.slug}/issues#issue-${claim.issueId}`,
          },
        },
      ];
    });
}

/** A submitted evaluation with a low score or "would like to talk to an organizer" (organizers only). */
export type EvaluationFlagFact = {
  personId: string;
  login: string;
  name: string;
  reason: string;
  submittedAt: Date;
  href: string;
};

/** Evaluation flags for the organizers' "Needs attention"; never shown to navigators (their evaluations stay private). */
export function evaluationFlags(flags: EvaluationFlagFact[]): AttentionItem[] {
  return flags.map((f) => ({
    kind: "evaluation_flag" as const,
    personId: f.personId,
    login: f.login,
    name: f.name,
    reason: f.reason,
    since: f.submittedAt,
    action: { kind: "link" as const, label: "Read the evaluation", href: f.href },
  }));
}

/**
 * The clock for activity (inactivity, stalled pull requests, claims, the funnel's
 * "active"): once a cohort is over, as of its end, so nobody goes "inactive" after it.
 * Reflections keep the real clock: the last week's is due at the end, and missing after.
 */
export function activityClock(cohort: ReflectionCalendar, now: Date): Date {
  const end = cohortEndsAt(cohort);
  return now.getTime() > end.getTime() ? end : now;
}

/** Every needs-attention item for one participant, help requests first, then the oldest. */
export function attentionFor(cohort: AttentionCohort, p: ParticipantFacts, now: Date): AttentionItem[] {
  const active = activityClock(cohort, now);
  return [
    ...helpRequests(cohort, p),
    ...missingReflections(cohort, p, now),
    ...inactivity(cohort, p, active),
    ...stalledChangesRequested(cohort, p, active),
    ...largeWithoutPreReview(cohort, p),
    ...staleClaims(cohort, p, active),
  ];
}

export function sortAttention(items: AttentionItem[]): AttentionItem[] {
  const rank = (item: AttentionItem) => (item.kind === "needs_help" ? 0 : 1);
  return [...items].sort(
    (a, b) => rank(a) - rank(b) || a.since.getTime() - b.since.getTime() || a.name.localeCompare(b.name),
  );
}

/** The latest of the participant's own actions: the basis of "last activity". */
export function lastActivity(dates: (Date | null | undefined)[]): Date | null {
  let latest: Date | null = null;
  for (const date of dates) if (date && (!latest || date.getTime() > latest.getTime())) latest = date;
  return latest;
}
