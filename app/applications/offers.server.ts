// Offers: an accepted applicant confirms or declines by a deadline. Declining or
// letting the deadline pass offers the seat to the next person on the waitlist.
// Expiry and reminders are scheduled, idempotent jobs.
import { randomBytes } from "node:crypto";
import type { SessionPerson } from "~/auth/session.server";
import { offerLabel } from "~/applications/decision-labels";
import { recordAudit } from "~/cohorts/audit.server";
import { phaseOf, PHASE_COLUMNS } from "~/cohorts/phase";
import { appUrl } from "~/notifications/links.server";
import { queueNotice } from "~/notifications/outbox.server";
import { noticeText } from "~/notifications/templates";
import { db, isUniqueViolation, transaction, type Tx } from "~/utils/db.server";
import { registerJob } from "~/utils/scheduler.server";
import { DAY_MS, formatDateTime } from "~/utils/time";

export const offerPath = (token: string) => `/offers/${token}`;

type OfferCohort = { id: string; name: string; offerDeadlineDays: number };
type OfferApplication = { id: string; personId: string; person: { name: string; timeZone: string } };

/** Creates the open offer for an accepted application and queues its notice. */
export async function createOffer(
  tx: Tx,
  cohort: OfferCohort,
  application: OfferApplication,
  origin: string,
  now: Date,
  promoted = false,
) {
  const token = randomBytes(24).toString("base64url");
  const expiresAt = new Date(now.getTime() + cohort.offerDeadlineDays * DAY_MS);
  const offer = await tx.offer.create({
    data: { applicationId: application.id, token, sentAt: now, expiresAt, openKey: application.id },
  });
  const link = `${appUrl(origin)}${offerPath(token)}`;
  const deadline = formatDateTime(expiresAt, application.person.timeZone);
  await queueNotice(
    {
      ...noticeText(promoted ? "offer_from_waitlist" : "offer", {
        name: application.person.name,
        cohort: cohort.name,
        deadline,
        link,
      }),
      personId: application.personId,
      cohortId: cohort.id,
      dedupeKey: `offer:${offer.id}`,
    },
    tx,
  );
  return offer;
}

/**
 * Offers the seat to the first person on the waitlist (lowest rank) who was told
 * they are waitlisted. Returns the promoted application's id, or null when the
 * waitlist is empty or the cohort has started.
 */
