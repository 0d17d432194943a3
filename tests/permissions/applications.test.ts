// Per-role access to applying, the form editor, review, decisions, offers, the
// CSV export and the outbox — and what each role sees of an application.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import {
  callRoute,
  jsonOf,
  makeApplication,
  makeCriterion,
  makePerson,
  makeQuestion,
  makeRequest,
} from "../setup/factories";
import { accessTable, type AccessRow } from "./table";
import { buildWorld, type World, type WorldRole } from "./world";

let world: World;
let applicationId: string;
let offerToken: string;
let sensitiveQuestionId: string;

beforeAll(async () => {
  world = await buildWorld("applications_open");
  await makeCriterion(world.cohort.id, { name: "Motivation" });
  await makeQuestion(world.cohort.id, { label: "Where are you based?" });
  sensitiveQuestionId = (await makeQuestion(world.cohort.id, { label: "Circumstances", sensitive: true })).id;
  const stranger = await makePerson({
    login: "yara-applies",
    name: "Yara Haddad",
    email: "yara@example.org",
  });
  applicationId = (
    await makeApplication(world.cohort.id, stranger.id, {
      answers: { [sensitiveQuestionId]: "A private circumstance" },
    })
  ).id;
  // The world's applicant has an accepted, published application with an open offer.
  const own = await makeApplication(world.cohort.id, world.people.applicant.id, {
    decision: "accepted",
    publishedDecision: "accepted",
  });
  offerToken = "offer-token-for-the-applicant";
  await db.offer.create({
    data: {
      applicationId: own.id,
      token: offerToken,
      expiresAt: new Date(Date.now() + 7 * 86_400_000),
      openKey: own.id,
    },
  });
});

const signedIn: WorldRole[] = [
  "applicant",
  "admin",
  "organizer",
  "reviewer",
  "navigator",
  "captain",
  "participant",
  "otherNavigator",
  "otherParticipant",
];
const organizers: WorldRole[] = ["admin", "organizer"];
const reviewers: WorldRole[] = ["admin", "organizer", "reviewer"];
const slug = (w: World) => ({ slug: w.cohort.slug });

