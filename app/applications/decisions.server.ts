// Organizers decide (accept / waitlist / reject, one or many at once), change
// their minds until the decisions are published, then publish: notices are
// queued and accepted applicants get an offer. Application.version makes two
// organizers deciding at once safe: the later one is told, nothing is overwritten.
import { recordAudit } from "~/cohorts/audit.server";
import { assertPhase, phaseOf, PhaseError, type NamedCohortDates, type Phase } from "~/cohorts/phase";
import { queueNotice } from "~/notifications/outbox.server";
import { noticeText } from "~/notifications/templates";
import { countSlots } from "~/availability/slots";
import { aggregate, type Aggregate } from "~/applications/scores";
import { applicationIndex, preferencesOf } from "./with-reviews.server";
import { db, lockRow, transaction, type Cohort } from "~/utils/db.server";
import { paginate } from "~/utils/pagination";
import { DECISION_LABELS, type Decision } from "./decision-labels";
import { createOffer } from "./offers.server";

export const DECISION_PHASES: Phase[] = ["applications_open", "review", "teams_forming"];

/** The cohort columns the decisions page works with (the access object carries them). */
export type DecisionCohort = NamedCohortDates &
  Pick<Cohort, "offerDeadlineDays" | "offerReminderDays" | "answersPurgedAt">;

export type DecisionRow = {
  id: string;
  version: number;
  name: string;
  login: string;
  submittedAt: Date | null;
  aggregate: Aggregate;
  preferences: string[];
  anyProject: boolean;
  hours: number;
  decision: Decision;
  publishedDecision: string | null;
  waitlistRank: number | null;
  decidedBy: string | null;
  offer: { status: string; expiresAt: Date; reminderSentAt: Date | null; respondedAt: Date | null } | null;
};

/** Applications shown per page of the decisions table. */
export const DECISIONS_PAGE_SIZE = 100;

