// Deciding, publishing, offers, waitlist promotion, expiry, reminders, CSV, purge.
import { describe, expect, it } from "vitest";
import { expireOffers, sendOfferReminders } from "~/applications/offers.server";
import * as csvRoute from "~/routes/cohorts.$slug.applications[.]csv";
import * as decisionsRoute from "~/routes/cohorts.$slug.decisions";
import * as offerRoute from "~/routes/offers.$token";
import { db } from "~/utils/db.server";
import { DAY_MS } from "~/utils/time";
import {
  addMember,
  callRoute,
  jsonOf,
  makeApplication,
  makeCohort,
  makeCriterion,
  makePerson,
  makeQuestion,
  makeRequest,
  makeReview,
  sessionCookieFor,
} from "../setup/factories";

async function world(timing: Parameters<typeof makeCohort>[0] = "review") {
  const cohort = await makeCohort(timing);
  const lena = await makePerson({ name: "Lena Organizer" });
  const max = await makePerson({ name: "Max Organizer" });
  await addMember(cohort.id, lena.id, "organizer");
  await addMember(cohort.id, max.id, "organizer");
  const cookies = { lena: await sessionCookieFor(lena.id), max: await sessionCookieFor(max.id) };
  const path = `/cohorts/${cohort.slug}/decisions`;
  const post = (who: keyof typeof cookies, form: Record<string, string | string[]>) =>
    callRoute(decisionsRoute.action, makeRequest(path, { cookie: cookies[who], form }), {
      slug: cohort.slug,
    });
  const page = async (who: keyof typeof cookies = "lena") =>
    jsonOf<{
      rows: {
        id: string;
        name: string;
        version: number;
        decision: string;
        waitlistRank: number | null;
        offer: { status: string } | null;
      }[];
      unpublished: number;
    }>(
      await callRoute(decisionsRoute.loader, makeRequest(path, { cookie: cookies[who] }), {
        slug: cohort.slug,
      }),
    );
  const applicant = async (name: string) => {
    const person = await makePerson({ name });
    const application = await makeApplication(cohort.id, person.id);
    return { person, application, cookie: await sessionCookieFor(person.id) };
  };
  const decideForm = (intent: string, apps: { id: string; version: number }[]) => ({
    intent,
    id: apps.map((a) => a.id),
    ...Object.fromEntries(apps.map((a) => [`v_${a.id}`, String(a.version)])),
  });
  return { cohort, lena, max, cookies, post, page, applicant, decideForm };
}

/** Aisha accepted and offered a seat, Carmen first on the waitlist, both published. */
async function aishaOfferedCarmenWaitlisted() {
  const w = await world();
  const aisha = await w.applicant("Aisha");
  const carmen = await w.applicant("Carmen");
  await w.post("lena", w.decideForm("accepted", [{ id: aisha.application.id, version: 0 }]));
  await w.post("lena", w.decideForm("waitlisted", [{ id: carmen.application.id, version: 0 }]));
  await w.post("lena", { intent: "publish", confirm: "on" });
  const offer = await db.offer.findFirstOrThrow({ where: { applicationId: aisha.application.id } });
  return { w, aisha, carmen, offer };
}

const tokenOf = async (applicationId: string) =>
  (await db.offer.findFirstOrThrow({ where: { applicationId }, orderBy: { sentAt: "desc" } })).token;
const offerAction = (token: string, cookie: string, form: Record<string, string>) =>
  callRoute(offerRoute.action, makeRequest(`/offers/${token}`, { cookie, form }), { token });

