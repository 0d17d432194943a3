// After the cohort (issue 14): session-4 finished about three months ago. Its
// completion rules were applied (one exception), its alumni have certificates
// (Sam, the demo's alumnus, among them), testimonials were approved, and their
// upstream activity was read at the 1- and 3-month marks. The running cohort's
// pull requests get the upstream facts the maintainers' view shows.
import { randomBytes } from "node:crypto";
import { cohortEndsAt } from "../../app/cohorts/phase";
import { addMonths, MARKS, markWindow } from "../../app/outcomes/retention";
import type { Db } from "../../app/utils/db.server";
import { DAY_MS } from "../../app/utils/time";
import type { FoundationSeed } from "./foundation";

const token = () => randomBytes(18).toString("base64url");

export async function seedOutcomes(db: Db, foundation: FoundationSeed, now: Date): Promise<void> {
  const { people, cohorts } = foundation;
  // Lucía, the demo's alumna (added with the officers' demo), gives her Trac username.
  const lucia = await db.person.findUniqueOrThrow({ where: { login: "luciagomez" } });
  await db.tracAccount.create({ data: { personId: lucia.id, username: "lgomez" } });
  const finished = cohorts.finished;
  const end = cohortEndsAt(finished);
  const afterEnd = (days: number) => new Date(end.getTime() + days * DAY_MS);
  const duringWeek = (week: number) => new Date(finished.startsOn.getTime() + ((week - 1) * 7 + 5) * DAY_MS);

  await db.cohortAfterSettings.create({
    data: {
      cohortId: finished.id,
      minReflectionWeeks: 6,
      minLinkedPulls: 1,
      completionAppliedAt: afterEnd(3),
    },
  });

  // Reflections and linked pull requests during session-4 (8 weeks).
  const reflectionWeeks: [typeof people.sam, number][] = [
    [people.sam, 8],
    [people.ana, 7],
    [people.jonas, 4],
    [lucia, 6],
  ];
  for (const [p, weeks] of reflectionWeeks) {
    for (let week = 1; week <= weeks; week++) {
      await db.reflection.create({
        data: {
          cohortId: finished.id,
          personId: p.id,
          week,
          status: "submitted",
          submittedAt: duringWeek(week),
          confidence: Math.min(5, 2 + Math.floor(week / 2)),
          answers: JSON.stringify({
            "What I worked on": `Week ${week}: reading tickets and working on my pull request.`,
            "What I learned": "How the Fellows triage tickets.",
            "What is blocking me": "",
            "What help I would like": "",
          }),
        },
      });
    }
  }
  type Past = {
    person: typeof people.sam;
    number: number;
    title: string;
    state: "merged" | "closed" | "open";
    week: number;
    add: number;
    del: number;
    files: number;
    explanation: string;
    preReviewDays: number | null;
    responseHours: number;
    reviews: number;
  };
  const past: Past[] = [
    {
      person: people.sam,
      number: 18210,
      title: "Fixed #35611 -- Clarified QuerySet.update() return value in docs.",
      state: "merged",
      week: 3,
      add: 9,
      del: 3,
      files: 1,
      preReviewDays: 1,
      responseHours: 30,
      reviews: 1,
      explanation:
        "The docs said `update()` returns the number of rows *changed*; on MySQL it is rows *matched*. I reworded it and linked the database notes.",
    },
    {
      person: people.sam,
      number: 18342,
      title: "Fixed #35702 -- Made makemigrations --check exit non-zero when only a merge is needed.",
      state: "merged",
      week: 6,
      add: 41,
      del: 6,
      files: 3,
      preReviewDays: 2,
      responseHours: 52,
      reviews: 2,
      explanation:
        "CI pipelines using `makemigrations --check` passed although a merge migration was missing. The command now reports it and exits with 1; tests cover both cases.",
    },
    {
      person: people.ana,
      number: 18255,
      title: "Fixed #35640 -- Added a note about timezone-aware dates to the DateField docs.",
      state: "merged",
      week: 4,
      add: 16,
      del: 0,
      files: 1,
      preReviewDays: 1,
      responseHours: 20,
      reviews: 1,
      explanation:
        "People kept filing tickets about `DateField` and aware datetimes. I added a short note with an example of converting to local time first.",
    },
    {
      person: lucia,
      number: 18288,
      title: "Fixed #35652 -- Documented that Field.db_comment is ignored on SQLite.",
      state: "merged",
      week: 5,
      add: 12,
      del: 1,
      files: 2,
      preReviewDays: 1,
      responseHours: 40,
      reviews: 1,
      explanation:
        "SQLite has no column comments, so `db_comment` silently does nothing there. I added a note to the field reference and a test that the migration still runs.",
    },
    {
      person: people.jonas,
      number: 18390,
      title: "Refs #35688 -- Simplified the ordering of admin actions.",
      state: "closed",
      week: 7,
      add: 120,
      del: 74,
      files: 5,
      preReviewDays: null,
      responseHours: 96,
      reviews: 1,
      explanation:
        "I tried to make admin actions sort by their description. The Fellows preferred keeping the declared order, so I closed it after the discussion.",
    },
  ];
  for (const p of past) {
    const openedAt = duringWeek(p.week);
    const closedAt = new Date(openedAt.getTime() + 9 * DAY_MS);
    const pr = await db.pullRequest.create({
      data: {
        owner: "django",
        repo: "django",
        number: p.number,
        url: `https://github.com/django/django/pull/${p.number}`,
        title: p.title,
        authorLogin: p.person.login,
        state: p.state,
        reviewState: p.state === "merged" ? "approved" : "changes_requested",
        reviewCount: p.reviews,
        additions: p.add,
        deletions: p.del,
        changedFiles: p.files,
        openedAt,
        mergedAt: p.state === "merged" ? closedAt : null,
        closedAt,
        lastActivityAt: closedAt,
        lastSyncedAt: afterEnd(1),
      },
    });
    const firstResponse = new Date(openedAt.getTime() + p.responseHours * 3_600_000);
    await db.pullRequestUpstream.create({
      data: {
        pullRequestId: pr.id,
        labels: "[]",
        firstResponseAt: firstResponse,
        firstUpstreamReviewAt: firstResponse,
      },
    });
    await db.linkedPullRequest.create({
      data: {
        cohortId: finished.id,
        pullRequestId: pr.id,
        personId: p.person.id,
        linkedAt: openedAt,
        explanation: p.explanation,
        aiDisclosure: "none",
        preReviewedAt:
          p.preReviewDays === null ? null : new Date(openedAt.getTime() + p.preReviewDays * 3_600_000),
        preReviewedById: p.preReviewDays === null ? null : people.kwame.id,
        preReviewComment:
          p.preReviewDays === null ? null : "Read it through with you on our call; good to go.",
      },
    });
  }

  // Completion: Sam and Ana by the rules; Jonas by an organizer's exception.
  const samCompletion = await db.completion.create({
    data: {
      cohortId: finished.id,
      personId: people.sam.id,
      completed: true,
      ruleSummary: "Reflections in 8 weeks (rule: 6), 2 linked pull requests (rule: 1).",
      decidedAt: afterEnd(3),
      certificateToken: token(),
      showcaseOptIn: true,
    },
  });
  await db.completion.create({
    data: {
      cohortId: finished.id,
      personId: people.ana.id,
      completed: true,
      ruleSummary: "Reflections in 7 weeks (rule: 6), 1 linked pull request (rule: 1).",
      decidedAt: afterEnd(3),
      certificateToken: token(),
      showcaseOptIn: true,
    },
  });
  const jonasReason =
    "Missed four weeks of reflections while moving country; his navigator confirms he kept working on his pull request and joined every meeting.";
  await db.completion.create({
    data: {
      cohortId: finished.id,
      personId: people.jonas.id,
      completed: true,
      ruleSummary: "Reflections in 4 weeks (rule: 6), 1 linked pull request (rule: 1).",
      exceptionReason: jonasReason,
      decidedAt: afterEnd(4),
      certificateToken: token(),
    },
  });
  await db.auditEntry.create({
    data: {
      at: afterEnd(4),
      actorId: people.lena.id,
      cohortId: finished.id,
      action: "completion.exception",
      subjectType: "person",
      subjectId: people.jonas.id,
      fromValue: "not completed",
      toValue: "completed",
      detail: jonasReason,
    },
  });
  await db.completion.create({
    data: {
      cohortId: finished.id,
      personId: lucia.id,
      completed: true,
      ruleSummary: "Reflections in 6 weeks (rule: 6), 1 linked pull request (rule: 1).",
      decidedAt: afterEnd(3),
      certificateToken: token(),
      showcaseOptIn: true,
    },
  });
  void samCompletion;

  await db.testimonial.create({
    data: {
      cohortId: finished.id,
      personId: people.sam.id,
      status: "approved",
      decidedById: people.lena.id,
      decidedAt: afterEnd(12),
      createdAt: afterEnd(8),
      body: "I had read Django's contributing guide three times and never dared to pick a ticket. Having **Kwame** read my first patch before the Fellows did made all the difference: two merged pull requests, and I still triage tickets on Tuesdays.",
    },
  });
  await db.testimonial.create({
    data: {
      cohortId: finished.id,
      personId: people.ana.id,
      status: "approved",
      decidedById: people.lena.id,
      decidedAt: afterEnd(12),
      createdAt: afterEnd(9),
      body: "The weekly reflections felt like homework at first, but reading them back showed me how much I had learned. Now I am a navigator myself.",
    },
  });
  await db.testimonial.create({
    data: {
      cohortId: finished.id,
      personId: people.jonas.id,
      status: "pending",
      createdAt: afterEnd(20),
      body: "Even in a chaotic month my team kept me going. Thank you all!",
    },
  });

  // Upstream activity after the end, read at the marks that have passed.
  type Act = {
    person: typeof people.sam;
    kind: string;
    number: number;
    days: number;
    title: string;
    /** a Trac ticket rather than a GitHub item */
    trac?: boolean;
  };
  const acts: Act[] = [
    {
      person: people.sam,
      kind: "review",
      number: 18511,
      days: 9,
      title: "Fixed #35790 -- Fixed crash of QuerySet.values() on a GeneratedField.",
    },
    {
      person: people.sam,
      kind: "pr_opened",
      number: 18560,
      days: 21,
      title: "Fixed #35811 -- Added Meta.indexes to the model options reference table.",
    },
    {
      person: people.sam,
      kind: "pr_merged",
      number: 18560,
      days: 33,
      title: "Fixed #35811 -- Added Meta.indexes to the model options reference table.",
    },
    {
      person: people.sam,
      kind: "issue",
      number: 18701,
      days: 70,
      title: "Docs: the tutorial's polls app uses a deprecated setting",
    },
    {
      person: people.ana,
      kind: "pr_opened",
      number: 18598,
      days: 14,
      title: "Fixed #35829 -- Corrected the example in the Prefetch docs.",
    },
    {
      person: lucia,
      kind: "trac_ticket",
      number: 35867,
      days: 17,
      title: "QuerySet.bulk_create() docs don't mention that db_default is not returned on SQLite",
      trac: true,
    },
    // Jonas stopped after the cohort and came back in the second and third month.
    {
      person: people.jonas,
      kind: "pr_opened",
      number: 18733,
      days: 61,
      title: "Fixed #35902 -- Kept the declared order of admin actions in the changelist.",
    },
  ];
  for (const a of acts) {
    const at = afterEnd(a.days);
    if (at.getTime() > now.getTime()) continue;
    await db.outcomeActivity.create({
      data: {
        cohortId: finished.id,
        personId: a.person.id,
        kind: a.kind,
        repository: a.trac ? "https://code.djangoproject.com" : "django/django",
        externalKey: a.trac ? `trac:${a.number}` : `django/django#${a.number}`,
        url: a.trac
          ? `https://code.djangoproject.com/ticket/${a.number}`
          : `https://github.com/django/django/pull/${a.number}`,
        title: a.title,
        at,
      },
    });
  }
  // Every alumnus was read at each passed mark, except Lucía at the 3-month mark: that
  // run stopped at GitHub's search limit, and the next one will read her (the page says so).
  for (const p of [people.sam, people.ana, people.jonas, lucia]) {
    for (const mark of MARKS) {
      const at = addMonths(end, mark);
      if (at.getTime() > now.getTime()) break;
      if (p.id === lucia.id && mark === 3) continue;
      await db.outcomeCheck.create({
        data: {
          cohortId: finished.id,
          personId: p.id,
          mark,
          checkedAt: new Date(at.getTime() + 3_600_000),
          requests: 3,
          found: acts.filter((a) => {
            const { from, to } = markWindow(end, mark);
            const t = afterEnd(a.days).getTime();
            return a.person.id === p.id && t > from.getTime() && t <= to.getTime();
          }).length,
        },
      });
    }
  }
  await seedComparison(db, finished, end, now);
  await db.projectAcceptedLabel.create({
    data: { projectId: foundation.projects.wagtail.id, label: "hacktoberfest-accepted" },
  });

  // The running cohort's pull requests: what their maintainers did, for the maintainers' view.
  const running = await db.linkedPullRequest.findMany({
    where: { cohortId: cohorts.running.id },
    select: { preReviewedAt: true, pullRequest: { select: { id: true, openedAt: true, reviewCount: true } } },
  });
  for (const [i, l] of running.entries()) {
    const opened = l.pullRequest.openedAt ?? now;
    const responded =
      l.pullRequest.reviewCount > 0 || i % 2 === 0
        ? new Date(opened.getTime() + (18 + i * 11) * 3_600_000)
        : null;
    await db.pullRequestUpstream.create({
      data: {
        pullRequestId: l.pullRequest.id,
        labels: "[]",
        firstResponseAt: responded && responded < now ? responded : null,
        firstUpstreamReviewAt:
          l.pullRequest.reviewCount > 0 && responded && responded < now ? responded : null,
      },
    });
  }
}