export async function getDecisionsPage(
  cohort: DecisionCohort,
  sort: "mean" | "name" | "decision" = "mean",
  page = 1,
  now = new Date(),
) {
  const cohortId = cohort.id;
  const [applications, offers] = await Promise.all([
    applicationIndex(cohortId),
    db.offer.findMany({
      where: { application: { cohortId, status: "submitted" } },
      orderBy: { sentAt: "desc" },
      select: { applicationId: true, status: true, expiresAt: true, reminderSentAt: true, respondedAt: true },
    }),
  ]);
  // The few organizers who decided: a short list of ids, whatever the number of applications.
  const deciderIds = [...new Set(applications.flatMap((a) => (a.decidedById ? [a.decidedById] : [])))];
  const deciders = await db.person.findMany({
    where: { id: { in: deciderIds } },
    select: { id: true, name: true },
  });
  const deciderName = new Map(deciders.map((p) => [p.id, p.name]));
  const latestOffer = new Map<string, (typeof offers)[number]>();
  for (const offer of offers)
    if (!latestOffer.has(offer.applicationId)) latestOffer.set(offer.applicationId, offer);
  const offerOf = (applicationId: string): DecisionRow["offer"] => {
    const offer = latestOffer.get(applicationId);
    return offer
      ? {
          status: offer.status,
          expiresAt: offer.expiresAt,
          reminderSentAt: offer.reminderSentAt,
          respondedAt: offer.respondedAt,
        }
      : null;
  };
  // Preferences and hours are filled in below for the rows on the page only.
  const rows: DecisionRow[] = applications.map((a) => ({
    id: a.id,
    version: a.version,
    name: a.name,
    login: a.login,
    submittedAt: a.submittedAt,
    aggregate: a.aggregate,
    preferences: [],
    anyProject: a.anyProject,
    hours: 0,
    decision: a.decision as Decision,
    publishedDecision: a.publishedDecision,
    waitlistRank: a.waitlistRank,
    decidedBy: a.decidedById ? (deciderName.get(a.decidedById) ?? null) : null,
    offer: offerOf(a.id),
  }));
  // Ranks can have gaps (someone promoted or un-waitlisted): show places 1..n.
  const waitlist = rows
    .filter((r) => r.decision === "waitlisted")
    .sort(
      (a, b) =>
        (a.waitlistRank ?? Infinity) - (b.waitlistRank ?? Infinity) ||
        (a.submittedAt?.getTime() ?? 0) - (b.submittedAt?.getTime() ?? 0),
    );
  waitlist.forEach((r, i) => {
    r.waitlistRank = i + 1;
  });
  const byName = new Intl.Collator().compare;
  if (sort === "mean")
    rows.sort((a, b) => (b.aggregate.mean ?? -1) - (a.aggregate.mean ?? -1) || byName(a.name, b.name));
  if (sort === "name") rows.sort((a, b) => byName(a.name, b.name));
  if (sort === "decision")
    rows.sort(
      (a, b) => a.decision.localeCompare(b.decision) || (a.waitlistRank ?? 0) - (b.waitlistRank ?? 0),
    );
  const shown = paginate(rows, page, DECISIONS_PAGE_SIZE);
  const personOf = new Map(applications.map((a) => [a.id, a.personId]));
  const [counts, audit, draftCount, withdrawnCount, preferences, availabilities] = await Promise.all([
    db.application.groupBy({
      by: ["decision"],
      where: { cohortId, status: "submitted" },
      _count: { _all: true },
    }),
    db.auditEntry.findMany({
      where: {
        cohortId,
        action: {
          in: [
            "decision.change",
            "decisions.publish",
            "waitlist.reorder",
            "waitlist.promote",
            "waitlist.empty",
            "offer.confirm",
            "offer.decline",
            "offer.expire",
            "answers.purge",
          ],
        },
      },
      orderBy: { at: "desc" },
      take: 40,
      select: {
        id: true,
        at: true,
        action: true,
        subjectId: true,
        fromValue: true,
        toValue: true,
        detail: true,
        actor: { select: { name: true } },
      },
    }),
    db.application.count({ where: { cohortId, status: "draft" } }),
    db.application.count({ where: { cohortId, status: "withdrawn" } }),
    preferencesOf({ applicationIds: shown.rows.map((r) => r.id) }),
    db.availability.findMany({
      where: { cohortId, personId: { in: shown.rows.map((r) => personOf.get(r.id) ?? "") } },
      select: { personId: true, slots: true },
    }),
  ]);
  const hoursOf = new Map(availabilities.map((a) => [a.personId, countSlots(a.slots) / 2]));
  for (const row of shown.rows) {
    row.preferences = (preferences.get(row.id) ?? []).map((p) => p.name);
    row.hours = hoursOf.get(personOf.get(row.id) ?? "") ?? 0;
  }
  const nameOf = new Map(applications.map((a) => [a.id, a.name]));
  const phase = phaseOf(cohort, now);
  return {
    cohort: {
      slug: cohort.slug,
      name: cohort.name,
      phase,
      decisionsPublishedAt: cohort.decisionsPublishedAt,
      offerDeadlineDays: cohort.offerDeadlineDays,
      offerReminderDays: cohort.offerReminderDays,
      answersPurgedAt: cohort.answersPurgedAt,
    },
    canDecide: DECISION_PHASES.includes(phase),
    canPurge: phase === "finished" && !cohort.answersPurgedAt,
    rows: shown.rows,
    rowsPage: shown.page,
    submittedCount: rows.length,
    counts: Object.fromEntries(counts.map((c) => [c.decision, c._count._all])) as Partial<
      Record<Decision, number>
    >,
    draftCount,
    withdrawnCount,
    unpublished: rows.filter((r) => r.decision !== "none" && !r.publishedDecision).length,
    publishPlan: publishPlanOf(rows, phase === "applications_open" ? cohort.applicationsCloseAt : null),
    waitlist: waitlist.map((r) => ({
      id: r.id,
      name: r.name,
      login: r.login,
      mean: r.aggregate.mean,
      published: r.publishedDecision === "waitlisted",
    })),
    offers: {
      pending: rows.filter((r) => r.offer?.status === "pending").length,
      confirmed: rows.filter((r) => r.offer?.status === "confirmed").length,
      declined: rows.filter((r) => r.offer?.status === "declined").length,
      expired: rows.filter((r) => r.offer?.status === "expired").length,
    },
    audit: audit.map((e) => ({
      id: e.id,
      at: e.at,
      action: e.action,
      actor: e.actor?.name ?? "Cohort (automatic)",
      subject: nameOf.get(e.subjectId) ?? null,
      fromValue: e.fromValue,
      toValue: e.toValue,
      detail: e.detail,
    })),
  };
}

/** The sentence refusing `action` outside `phases`, or null when it is allowed now. */
function phaseRefusal(
  cohort: Parameters<typeof assertPhase>[0],
  phases: Phase[],
  action: string,
  now: Date,
): string | null {
  try {
    assertPhase(cohort, phases, action, now);
    return null;
  } catch (error) {
    if (error instanceof PhaseError) return error.message;
    throw error;
  }
}