describe("deciding", () => {
  it("accepts, waitlists and rejects several at once, with an audit entry for each change", async () => {
    const w = await world();
    const a = await w.applicant("Aisha");
    const b = await w.applicant("Bruno");
    const c = await w.applicant("Carmen");
    const response = await w.post(
      "lena",
      w.decideForm("accepted", [
        { id: a.application.id, version: 0 },
        { id: b.application.id, version: 0 },
      ]),
    );
    expect(response.status).toBe(302);
    await w.post("lena", w.decideForm("waitlisted", [{ id: c.application.id, version: 0 }]));
    // changed before publishing: Bruno goes from accepted to rejected
    await w.post("lena", w.decideForm("rejected", [{ id: b.application.id, version: 1 }]));
    const page = await w.page();
    expect(Object.fromEntries(page.rows.map((r) => [r.name, r.decision]))).toEqual({
      Aisha: "accepted",
      Bruno: "rejected",
      Carmen: "waitlisted",
    });
    expect(page.rows.find((r) => r.name === "Carmen")?.waitlistRank).toBe(1);
    const audit = await db.auditEntry.findMany({
      where: { cohortId: w.cohort.id, action: "decision.change", subjectId: b.application.id },
      orderBy: { at: "asc" },
    });
    expect(audit.map((e) => [e.fromValue, e.toValue, e.actorId])).toEqual([
      ["none", "accepted", w.lena.id],
      ["accepted", "rejected", w.lena.id],
    ]);
    expect(page.unpublished).toBe(3);
  });

  it("when two organizers decide at once, the later one is told and nothing is overwritten", async () => {
    const w = await world();
    const a = await w.applicant("Aisha");
    const seen = (await w.page()).rows[0].version;
    const [first, second] = [
      await w.post("lena", w.decideForm("accepted", [{ id: a.application.id, version: seen }])),
      await w.post("max", w.decideForm("rejected", [{ id: a.application.id, version: seen }])),
    ];
    expect(first.status).toBe(302);
    expect(second.status).toBe(409);
    expect((await jsonOf<{ error: string }>(second)).error).toMatch(
      /changed by Lena Organizer \(now: Accepted\) while you were looking/,
    );
    expect((await db.application.findUniqueOrThrow({ where: { id: a.application.id } })).decision).toBe(
      "accepted",
    );

    // truly simultaneous: exactly one wins
    const b = await w.applicant("Bruno");
    const results = await Promise.all([
      w.post("lena", w.decideForm("accepted", [{ id: b.application.id, version: 0 }])),
      w.post("max", w.decideForm("waitlisted", [{ id: b.application.id, version: 0 }])),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 409]);
    expect(
      await db.auditEntry.count({ where: { subjectId: b.application.id, action: "decision.change" } }),
    ).toBe(1);
  });

  it("a tampered or half-sent form gets a sentence, not a server error", async () => {
    const w = await world();
    const a = await w.applicant("Aisha");
    for (const version of ["abc", "-1", "1.5"]) {
      const response = await w.post("lena", {
        intent: "accepted",
        id: a.application.id,
        [`v_${a.application.id}`]: version,
      });
      expect(response.status).toBe(400);
      expect((await jsonOf<{ error: string }>(response)).error).toMatch(
        /reload it and tick the applications again/,
      );
    }
    const missing = await w.post("lena", { intent: "accepted", id: a.application.id });
    expect(missing.status).toBe(400);
    expect((await db.application.findUniqueOrThrow({ where: { id: a.application.id } })).decision).toBe(
      "none",
    );
  });

  it("refuses decisions once the cohort is running", async () => {
    const w = await world("running");
    const a = await w.applicant("Aisha");
    const response = await w.post("lena", w.decideForm("accepted", [{ id: a.application.id, version: 0 }]));
    expect(response.status).toBe(409);
    expect((await jsonOf<{ error: string }>(response)).error).toMatch(/cannot change decisions now/);
  });
});