export async function promoteFromWaitlist(
  cohortId: string,
  origin: string | null,
  now = new Date(),
): Promise<string | null> {
  const cohort = await db.cohort.findUniqueOrThrow({
    where: { id: cohortId },
    select: {
      id: true,
      name: true,
      offerDeadlineDays: true,
      ...PHASE_COLUMNS,
    },
  });
  const phase = phaseOf(cohort, now);
  if (phase === "running" || phase === "finished") return null;
  for (let attempt = 0; attempt < 5; attempt++) {
    const next = await db.application.findFirst({
      where: { cohortId, status: "submitted", decision: "waitlisted", publishedDecision: "waitlisted" },
      orderBy: [{ waitlistRank: "asc" }, { decidedAt: "asc" }],
      include: { person: { select: { name: true, timeZone: true } } },
    });
    if (!next) {
      await recordAudit({
        actorId: null,
        cohortId,
        action: "waitlist.empty",
        subjectType: "Cohort",
        subjectId: cohortId,
        detail: "A seat was freed but nobody is on the waitlist.",
      });
      return null;
    }
    try {
      const promoted = await transaction(async (tx) => {
        const claimed = await tx.application.updateMany({
          where: { id: next.id, version: next.version, decision: "waitlisted" },
          data: {
            decision: "accepted",
            publishedDecision: "accepted",
            waitlistRank: null,
            decidedAt: now,
            decidedById: null,
            version: { increment: 1 },
          },
        });
        if (claimed.count === 0) return false; // someone else promoted them first
        await createOffer(tx, cohort, next, origin ?? "", now, true);
        await recordAudit(
          {
            actorId: null,
            cohortId,
            action: "waitlist.promote",
            subjectType: "Application",
            subjectId: next.id,
            fromValue: "waitlisted",
            toValue: "accepted",
            detail: `waitlist rank ${next.waitlistRank ?? "—"}`,
          },
          tx,
        );
        return true;
      });
      if (promoted) return next.id;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return null;
}

export type OfferPage = {
  token: string;
  status: string;
  expiresAt: Date;
  respondedAt: Date | null;
  cohort: { slug: string; name: string; startsOn: Date; codeOfConductUrl: string };
  person: { name: string; timeZone: string };
};

/** The offer for its applicant; "not_yours" when someone else opens the link. */
export async function getOfferPage(
  person: SessionPerson,
  token: string,
  origin: string | null = null,
  now = new Date(),
): Promise<OfferPage | "not_found" | "not_yours"> {
  let offer = await db.offer.findUnique({
    where: { token },
    include: {
      application: { include: { cohort: true, person: { select: { name: true, timeZone: true } } } },
    },
  });
  if (!offer) return "not_found";
  if (offer.application.personId !== person.id) return "not_yours";
  if (offer.status === "pending" && offer.expiresAt <= now) {
    await expireOffer(offer.id, origin, now);
    offer = { ...offer, status: "expired" };
  }
  const c = offer.application.cohort;
  return {
    token,
    status: offer.status,
    expiresAt: offer.expiresAt,
    respondedAt: offer.respondedAt,
    cohort: { slug: c.slug, name: c.name, startsOn: c.startsOn, codeOfConductUrl: c.codeOfConductUrl },
    person: offer.application.person,
  };
}

export type RespondResult = { ok: true; message: string; cohortSlug: string } | { ok: false; error: string };

/** The applicant confirms (becomes a participant) or declines (the seat goes to the waitlist). */
export async function respondToOffer(
  person: SessionPerson,
  token: string,
  response: "confirm" | "decline",
  origin: string | null,
  now = new Date(),
): Promise<RespondResult | "not_yours"> {
  const offer = await db.offer.findUnique({
    where: { token },
    include: { application: { include: { cohort: { select: { id: true, slug: true, name: true } } } } },
  });
  if (!offer) return { ok: false, error: "This offer link is not valid." };
  if (offer.application.personId !== person.id) return "not_yours";
  const cohort = offer.application.cohort;
  if (offer.status === "pending" && offer.expiresAt <= now) {
    await expireOffer(offer.id, origin, now);
    return {
      ok: false,
      error:
        "The deadline for this offer has passed, so the seat was offered to the next person on the waitlist.",
    };
  }
  if (offer.status !== "pending")
    return {
      ok: false,
      error: `You already answered this offer (${offerLabel(offer.status).toLowerCase()}).`,
    };
  if (response === "confirm") {
    const done = await transaction(async (tx) => {
      const claimed = await tx.offer.updateMany({
        where: { id: offer.id, status: "pending" },
        data: { status: "confirmed", respondedAt: now, openKey: null },
      });
      if (claimed.count === 0) return false;
      const existing = await tx.cohortMembership.findFirst({
        where: { cohortId: cohort.id, personId: person.id, role: "participant" },
      });
      if (!existing)
        await tx.cohortMembership.create({
          data: { cohortId: cohort.id, personId: person.id, role: "participant" },
        });
      await recordAudit(
        {
          actorId: person.id,
          cohortId: cohort.id,
          action: "offer.confirm",
          subjectType: "Application",
          subjectId: offer.applicationId,
          fromValue: "pending",
          toValue: "confirmed",
        },
        tx,
      );
      return true;
    });
    if (!done) return { ok: false, error: "You already answered this offer." };
    return {
      ok: true,
      message: `Welcome to ${cohort.name}! You are now a participant; your team will be announced before the start.`,
      cohortSlug: cohort.slug,
    };
  }
  const claimed = await db.offer.updateMany({
    where: { id: offer.id, status: "pending" },
    data: { status: "declined", respondedAt: now, openKey: null },
  });
  if (claimed.count === 0) return { ok: false, error: "You already answered this offer." };
  await recordAudit({
    actorId: person.id,
    cohortId: cohort.id,
    action: "offer.decline",
    subjectType: "Application",
    subjectId: offer.applicationId,
    fromValue: "pending",
    toValue: "declined",
  });
  await promoteFromWaitlist(cohort.id, origin, now);
  return {
    ok: true,
    message: `You declined the offer for ${cohort.name}. Thank you for letting us know — we hope to see you in a later cohort.`,
    cohortSlug: cohort.slug,
  };
}

/** Marks one pending offer expired (once) and promotes from the waitlist. */
async function expireOffer(offerId: string, origin: string | null, now: Date): Promise<boolean> {
  const offer = await db.offer.findUnique({
    where: { id: offerId },
    include: { application: { select: { cohortId: true } } },
  });
  if (!offer) return false;
  const claimed = await db.offer.updateMany({
    where: { id: offerId, status: "pending", expiresAt: { lte: now } },
    data: { status: "expired", openKey: null },
  });
  if (claimed.count === 0) return false;
  await recordAudit({
    actorId: null,
    cohortId: offer.application.cohortId,
    action: "offer.expire",
    subjectType: "Application",
    subjectId: offer.applicationId,
    fromValue: "pending",
    toValue: "expired",
  });
  await promoteFromWaitlist(offer.application.cohortId, origin, now);
  return true;
}

/** Expires every pending offer past its deadline. Safe to run any number of times. */
export async function expireOffers(
  now = new Date(),
  cohortId?: string,
  origin: string | null = null,
): Promise<number> {
  const due = await db.offer.findMany({
    where: { status: "pending", expiresAt: { lte: now }, ...(cohortId ? { application: { cohortId } } : {}) },
    select: { id: true },
  });
  let expired = 0;
  for (const o of due) if (await expireOffer(o.id, origin, now)) expired++;
  return expired;
}

/** Queues one reminder per pending offer within the cohort's reminder window. Idempotent. */
export async function sendOfferReminders(
  now = new Date(),
  cohortId?: string,
  origin: string | null = null,
): Promise<number> {
  const pending = await db.offer.findMany({
    where: {
      status: "pending",
      reminderSentAt: null,
      expiresAt: { gt: now },
      ...(cohortId ? { application: { cohortId } } : {}),
    },
    include: {
      application: {
        include: {
          cohort: { select: { id: true, name: true, offerReminderDays: true } },
          person: { select: { name: true, timeZone: true } },
        },
      },
    },
  });
  let sent = 0;
  for (const offer of pending) {
    const cohort = offer.application.cohort;
    if (offer.expiresAt.getTime() - cohort.offerReminderDays * DAY_MS > now.getTime()) continue;
    const queued = await transaction(async (tx) => {
      const marked = await tx.offer.updateMany({
        where: { id: offer.id, reminderSentAt: null },
        data: { reminderSentAt: now },
      });
      if (marked.count === 0) return false;
      return queueNotice(
        {
          ...noticeText("offer_reminder", {
            name: offer.application.person.name,
            cohort: cohort.name,
            deadline: formatDateTime(offer.expiresAt, offer.application.person.timeZone),
            link: `${appUrl(origin)}${offerPath(offer.token)}`,
          }),
          personId: offer.application.personId,
          cohortId: cohort.id,
          dedupeKey: `reminder:${offer.id}`,
        },
        tx,
      );
    });
    if (queued) sent++;
  }
  return sent;
}

export function registerOfferJobs(): void {
  registerJob({ name: "offers.expire", everyMinutes: () => 15, run: () => expireOffers() });
  registerJob({ name: "offers.remind", everyMinutes: () => 60, run: () => sendOfferReminders() });
}