export class DecisionConflict extends Error {}

export type DecideResult = { ok: true; message: string } | { ok: false; error: string };

/**
 * Sets `decision` on the ticked applications, each at the version the organizer
 * saw. All or nothing: if another organizer changed any of them meanwhile, or one
 * was already published, nothing is saved and the message says which.
 */
export async function decide(
  actorId: string,
  cohort: DecisionCohort,
  decision: Decision,
  items: { id: string; version: number }[],
  now = new Date(),
): Promise<DecideResult> {
  const cohortId = cohort.id;
  const refused = phaseRefusal(cohort, DECISION_PHASES, "change decisions", now);
  if (refused) return { ok: false, error: refused };
  const current = await db.application.findMany({
    where: { cohortId, id: { in: items.map((i) => i.id) } },
    select: {
      id: true,
      version: true,
      decision: true,
      publishedDecision: true,
      status: true,
      person: { select: { name: true } },
      decidedBy: { select: { name: true } },
      reviews: { select: { recused: true, submittedAt: true, scores: { select: { score: true } } } },
    },
  });
  if (current.length !== items.length)
    return { ok: false, error: "Some of those applications no longer exist; reload the page." };
  const published = current.filter((a) => a.publishedDecision);
  if (published.length)
    return {
      ok: false,
      error: `The decision for ${published.map((a) => a.person.name).join(", ")} was already published and cannot be changed here.`,
    };
  const notSubmitted = current.filter((a) => a.status !== "submitted");
  if (notSubmitted.length)
    return {
      ok: false,
      error: `${notSubmitted.map((a) => a.person.name).join(", ")} withdrew; there is nothing to decide.`,
    };
  // Waitlist ranks follow the order of the mean score, best first.
  const byMean = [...current].sort((a, b) => {
    const ma = aggregate(a.reviews.map((r) => ({ ...r, scores: r.scores.map((s) => s.score) }))).mean ?? -1;
    const mb = aggregate(b.reviews.map((r) => ({ ...r, scores: r.scores.map((s) => s.score) }))).mean ?? -1;
    return mb - ma;
  });
  const versionOf = new Map(items.map((i) => [i.id, i.version]));
  try {
    await transaction(async (tx) => {
      let rank =
        (
          await tx.application.aggregate({
            where: { cohortId, decision: "waitlisted" },
            _max: { waitlistRank: true },
          })
        )._max.waitlistRank ?? 0;
      for (const application of byMean) {
        const expected = versionOf.get(application.id)!;
        const keepRank = decision === "waitlisted" && application.decision === "waitlisted";
        const updated = await tx.application.updateMany({
          where: { id: application.id, version: expected, publishedDecision: null },
          data: {
            decision,
            decidedById: decision === "none" ? null : actorId,
            decidedAt: decision === "none" ? null : now,
            ...(keepRank ? {} : { waitlistRank: decision === "waitlisted" ? ++rank : null }),
            version: { increment: 1 },
          },
        });
        if (updated.count === 0) {
          const latest = await tx.application.findUnique({
            where: { id: application.id },
            select: { decision: true, decidedBy: { select: { name: true } } },
          });
          throw new DecisionConflict(
            `${application.person.name}'s decision was changed by ${latest?.decidedBy?.name ?? "another organizer"} (now: ${DECISION_LABELS[(latest?.decision ?? "none") as Decision]}) while you were looking. Nothing was saved; check the page and decide again.`,
          );
        }
        if (application.decision !== decision) {
          await recordAudit(
            {
              actorId,
              cohortId,
              action: "decision.change",
              subjectType: "Application",
              subjectId: application.id,
              fromValue: application.decision,
              toValue: decision,
            },
            tx,
          );
        }
      }
    });
  } catch (error) {
    if (error instanceof DecisionConflict) return { ok: false, error: error.message };
    throw error;
  }
  const n = items.length;
  return {
    ok: true,
    message: `${n} application${n === 1 ? "" : "s"} marked “${DECISION_LABELS[decision]}”. Nothing is sent until you publish.`,
  };
}

/**
 * Publishes every decided, unpublished application: queues the notices and
 * opens offers for the accepted. Publishing again later publishes only what changed.
 */
/**
 * What "Publish decisions" would send, to whom, and what an organizer should know
 * first: applications still open (people may yet apply) and applicants nobody has
 * reviewed. Shown before the organizer confirms.
 */