describe("publishing, offers and the waitlist", () => {
  it("publishing asks for a confirmation and, while applications are open, a reason that goes into the history", async () => {
    const w = await world("applications_open");
    const aisha = await w.applicant("Aisha");
    await w.post("lena", w.decideForm("accepted", [{ id: aisha.application.id, version: 0 }]));
    const plan = (
      await jsonOf<{ publishPlan: { accepted: string[]; openUntil: string | null; unreviewed: string[] } }>(
        await callRoute(
          decisionsRoute.loader,
          makeRequest(`/cohorts/${w.cohort.slug}/decisions`, { cookie: w.cookies.lena }),
          { slug: w.cohort.slug },
        ),
      )
    ).publishPlan;
    expect(plan.accepted).toEqual(["Aisha"]);
    expect(plan.openUntil).not.toBeNull();
    expect(plan.unreviewed).toEqual(["Aisha"]);

    const unconfirmed = await w.post("lena", { intent: "publish" });
    expect(unconfirmed.status).toBe(400);
    expect((await jsonOf<{ error: string }>(unconfirmed)).error).toMatch(/^Nothing was sent: tick/);
    const open = await w.post("lena", { intent: "publish", confirm: "on" });
    expect(open.status).toBe(400);
    expect((await jsonOf<{ error: string }>(open)).error).toMatch(
      /applications are still open until .* give a reason/,
    );
    expect(await db.notice.count({ where: { cohortId: w.cohort.id } })).toBe(0);

    expect(
      (
        await w.post("lena", {
          intent: "publish",
          confirm: "on",
          reason: "Our mentors start early this year.",
        })
      ).status,
    ).toBe(302);
    expect(await db.notice.count({ where: { cohortId: w.cohort.id, kind: "offer" } })).toBe(1);
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { cohortId: w.cohort.id, action: "decisions.publish" },
    });
    expect(audit.detail).toContain(
      "while applications were still open — reason: Our mentors start early this year.",
    );
  });

  it("publish → offer → confirm makes a participant; decline promotes the next on the waitlist", async () => {
    const w = await world();
    const aisha = await w.applicant("Aisha");
    const bruno = await w.applicant("Bruno");
    const carmen = await w.applicant("Carmen");
    const dmitri = await w.applicant("Dmitri");
    const efua = await w.applicant("Efua");
    await w.post(
      "lena",
      w.decideForm("accepted", [
        { id: aisha.application.id, version: 0 },
        { id: bruno.application.id, version: 0 },
      ]),
    );
    await w.post("lena", w.decideForm("waitlisted", [{ id: carmen.application.id, version: 0 }]));
    await w.post("lena", w.decideForm("waitlisted", [{ id: dmitri.application.id, version: 0 }]));
    await w.post("lena", w.decideForm("rejected", [{ id: efua.application.id, version: 0 }]));

    expect((await w.post("lena", { intent: "publish", confirm: "on" })).status).toBe(302);
    const notices = await db.notice.findMany({ where: { cohortId: w.cohort.id } });
    expect(notices.map((n) => n.kind).sort()).toEqual([
      "not_accepted",
      "offer",
      "offer",
      "waitlisted",
      "waitlisted",
    ]);
    expect(notices.find((n) => n.personId === carmen.person.id)?.bodyText).toContain("position 1");
    expect(
      (await db.cohort.findUniqueOrThrow({ where: { id: w.cohort.id } })).decisionsPublishedAt,
    ).not.toBeNull();
    const offer = await db.offer.findFirstOrThrow({ where: { applicationId: aisha.application.id } });
    expect(offer.expiresAt.getTime() - offer.sentAt.getTime()).toBe(7 * DAY_MS);
    expect(notices.find((n) => n.personId === aisha.person.id)?.bodyText).toContain(`/offers/${offer.token}`);

    // published decisions are locked
    const locked = await w.post("lena", w.decideForm("rejected", [{ id: aisha.application.id, version: 2 }]));
    expect((await jsonOf<{ error: string }>(locked)).error).toMatch(/already published/);
    // nothing new to publish
    expect((await w.post("lena", { intent: "publish", confirm: "on" })).status).toBe(400);

    // someone else's link is refused
    expect(
      (
        await callRoute(offerRoute.loader, makeRequest(`/offers/${offer.token}`, { cookie: bruno.cookie }), {
          token: offer.token,
        })
      ).status,
    ).toBe(403);

    // The applicant reads the offer on her application page, with or without e-mail.
    const applyRoute = await import("~/routes/cohorts.$slug.apply");
    const applyPage = await jsonOf<{
      application: { offer: { token: string; status: string } };
      notices: { subject: string }[];
    }>(
      await callRoute(
        applyRoute.loader,
        makeRequest(`/cohorts/${w.cohort.slug}/apply`, { cookie: aisha.cookie }),
        { slug: w.cohort.slug },
      ),
    );
    expect(applyPage.application.offer).toMatchObject({ token: offer.token, status: "pending" });
    expect(applyPage.notices.map((n) => n.subject)).toEqual([`You are accepted to ${w.cohort.name}`]);

    expect((await offerAction(offer.token, aisha.cookie, { intent: "confirm" })).status).toBe(302);
    expect(
      await db.cohortMembership.count({
        where: { cohortId: w.cohort.id, personId: aisha.person.id, role: "participant" },
      }),
    ).toBe(1);
    // answering twice changes nothing
    expect((await offerAction(offer.token, aisha.cookie, { intent: "decline", sure: "on" })).status).toBe(
      400,
    );

    const brunoToken = await tokenOf(bruno.application.id);
    expect((await offerAction(brunoToken, bruno.cookie, { intent: "decline" })).status).toBe(400); // needs the confirmation tick
    expect((await offerAction(brunoToken, bruno.cookie, { intent: "decline", sure: "on" })).status).toBe(302);
    const carmenNow = await db.application.findUniqueOrThrow({
      where: { id: carmen.application.id },
      include: { offers: true },
    });
    expect(carmenNow).toMatchObject({
      decision: "accepted",
      publishedDecision: "accepted",
      waitlistRank: null,
    });
    expect(carmenNow.offers.map((o) => o.status)).toEqual(["pending"]);
    expect(
      await db.notice.count({ where: { personId: carmen.person.id, kind: "offer_from_waitlist" } }),
    ).toBe(1);
    expect((await db.application.findUniqueOrThrow({ where: { id: dmitri.application.id } })).decision).toBe(
      "waitlisted",
    );
    expect(
      await db.cohortMembership.count({ where: { cohortId: w.cohort.id, personId: bruno.person.id } }),
    ).toBe(0);
    expect(await db.auditEntry.count({ where: { cohortId: w.cohort.id, action: "waitlist.promote" } })).toBe(
      1,
    );
  });

  it("an offer past its deadline expires once and the seat goes to the waitlist; a reminder goes out once before", async () => {
    const { w, aisha, carmen, offer } = await aishaOfferedCarmenWaitlisted();

    // 3 days before the deadline: no reminder yet (reminders go 2 days before)
    expect(await sendOfferReminders(new Date(offer.expiresAt.getTime() - 3 * DAY_MS), w.cohort.id)).toBe(0);
    const inWindow = new Date(offer.expiresAt.getTime() - DAY_MS);
    expect(await sendOfferReminders(inWindow, w.cohort.id)).toBe(1);
    expect(await sendOfferReminders(inWindow, w.cohort.id)).toBe(0);
    expect(await db.notice.count({ where: { personId: aisha.person.id, kind: "offer_reminder" } })).toBe(1);

    const late = new Date(offer.expiresAt.getTime() + 60_000);
    const [first, second] = await Promise.all([
      expireOffers(late, w.cohort.id),
      expireOffers(late, w.cohort.id),
    ]);
    expect(first + second).toBe(1);
    expect((await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe("expired");
    expect((await db.application.findUniqueOrThrow({ where: { id: carmen.application.id } })).decision).toBe(
      "accepted",
    );
    expect(await db.offer.count({ where: { applicationId: carmen.application.id, status: "pending" } })).toBe(
      1,
    );
    // the scheduled job has no request to take an address from; the link in the notice still works from an e-mail
    const seatNotice = await db.notice.findFirstOrThrow({
      where: { personId: carmen.person.id, kind: "offer_from_waitlist" },
    });
    expect(seatNotice.bodyText).toMatch(/^https?:\/\/[^/\s]+\/offers\/[\w-]+$/m);
    // the expired applicant can no longer confirm
    const response = await offerAction(offer.token, aisha.cookie, { intent: "confirm" });
    expect(response.status).toBe(400);
    expect(
      await db.cohortMembership.count({ where: { cohortId: w.cohort.id, personId: aisha.person.id } }),
    ).toBe(0);
  });

  it("opening an offer link after its deadline expires it there and then, and the next person's notice has a full link", async () => {
    const { aisha, carmen, offer } = await aishaOfferedCarmenWaitlisted();
    await db.offer.update({ where: { id: offer.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });

    const page = await jsonOf<{ status: string }>(
      await callRoute(offerRoute.loader, makeRequest(`/offers/${offer.token}`, { cookie: aisha.cookie }), {
        token: offer.token,
      }),
    );
    expect(page.status).toBe("expired");
    const seatNotice = await db.notice.findFirstOrThrow({
      where: { personId: carmen.person.id, kind: "offer_from_waitlist" },
    });
    const link = /^(\S+\/offers\/[\w-]+)$/m.exec(seatNotice.bodyText)?.[1];
    expect(link).toBe(
      `${new URL(makeRequest("/").url).origin}/offers/${await tokenOf(carmen.application.id)}`,
    );
  });
});

describe("the waitlist order", () => {
  type WaitlistPage = {
    waitlist: { id: string; name: string; published: boolean }[];
    rows: { name: string; waitlistRank: number | null }[];
    audit: { action: string }[];
  };
  const names = (page: WaitlistPage) => page.waitlist.map((w) => w.name);

  it("organizers move people up and down, before and after publishing, and the next seat follows that order", async () => {
    const w = await world();
    const aisha = await w.applicant("Aisha");
    const [bruno, carmen, dmitri] = [
      await w.applicant("Bruno"),
      await w.applicant("Carmen"),
      await w.applicant("Dmitri"),
    ];
    await w.post("lena", w.decideForm("accepted", [{ id: aisha.application.id, version: 0 }]));
    for (const x of [bruno, carmen, dmitri])
      await w.post("lena", w.decideForm("waitlisted", [{ id: x.application.id, version: 0 }]));
    const page = async () =>
      jsonOf<WaitlistPage>(
        await callRoute(
          decisionsRoute.loader,
          makeRequest(`/cohorts/${w.cohort.slug}/decisions`, { cookie: w.cookies.lena }),
          { slug: w.cohort.slug },
        ),
      );
    expect(names(await page())).toEqual(["Bruno", "Carmen", "Dmitri"]);

    expect((await w.post("lena", { intent: "waitlist-up", id: dmitri.application.id })).status).toBe(302);
    expect(names(await page())).toEqual(["Bruno", "Dmitri", "Carmen"]);
    const first = await w.post("lena", { intent: "waitlist-up", id: bruno.application.id });
    expect((await jsonOf<{ error: string }>(first)).error).toMatch(/already first/);
    expect((await w.post("lena", { intent: "waitlist-down", id: "" })).status).toBe(400);

    expect((await w.post("lena", { intent: "publish", confirm: "on" })).status).toBe(302);
    expect((await db.notice.findFirstOrThrow({ where: { personId: dmitri.person.id } })).bodyText).toContain(
      "position 2",
    );
    // still adjustable once published: Carmen goes first
    await w.post("lena", { intent: "waitlist-up", id: carmen.application.id });
    await w.post("lena", { intent: "waitlist-up", id: carmen.application.id });
    expect(names(await page())).toEqual(["Carmen", "Bruno", "Dmitri"]);

    // Aisha declines: the seat goes to Carmen, and the places left are numbered 1 and 2.
    await offerAction(await tokenOf(aisha.application.id), aisha.cookie, { intent: "decline", sure: "on" });
    expect((await db.application.findUniqueOrThrow({ where: { id: carmen.application.id } })).decision).toBe(
      "accepted",
    );
    const after = await page();
    expect(names(after)).toEqual(["Bruno", "Dmitri"]);
    expect(
      after.rows
        .filter((r) => r.waitlistRank !== null)
        .map((r) => [r.name, r.waitlistRank])
        .sort(),
    ).toEqual([
      ["Bruno", 1],
      ["Dmitri", 2],
    ]);
    expect(after.audit.filter((a) => a.action === "waitlist.reorder")).toHaveLength(3);
  });
});

describe("CSV export", () => {
  it("gives organizers every application with answers and scores, safe for spreadsheets", async () => {
    const w = await world();
    const q = await makeQuestion(w.cohort.id, { label: "Why, really?" });
    const sensitive = await makeQuestion(w.cohort.id, { label: "Circumstances", sensitive: true });
    const c = await makeCriterion(w.cohort.id, { name: "Motivation" });
    const person = await makePerson({ name: 'Zoë, "the" Tester', email: "zoe@example.org" });
    const app = await makeApplication(w.cohort.id, person.id, {
      answers: { [q.id]: '=HYPERLINK("http://evil")', [sensitive.id]: "Private detail" },
    });
    await makeReview(app.id, w.lena.id, { [c.id]: 4 });
    await makeReview(app.id, w.max.id, { [c.id]: 2 });
    await makeApplication(w.cohort.id, (await makePerson({ name: "Drafty" })).id, { status: "draft" });
    const response = await callRoute(
      csvRoute.loader,
      makeRequest(`/cohorts/${w.cohort.slug}/applications.csv`, { cookie: w.cookies.lena }),
      { slug: w.cohort.slug },
    );
    expect(response.headers.get("Content-Type")).toContain("text/csv");
    expect(response.headers.get("Content-Disposition")).toContain(`${w.cohort.slug}-applications.csv`);
    const text = await response.text();
    const lines = text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain("Mean score");
    expect(lines[0]).toContain("Why, really?");
    expect(lines[1]).toContain('"Zoë, ""the"" Tester"');
    expect(lines[1]).toContain(",2,3,2,"); // 2 reviews, mean 3, spread 2
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines[1]).toContain("Private detail");
    expect(text).not.toContain("Drafty");
  });
});

