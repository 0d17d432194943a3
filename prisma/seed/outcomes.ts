// After the cohort (issue 14): session-4 finished about three months ago. Its
// completion rules were applied (one exception), its alumni have certificates
// (Sam, the demo's alumnus, among them), testimonials were approved, and their
// upstream activity was read at the 1- and 3-month marks. The running cohort's
// pull requests get the upstream facts the maintainers' view shows.
import { randomBytes } from "node:crypto";
import { cohortEndsAt } from "../../app/cohorts/phase";
import { addMonths, MARKS } from "../../app/outcomes/retention";
import type { Db } from "../../app/utils/db.server";
import { DAY_MS } from "../../app/utils/time";
import type { FoundationSeed } from "./foundation";

const token = () => randomBytes(18).toString("base64url");

export async function seedOutcomes(db: Db, foundation: FoundationSeed, now: Date): Promise<void> {
  const { people, cohorts } = foundation;
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
  type Act = { person: typeof people.sam; kind: string; number: number; days: number; title: string };
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
        repository: "django/django",
        externalKey: `django/django#${a.number}`,
        url: `https://github.com/django/django/pull/${a.number}`,
        title: a.title,
        at,
      },
    });
  }
  for (const p of [people.sam, people.ana, people.jonas]) {
    for (const mark of MARKS) {
      const at = addMonths(end, mark);
      if (at.getTime() > now.getTime()) break;
      await db.outcomeCheck.create({
        data: {
          cohortId: finished.id,
          personId: p.id,
          mark,
          checkedAt: new Date(at.getTime() + 3_600_000),
          requests: 3,
          found: acts.filter((a) => a.person.id === p.id).length,
        },
      });
    }
  }
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