function publishPlanOf(rows: DecisionRow[], openUntil: Date | null) {
  const pending = rows.filter((r) => r.decision !== "none" && !r.publishedDecision);
  const names = (decision: Decision) =>
    pending
      .filter((r) => r.decision === decision)
      .map((r) => r.name)
      .sort((a, b) => a.localeCompare(b));
  return {
    accepted: names("accepted"),
    waitlisted: names("waitlisted"),
    rejected: names("rejected"),
    openUntil,
    unreviewed: rows
      .filter((r) => r.aggregate.count === 0)
      .map((r) => r.name)
      .sort((a, b) => a.localeCompare(b)),
    undecided: rows.filter((r) => r.decision === "none").length,
  };
}

/** The organizer's answer to the confirmation before publishing. */
export type PublishConfirmation = { confirmed: boolean; reason?: string | null };

export async function publishDecisions(
  actorId: string,
  cohort: DecisionCohort,
  origin: string,
  confirmation: PublishConfirmation,
  now = new Date(),
): Promise<DecideResult> {
  const cohortId = cohort.id;
  const refused = phaseRefusal(cohort, DECISION_PHASES, "publish decisions", now);
  if (refused) return { ok: false, error: refused };
  if (!confirmation.confirmed)
    return { ok: false, error: "Nothing was sent: tick “I have read who gets which notice” to publish." };
  const reason = confirmation.reason?.trim() ?? "";
  const stillOpen = phaseOf(cohort, now) === "applications_open";
  if (stillOpen && reason.length < 10) {
    return {
      ok: false,
      error: `Nothing was sent: applications are still open until ${cohort.applicationsCloseAt.toISOString().slice(0, 10)} (anywhere on earth), so people may still apply. Publish after they close, or give a reason for publishing now (at least 10 characters; it is kept in the history).`,
    };
  }
  // Publishing takes the cohort's row lock first: a second "Publish" (double click,
  // another organizer) waits, then finds nothing new and changes nothing.
  const published = await transaction(async (tx) => {
    await lockRow(tx, "Cohort", cohortId);
    const toPublish = await tx.application.findMany({
      where: { cohortId, status: "submitted", decision: { not: "none" }, publishedDecision: null },
      include: { person: { select: { name: true, timeZone: true } } },
    });
    if (toPublish.length === 0) return 0;
    const waitlistOrder = (
      await tx.application.findMany({
        where: { cohortId, status: "submitted", decision: "waitlisted" },
        orderBy: [{ waitlistRank: "asc" }, { decidedAt: "asc" }],
        select: { id: true },
      })
    ).map((a) => a.id);
    let count = 0;
    for (const application of toPublish) {
      const marked = await tx.application.updateMany({
        where: { id: application.id, version: application.version, publishedDecision: null },
        data: { publishedDecision: application.decision, version: { increment: 1 } },
      });
      if (marked.count === 0) continue; // changed meanwhile; it stays for the next publish
      count++;
      if (application.decision === "accepted") {
        await createOffer(tx, cohort, application, origin, now);
      } else if (application.decision === "waitlisted") {
        await queueNotice(
          {
            ...noticeText("waitlisted", {
              name: application.person.name,
              cohort: cohort.name,
              position: waitlistOrder.indexOf(application.id) + 1,
            }),
            personId: application.personId,
            cohortId,
            dedupeKey: `decision:${application.id}`,
          },
          tx,
        );
      } else {
        await queueNotice(
          {
            ...noticeText("not_accepted", { name: application.person.name, cohort: cohort.name }),
            personId: application.personId,
            cohortId,
            dedupeKey: `decision:${application.id}`,
          },
          tx,
        );
      }
    }
    if (count === 0) return 0;
    await tx.cohort.update({
      where: { id: cohortId },
      data: { decisionsPublishedAt: cohort.decisionsPublishedAt ?? now },
    });
    const detail = `${count} decision(s) published${stillOpen ? ` while applications were still open — reason: ${reason}` : ""}`;
    await recordAudit(
      { actorId, cohortId, action: "decisions.publish", subjectType: "Cohort", subjectId: cohortId, detail },
      tx,
    );
    return count;
  });
  if (published === 0) return { ok: false, error: "There are no new decisions to publish." };
  return {
    ok: true,
    message: `${published} decision${published === 1 ? "" : "s"} published; read the notices on the cohort's Notices page.`,
  };
}

/**
 * Moves one waitlisted application a place up or down the waitlist and numbers
 * the whole list 1..n again, so the order organizers see is the order in which
 * freed seats are offered. Works before and after publishing, until the start.
 */
