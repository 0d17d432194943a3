// Per-role access to starter issues, linked pull requests, the sync page and the
// GitHub webhook.
import { beforeAll, describe } from "vitest";
import { SYNC_LEASE } from "~/issues/sync.server";
import { acquireLease } from "~/utils/scheduler.server";
import { db } from "~/utils/db.server";
import { accessTable, type AccessRow } from "./table";
import { buildWorld, type World } from "./world";

let world: World;
let issueId = "";
let linkId = "";
let claimId = "";

beforeAll(async () => {
  world = await buildWorld("running");
  const issue = await db.starterIssue.create({
    data: {
      projectId: world.project.id,
      source: "trac",
      externalKey: "35890",
      url: "https://code.djangoproject.com/ticket/35890",
      title: "Document bulk_create() and db_default",
    },
  });
  issueId = issue.id;
  // the participant's claim on another ticket, for reassigning
  const claimed = await db.starterIssue.create({
    data: {
      projectId: world.project.id,
      source: "trac",
      externalKey: "36012",
      url: "https://code.djangoproject.com/ticket/36012",
      title: "Add a system check for list_display_links",
    },
  });
  claimId = (
    await db.issueClaim.create({
      data: {
        cohortId: world.cohort.id,
        starterIssueId: claimed.id,
        personId: world.people.participant.id,
        activeKey: claimed.id,
      },
    })
  ).id;
  const pr = await db.pullRequest.create({
    data: {
      owner: "django",
      repo: "django",
      number: 18823,
      url: "https://github.com/django/django/pull/18823",
      title: "Fixed #35890 -- Docs",
      authorLogin: "participant",
      state: "open",
    },
  });
  linkId = (
    await db.linkedPullRequest.create({
      data: {
        cohortId: world.cohort.id,
        pullRequestId: pr.id,
        personId: world.people.participant.id,
        explanation: "…",
        aiDisclosure: "none",
      },
    })
  ).id;
  // Another instance "is syncing", so "Sync now" answers without starting a real sync.
  await acquireLease(SYNC_LEASE, 10 * 60_000, new Date(), "00000000-0000-0000-0000-00000000abcd");
});

const MEMBERS = [
  "admin",
  "organizer",
  "navigator",
  "captain",
  "participant",
  "otherNavigator",
  "otherParticipant",
] as const;
const slug = (w: World) => ({ slug: w.cohort.slug });

const rows: AccessRow[] = [
  {
    name: "starter issues",
    module: () => import("~/routes/cohorts.$slug.issues"),
    path: (w) => `/cohorts/${w.cohort.slug}/issues`,
    params: slug,
    allowed: MEMBERS,
  },
  {
    name: "curate a starter issue",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.issues"),
    path: (w) => `/cohorts/${w.cohort.slug}/issues`,
    params: slug,
    form: () => ({
      intent: "curate",
      issueId,
      difficulty: "easy",
      note: "Start in docs/ref/models/querysets.txt.",
    }),
    allowed: ["admin", "organizer", "navigator", "captain", "otherNavigator"],
  },
  {
    name: "claim a starter issue",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.issues"),
    path: (w) => `/cohorts/${w.cohort.slug}/issues`,
    params: slug,
    form: () => ({ intent: "claim", issueId }),
    allowed: ["participant", "otherParticipant"],
  },
  {
    name: "release a claim (already released)",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.issues"),
    path: (w) => `/cohorts/${w.cohort.slug}/issues`,
    params: slug,
    form: () => ({ intent: "release", claimId: "no-such-claim" }),
    allowed: MEMBERS,
  },
  {
    // to the person who already holds it: allowed roles get a 400 and nothing changes
    name: "reassign a claim in team A",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.issues"),
    path: (w) => `/cohorts/${w.cohort.slug}/issues`,
    params: slug,
    form: (w) => ({ intent: "reassign", claimId, personId: w.people.participant.id }),
    allowed: ["admin", "organizer", "navigator", "captain"],
  },
  {
    name: "add a starter issue by URL",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.issues"),
    path: (w) => `/cohorts/${w.cohort.slug}/issues`,
    params: slug,
    form: (w) => ({ intent: "add", projectId: w.project.id, url: "not an address" }),
    allowed: ["admin", "organizer", "navigator", "captain", "otherNavigator"],
  },
  {
    name: "linked pull requests",
    module: () => import("~/routes/cohorts.$slug.pulls"),
    path: (w) => `/cohorts/${w.cohort.slug}/pulls`,
    params: slug,
    allowed: MEMBERS,
  },
  {
    name: "link a pull request",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.pulls"),
    path: (w) => `/cohorts/${w.cohort.slug}/pulls`,
    params: slug,
    form: () => ({
      intent: "link",
      url: "https://github.com/django/django/issues/1",
      explanation:
        "A long enough explanation of the change that was made, why it was needed, and how it was tested locally.",
      aiDisclosure: "none",
    }),
    allowed: ["participant", "otherParticipant"],
  },
  {
    name: "mark a pull request pre-reviewed",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.pulls"),
    path: (w) => `/cohorts/${w.cohort.slug}/pulls`,
    params: slug,
    form: () => ({ intent: "prereview", linkId, comment: "Ran the docs build and read the change." }),
    allowed: ["admin", "organizer", "navigator"],
  },
  {
    name: "explain a linked pull request",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.pulls"),
    path: (w) => `/cohorts/${w.cohort.slug}/pulls`,
    params: slug,
    form: () => ({ intent: "explain", linkId, explanation: "too short", aiDisclosure: "none" }),
    // the zod check answers 400 before ownership is known; the owner check is tested below
    allowed: [
      "admin",
      "organizer",
      "navigator",
      "captain",
      "participant",
      "otherNavigator",
      "otherParticipant",
    ],
  },
  {
    name: "explain someone else's pull request",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.pulls"),
    path: (w) => `/cohorts/${w.cohort.slug}/pulls`,
    params: slug,
    form: () => ({
      intent: "explain",
      linkId,
      explanation:
        "The documentation did not say that SQLite falls back to the Python default, so I added a caveat and a cross reference.",
      aiDisclosure: "none",
    }),
    allowed: ["participant"],
    dual: false, // only the author explains; dual is a teammate
  },
  {
    name: "sync page",
    module: () => import("~/routes/cohorts.$slug.sync"),
    path: (w) => `/cohorts/${w.cohort.slug}/sync`,
    params: slug,
    allowed: ["admin", "organizer"],
  },
  {
    name: "sync now",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.sync"),
    path: (w) => `/cohorts/${w.cohort.slug}/sync`,
    params: slug,
    allowed: ["admin", "organizer"],
  },
  // No session: the signature authorizes a delivery (an unsigned one gets 401).
  {
    name: "GitHub webhook",
    method: "POST",
    module: () => import("~/routes/webhooks.github"),
    path: () => "/webhooks/github",
    params: () => ({}),
    allowed: "everyone",
  },
];

describe("issues and pull requests: per-role access", () => {
  accessTable(rows, () => world);
});