describe("purging answers after the cohort", () => {
  it("removes answers of people who did not join, keeps the counts, and only once the cohort finished", async () => {
    const running = await world("review");
    expect((await running.post("lena", { intent: "purge", confirm: "on" })).status).toBe(400);

    const w = await world("finished");
    const q = await makeQuestion(w.cohort.id);
    const joined = await makePerson();
    const notJoined = await makePerson();
    const kept = await makeApplication(w.cohort.id, joined.id, {
      decision: "accepted",
      publishedDecision: "accepted",
      answers: { [q.id]: "I joined" },
    });
    const purged = await makeApplication(w.cohort.id, notJoined.id, {
      decision: "rejected",
      publishedDecision: "rejected",
      answers: { [q.id]: "Please forget me" },
    });
    await addMember(w.cohort.id, joined.id, "participant");
    await db.availability.create({
      data: { cohortId: w.cohort.id, personId: notJoined.id, slots: "1".repeat(336) },
    });
    expect((await w.post("lena", { intent: "purge" })).status).toBe(400); // needs the confirmation tick
    expect((await w.post("lena", { intent: "purge", confirm: "on" })).status).toBe(302);
    expect(await db.applicationAnswer.count({ where: { applicationId: purged.id } })).toBe(0);
    expect(await db.applicationAnswer.count({ where: { applicationId: kept.id } })).toBe(1);
    expect(await db.availability.count({ where: { cohortId: w.cohort.id, personId: notJoined.id } })).toBe(0);
    expect(await db.application.count({ where: { cohortId: w.cohort.id } })).toBe(2);
    expect((await db.application.findUniqueOrThrow({ where: { id: purged.id } })).purgedAt).not.toBeNull();
    expect(
      (await db.cohort.findUniqueOrThrow({ where: { id: w.cohort.id } })).answersPurgedAt,
    ).not.toBeNull();
  });
});