/**
 * Session 4's comparison group, as the follow job leaves it: the pull requests merged
 * into django/django and wagtail/wagtail while Session 4 ran were listed, each author
 * asked whether it was their first merged one there, and the first-timers read at the
 * marks that have passed (the last two are still to be read at 3 months).
 */
async function seedComparison(db: Db, cohort: { id: string; startsOn: Date }, end: Date, now: Date) {
  const listedAt = new Date(end.getTime() + DAY_MS);
  await db.comparisonSearch.create({ data: { cohortId: cohort.id, listedAt, requests: 3, pulls: 231 } });
  // login, first merged pull request, first-timer?, found at 1 month, found at 3 months (null: not read yet)
  const people: [string, string, boolean, number, number | null][] = [
    ["tkimura-dev", "django/django/pull/18214", true, 2, 1],
    ["mbalogun", "django/django/pull/18230", true, 0, 0],
    ["ella-vrb", "wagtail/wagtail/pull/12101", true, 1, 0],
    ["rafa-lima", "django/django/pull/18247", true, 0, 0],
    ["jpkowalski", "django/django/pull/18262", true, 3, 2],
    ["nadia-h", "wagtail/wagtail/pull/12143", true, 0, 0],
    ["oskarb", "django/django/pull/18279", true, 0, 0],
    ["sunita-r", "django/django/pull/18301", true, 1, null],
    ["weiliang", "wagtail/wagtail/pull/12188", true, 0, null],
    ["felixmoreau", "django/django/pull/18226", false, 0, null],
    ["adaeze-o", "django/django/pull/18255", false, 0, null],
  ];
  for (const [i, [login, pull, first, atOne, atThree]] of people.entries()) {
    const newcomer = await db.comparisonNewcomer.create({
      data: {
        cohortId: cohort.id,
        login,
        mergedAt: new Date(cohort.startsOn.getTime() + (4 + i * 4) * DAY_MS),
        pullUrl: `https://github.com/${pull}`,
        firstMerge: first,
      },
    });
    if (!first) continue;
    for (const [mark, found] of [
      [1, atOne],
      [3, atThree],
    ] as const) {
      const at = addMonths(end, mark);
      if (found === null || at.getTime() > now.getTime()) continue;
      await db.comparisonCheck.create({
        data: {
          newcomerId: newcomer.id,
          mark,
          checkedAt: new Date(at.getTime() + 2 * 3_600_000),
          requests: 3,
          found,
        },
      });
    }
  }
}