const rows: AccessRow[] = [
  {
    name: "apply page",
    module: () => import("~/routes/cohorts.$slug.apply"),
    path: (w) => `/cohorts/${w.cohort.slug}/apply`,
    params: slug,
    allowed: signedIn,
  },
  {
    name: "save an application",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.apply"),
    path: (w) => `/cohorts/${w.cohort.slug}/apply`,
    params: slug,
    form: () => ({ intent: "save", timeZone: "Mars/Olympus" }),
    allowed: signedIn,
  },
  {
    name: "the summary of what an applicant sent",
    module: () => import("~/routes/cohorts.$slug.apply_.summary"),
    path: (w) => `/cohorts/${w.cohort.slug}/apply/summary`,
    params: slug,
    allowed: signedIn,
  },
  {
    name: "public page editor",
    module: () => import("~/routes/cohorts.$slug.public-page"),
    path: (w) => `/cohorts/${w.cohort.slug}/public-page`,
    params: slug,
    allowed: organizers,
  },
  {
    name: "save the public page",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.public-page"),
    path: (w) => `/cohorts/${w.cohort.slug}/public-page`,
    params: slug,
    form: () => ({ intent: "save-page", weeklyHours: "-3" }),
    allowed: organizers,
  },
  {
    name: "application form editor",
    module: () => import("~/routes/cohorts.$slug.form"),
    path: (w) => `/cohorts/${w.cohort.slug}/form`,
    params: slug,
    allowed: organizers,
  },
  {
    name: "save a question",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.form"),
    path: (w) => `/cohorts/${w.cohort.slug}/form`,
    params: slug,
    form: () => ({ intent: "save-question", label: "" }),
    allowed: organizers,
  },
  {
    name: "review list",
    module: () => import("~/routes/cohorts.$slug.review._index"),
    path: (w) => `/cohorts/${w.cohort.slug}/review`,
    params: slug,
    allowed: reviewers,
  },
  {
    name: "review an application",
    module: () => import("~/routes/cohorts.$slug.review.$applicationId"),
    path: (w) => `/cohorts/${w.cohort.slug}/review/${applicationId}`,
    params: (w) => ({ slug: w.cohort.slug, applicationId }),
    allowed: reviewers,
  },
  {
    name: "score an application",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.review.$applicationId"),
    path: (w) => `/cohorts/${w.cohort.slug}/review/${applicationId}`,
    params: (w) => ({ slug: w.cohort.slug, applicationId }),
    form: () => ({ intent: "score" }),
    allowed: reviewers,
  },
  {
    name: "decisions",
    module: () => import("~/routes/cohorts.$slug.decisions"),
    path: (w) => `/cohorts/${w.cohort.slug}/decisions`,
    params: slug,
    allowed: organizers,
  },
  {
    name: "decide",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.decisions"),
    path: (w) => `/cohorts/${w.cohort.slug}/decisions`,
    params: slug,
    form: () => ({ intent: "accepted" }),
    allowed: organizers,
  },
  {
    name: "applications CSV",
    module: () => import("~/routes/cohorts.$slug.applications[.]csv"),
    path: (w) => `/cohorts/${w.cohort.slug}/applications.csv`,
    params: slug,
    allowed: organizers,
  },
  {
    name: "offer page",
    module: () => import("~/routes/offers.$token"),
    path: () => `/offers/${offerToken}`,
    params: () => ({ token: offerToken }),
    allowed: ["applicant"],
  },
  {
    name: "answer an offer",
    method: "POST",
    module: () => import("~/routes/offers.$token"),
    path: () => `/offers/${offerToken}`,
    params: () => ({ token: offerToken }),
    form: () => ({ intent: "decline" }),
    allowed: ["applicant"],
  },
  {
    name: "outbox",
    module: () => import("~/routes/admin.outbox"),
    path: () => "/admin/outbox",
    params: () => ({}),
    allowed: ["admin"],
  },
  {
    name: "retry a notice",
    method: "POST",
    module: () => import("~/routes/admin.outbox"),
    path: () => "/admin/outbox",
    params: () => ({}),
    form: () => ({ intent: "retry", id: "none" }),
    allowed: ["admin"],
  },
];

describe("who may use the application and review pages", () => {
  accessTable(rows, () => world);
});

type Detail = {
  application: {
    identity: { name: string } | null;
    answers: { label: string; hidden: boolean; text: string }[];
  };
};

describe("what each role sees of an application", () => {
  const detailAs = async (role: WorldRole) => {
    const mod = await import("~/routes/cohorts.$slug.review.$applicationId");
    const response = await callRoute(
      mod.loader,
      makeRequest(`/cohorts/${world.cohort.slug}/review/${applicationId}`, { cookie: world.cookies[role] }),
      { slug: world.cohort.slug, applicationId },
    );
    return { text: await response.clone().text(), body: await jsonOf<Detail>(response) };
  };

  for (const [role, seesSensitive] of [
    ["admin", true],
    ["organizer", true],
    ["reviewer", false],
  ] as const) {
    it(`${role} ${seesSensitive ? "sees" : "never sees"} sensitive answers`, async () => {
      const { text, body } = await detailAs(role);
      const answer = body.application.answers.find((a) => a.label === "Circumstances")!;
      expect(answer.hidden).toBe(!seesSensitive);
      expect(text.includes("A private circumstance")).toBe(seesSensitive);
    });
  }

  it("in blind mode nobody reviewing sees the name, login or e-mail", async () => {
    await db.cohort.update({ where: { id: world.cohort.id }, data: { blindReview: true } });
    try {
      for (const role of reviewers) {
        const { text, body } = await detailAs(role);
        expect(body.application.identity, role).toBeNull();
        for (const secret of ["Yara", "yara-applies", "yara@example.org"])
          expect(text, role).not.toContain(secret);
      }
    } finally {
      await db.cohort.update({ where: { id: world.cohort.id }, data: { blindReview: false } });
    }
    const { body } = await detailAs("reviewer");
    expect(body.application.identity?.name).toBe("Yara Haddad");
  });
});