export async function moveOnWaitlist(
  actorId: string,
  cohort: DecisionCohort,
  applicationId: string,
  direction: "up" | "down",
  now = new Date(),
  seenAt?: number,
): Promise<DecideResult> {
  const cohortId = cohort.id;
  const refused = phaseRefusal(cohort, DECISION_PHASES, "reorder the waitlist", now);
  if (refused) return { ok: false, error: refused };
  return transaction(async (tx): Promise<DecideResult> => {
    // One reorder at a time per cohort: each renumbers the whole list.
    await lockRow(tx, "Cohort", cohortId);
    const waitlist = await tx.application.findMany({
      where: { cohortId, status: "submitted", decision: "waitlisted" },
      orderBy: [{ waitlistRank: "asc" }, { decidedAt: "asc" }],
      select: { id: true, waitlistRank: true, person: { select: { name: true } } },
    });
    const from = waitlist.findIndex((a) => a.id === applicationId);
    if (from === -1)
      return { ok: false, error: "That application is no longer on the waitlist; reload the page." };
    if (seenAt !== undefined && from + 1 !== seenAt) {
      // The same press again (double click, a second tab): it already moved.
      const moved = direction === "up" ? seenAt - 1 : seenAt + 1;
      if (from + 1 === moved)
        return { ok: true, message: `${waitlist[from].person.name} is now number ${moved} on the waitlist.` };
      return {
        ok: false,
        error: `The waitlist changed meanwhile: ${waitlist[from].person.name} is now number ${from + 1}. Check the order and move again.`,
      };
    }
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= waitlist.length)
      return {
        ok: false,
        error: `${waitlist[from].person.name} is already ${direction === "up" ? "first" : "last"} on the waitlist.`,
      };
    const order = [...waitlist];
    [order[from], order[to]] = [order[to], order[from]];
    for (const [i, application] of order.entries()) {
      if (application.waitlistRank === i + 1) continue;
      await tx.application.update({ where: { id: application.id }, data: { waitlistRank: i + 1 } });
    }
    await recordAudit(
      {
        actorId,
        cohortId,
        action: "waitlist.reorder",
        subjectType: "Application",
        subjectId: applicationId,
        fromValue: String(from + 1),
        toValue: String(to + 1),
      },
      tx,
    );
    return { ok: true, message: `${waitlist[from].person.name} is now number ${to + 1} on the waitlist.` };
  });
}

/**
 * After the cohort finished: removes the answers, project preferences,
 * availability and review comments of everyone who did not join, keeping the
 * application rows (status, decision, scores) so the counts stay.
 */
export async function purgeAnswers(
  actorId: string,
  cohort: DecisionCohort,
  now = new Date(),
): Promise<DecideResult> {
  const cohortId = cohort.id;
  const refused = phaseRefusal(cohort, ["finished"], "purge applicants' answers", now);
  if (refused) return { ok: false, error: `${refused} Answers can be purged once the cohort has finished.` };
  const participants = await db.cohortMembership.findMany({
    where: { cohortId, role: "participant", personId: { not: null } },
    select: { personId: true },
  });
  const joined = new Set(participants.map((p) => p.personId!));
  const applications = await db.application.findMany({
    where: { cohortId, purgedAt: null },
    select: { id: true, personId: true },
  });
  const purge = applications.filter((a) => !joined.has(a.personId));
  const ids = purge.map((a) => a.id);
  await transaction(async (tx) => {
    await tx.applicationAnswer.deleteMany({ where: { applicationId: { in: ids } } });
    await tx.projectPreference.deleteMany({ where: { applicationId: { in: ids } } });
    await tx.availability.deleteMany({ where: { cohortId, personId: { in: purge.map((a) => a.personId) } } });
    await tx.review.updateMany({
      where: { applicationId: { in: ids } },
      data: { comment: "", recusalReason: null },
    });
    await tx.reviewScore.updateMany({
      where: { review: { applicationId: { in: ids } } },
      data: { comment: "" },
    });
    await tx.application.updateMany({ where: { id: { in: ids } }, data: { purgedAt: now } });
    await tx.cohort.update({ where: { id: cohortId }, data: { answersPurgedAt: now } });
    await recordAudit(
      {
        actorId,
        cohortId,
        action: "answers.purge",
        subjectType: "Cohort",
        subjectId: cohortId,
        detail: `answers of ${ids.length} applicant(s) who did not join removed`,
      },
      tx,
    );
  });
  return {
    ok: true,
    message: `Removed the answers of ${ids.length} applicant${ids.length === 1 ? "" : "s"} who did not join; counts and scores are kept.`,
  };
}
