// Demo reflections for the running cohort (session-5, week 3 of 6): weeks 1–2 from
// most participants — one late, one missing, one asking for help, confidence that
// moves — navigators' replies, and a few week 3 drafts. Lucas has been quiet for 12 days.
import type { Db } from "../../app/utils/db.server";
import { DAY_MS } from "../../app/utils/time";
import type { FoundationSeed } from "./foundation";

import { DEFAULT_PROMPTS } from "../../app/reflections/rules";

type Entry = {
  who: keyof FoundationSeed["people"];
  week: number;
  /** days (fractional) after the cohort's start; null for a draft */
  submittedDay: number | null;
  confidence: number | null;
  needsHelp?: boolean;
  shared?: boolean;
  answers: [string, string, string, string];
};

const entries: Entry[] = [
  // ── Team Pegasus (Django) ──
  {
    who: "mei",
    week: 1,
    submittedDay: 5.4,
    confidence: 3,
    shared: true,
    answers: [
      "Set up the Django development environment and ran the full test suite with `./runtests.py`. Read the contributing guide twice.",
      "How the test runner picks settings, and that `--parallel 1` makes failures much easier to read.",
      "Nothing yet — a few failing tests on macOS that turned out to be my locale.",
      "A pointer to a ticket that touches the ORM but is small enough for a first PR.",
    ],
  },
  {
    who: "mei",
    week: 2,
    submittedDay: 12.2,
    confidence: 4,
    answers: [
      "Claimed ticket #35021 (`QuerySet.bulk_update()` docs) and opened a draft pull request.",
      "Writing a regression test *before* the fix. Also learned how `git rebase -i` squashes the fixup commits reviewers ask for.",
      "Waiting for CI on Windows, which takes a while.",
      "A review of my test names — I am not sure they follow Django's style.",
    ],
  },
  {
    who: "diego",
    week: 1,
    submittedDay: 6.1,
    confidence: 2,
    answers: [
      "Read through the Trac *easy pickings* list and tried to reproduce two tickets.",
      "Trac's query syntax, and that a ticket's **Triage Stage** matters before starting.",
      "One ticket I tried was already fixed on `main`; I lost a day on it.",
      "How do you check whether a ticket is still valid before spending time on it?",
    ],
  },
  {
    who: "diego",
    week: 2,
    submittedDay: 11.8,
    confidence: 3,
    answers: [
      "Picked the admin `list_filter` ticket and wrote a failing test.",
      "How admin changelist filters are built; `SimpleListFilter` is less magic than I thought.",
      "Selenium tests for the admin do not run on my machine.",
      "Pairing for 30 minutes on the Selenium setup.",
    ],
  },
  {
    who: "diego",
    week: 3,
    submittedDay: null,
    confidence: 3,
    answers: ["Got the Selenium tests running with the headless Chromium option.", "", "", ""],
  },
  {
    who: "fatima",
    week: 1,
    submittedDay: 4.9,
    confidence: 4,
    answers: [
      "Fixed a typo PR to warm up, then read the `django.forms` code for my ticket.",
      "Django's deprecation timeline and how `RemovedInDjango60Warning` is used.",
      "Nothing.",
      "None this week, thank you!",
    ],
  },
  {
    who: "fatima",
    week: 2,
    submittedDay: 13.1,
    confidence: 2,
    needsHelp: true,
    answers: [
      "Tried to fix the form media ordering ticket; my change breaks six tests in `forms_tests`.",
      "That `Media` merging uses a topological sort, which explains the ordering warnings.",
      "I do not understand why the expected order in the existing tests is what it is, and I am going in circles.",
      "Could someone walk me through `Media.merge()`? Even 20 minutes would unblock me.",
    ],
  },
  {
    who: "oliver",
    week: 1,
    submittedDay: 6.5,
    confidence: 3,
    answers: [
      "Went through the *Writing your first patch* tutorial and joined the Django forum.",
      "How to build the docs locally with `make html` and check for broken references.",
      "Nothing.",
      "Suggestions for a docs ticket that would teach me about the ORM.",
    ],
  },
  {
    who: "oliver",
    week: 2,
    submittedDay: 12.9,
    confidence: 4,
    answers: [
      "Opened a docs pull request clarifying `select_for_update(of=...)` on PostgreSQL.",
      "Reviewers care a lot about concise wording; my first draft was twice as long as needed.",
      "Nothing.",
      "A second pair of eyes on the example in the docs before the maintainers look at it.",
    ],
  },
  // ── Team Andromeda (Wagtail) ──
  {
    who: "chloe",
    week: 1,
    submittedDay: 5.2,
    confidence: 3,
    answers: [
      "Installed the Wagtail bakery demo and explored StreamField blocks.",
      "How Wagtail's page tree is stored (treebeard's materialised path).",
      "Node 20 vs 18 for the front-end build — sorted now.",
      "None.",
    ],
  },
  {
    who: "chloe",
    week: 2,
    submittedDay: 12.4,
    confidence: 4,
    shared: true,
    answers: [
      "Fixed the accessibility label on the image chooser's search field and opened a PR.",
      "Running the `axe` checks locally before pushing.",
      "Nothing.",
      "Tips on writing a good changelog entry for Wagtail.",
    ],
  },
  {
    who: "chloe",
    week: 3,
    submittedDay: null,
    confidence: null,
    answers: ["Addressing review comments on the image chooser PR.", "", "", ""],
  },
  {
    who: "yusuf",
    week: 1,
    submittedDay: 6.0,
    confidence: 2,
    answers: [
      "Spent most of the week getting the Wagtail test suite to pass locally.",
      "Elasticsearch is optional for most tests; the default database backend is enough.",
      "My laptop is slow; the full suite takes 25 minutes.",
      "How do other contributors run only the relevant tests?",
    ],
  },
  {
    who: "yusuf",
    week: 2,
    submittedDay: 12.0,
    confidence: 3,
    answers: [
      "Claimed the snippets listing ticket and wrote the first test.",
      "`./runtests.py wagtail.snippets` keeps the loop short.",
      "Nothing big.",
      "None.",
    ],
  },
  {
    who: "yusuf",
    week: 3,
    submittedDay: 15.6,
    confidence: 4,
    answers: [
      "Opened my first Wagtail PR for the snippets listing ordering.",
      "How Wagtail's `ordering` query parameter is validated.",
      "Nothing.",
      "A review when Kwame has time.",
    ],
  },
  {
    who: "hannah",
    week: 1,
    submittedDay: 8.3,
    confidence: 3,
    answers: [
      "Caught up late after a busy week at work: set up Wagtail and read the contributor docs.",
      "Wagtail's release cadence and what goes into a patch release.",
      "Time — I work full time and the first week was rough.",
      "Maybe a smaller first issue.",
    ],
  },
  {
    who: "hannah",
    week: 2,
    submittedDay: 11.5,
    confidence: 3,
    answers: [
      "Started on the documentation issue about custom image models.",
      "How `AbstractImage` and renditions fit together.",
      "Nothing.",
      "None.",
    ],
  },
  // ── Team Orion (Django Debug Toolbar) ──
  {
    who: "ravi",
    week: 1,
    submittedDay: 4.2,
    confidence: 4,
    answers: [
      "Read the Debug Toolbar panels' code and ran the example project.",
      "How panels hook into the request cycle with `process_request` and `generate_stats`.",
      "Nothing.",
      "None.",
    ],
  },
  {
    who: "ravi",
    week: 2,
    submittedDay: 11.0,
    confidence: 5,
    answers: [
      "Opened a PR adding the async-view warning to the SQL panel.",
      "How `asgiref` handles thread-sensitive code.",
      "Nothing.",
      "None, going well!",
    ],
  },
  {
    who: "sofia",
    week: 1,
    submittedDay: 5.7,
    confidence: 2,
    answers: [
      "Tried to understand the history panel.",
      "Toolbar stores request data in a pluggable store; the default is in-memory.",
      "The front-end JavaScript is new to me.",
      "A short intro to how the toolbar's JS talks to the server.",
    ],
  },
  {
    who: "sofia",
    week: 2,
    submittedDay: 12.7,
    confidence: 3,
    answers: [
      "Priya walked me through the JS; I fixed the history panel's refresh button.",
      "Using the browser dev tools' network tab to follow the toolbar's fetches.",
      "Nothing now.",
      "None.",
    ],
  },
  {
    who: "lucas",
    week: 1,
    submittedDay: 3.9,
    confidence: 3,
    answers: [
      "Installed the toolbar and read the open issues labelled *good first issue*.",
      "The toolbar supports Django 4.2 to 5.2; the tox matrix is big.",
      "Nothing yet.",
      "None.",
    ],
  },
];

const comments: {
  who: keyof FoundationSeed["people"];
  week: number;
  by: keyof FoundationSeed["people"];
  afterDays: number;
  body: string;
}[] = [
  {
    who: "mei",
    week: 1,
    by: "ana",
    afterDays: 0.6,
    body: "Great start, Mei! For an ORM ticket, have a look at **#35021** — it is small and well described. Ping me when you have claimed it.",
  },
  { who: "mei", week: 1, by: "mei", afterDays: 0.9, body: "Thank you! Claimed it." },
  {
    who: "diego",
    week: 1,
    by: "ana",
    afterDays: 0.5,
    body: "Before starting, check the ticket's last comments and try it on `main`. If in doubt, ask in the ticket — that is welcome.",
  },
  {
    who: "mei",
    week: 2,
    by: "jonas",
    afterDays: 0.7,
    body: "Test names look fine to me. Django prefers `test_<what>_<condition>`; yours already do.",
  },
  {
    who: "chloe",
    week: 2,
    by: "kwame",
    afterDays: 0.8,
    body: "Nice work on the accessibility fix. For the changelog, one line, present tense, and link the issue number.",
  },
  {
    who: "ravi",
    week: 1,
    by: "priya",
    afterDays: 1.1,
    body: "Good reading! The SQL panel is a great place to start.",
  },
  {
    who: "sofia",
    week: 1,
    by: "priya",
    afterDays: 0.4,
    body: "Let's pair on Thursday after the meeting — I'll show you how the toolbar loads panel content.",
  },
];

// Days since the participant last did something (their reflections and replies count too).
const lastActive: Partial<Record<keyof FoundationSeed["people"], number>> = {
  mei: 1,
  diego: 2,
  fatima: 3,
  oliver: 4,
  chloe: 1,
  yusuf: 0.5,
  hannah: 5,
  ravi: 2,
  sofia: 3,
  lucas: 12,
};

export async function seedReflections(db: Db, foundation: FoundationSeed, now: Date): Promise<void> {
  const cohort = await db.cohort.findUniqueOrThrow({
    where: { id: foundation.cohorts.running.id },
    select: { id: true, startsOn: true },
  });
  const start = cohort.startsOn.getTime();
  const at = (days: number) => new Date(Math.min(start + days * DAY_MS, now.getTime() - 60_000));
  const ids = new Map<string, string>();

  for (const e of entries) {
    const person = foundation.people[e.who];
    const due = start + e.week * 7 * DAY_MS;
    const submittedAt = e.submittedDay === null ? null : at(e.submittedDay);
    const touched =
      submittedAt ??
      at(Math.min((e.week - 1) * 7 + 1.5, (now.getTime() - start) / DAY_MS - (lastActive[e.who] ?? 1)));
    const reflection = await db.reflection.create({
      data: {
        cohortId: cohort.id,
        personId: person.id,
        week: e.week,
        answers: JSON.stringify(Object.fromEntries(DEFAULT_PROMPTS.map((p, i) => [p.id, e.answers[i]]))),
        confidence: e.confidence,
        needsHelp: e.needsHelp ?? false,
        status: submittedAt ? "submitted" : "draft",
        submittedAt,
        late: submittedAt ? submittedAt.getTime() > due : false,
        sharedWithTeam: e.shared ?? false,
        createdAt: touched,
        updatedAt: touched,
      },
      select: { id: true },
    });
    ids.set(`${e.who}:${e.week}`, reflection.id);
  }

  const submittedAtOf = new Map(
    entries.filter((e) => e.submittedDay !== null).map((e) => [`${e.who}:${e.week}`, e.submittedDay!]),
  );
  await db.reflectionComment.createMany({
    data: comments.map((c) => ({
      reflectionId: ids.get(`${c.who}:${c.week}`)!,
      authorId: foundation.people[c.by].id,
      body: c.body,
      createdAt: at(submittedAtOf.get(`${c.who}:${c.week}`)! + c.afterDays),
    })),
  });

  for (const [who, daysAgo] of Object.entries(lastActive)) {
    await db.cohortMembership.updateMany({
      where: {
        cohortId: cohort.id,
        personId: foundation.people[who as keyof FoundationSeed["people"]].id,
        role: "participant",
      },
      data: { lastActiveAt: new Date(now.getTime() - daysAgo * DAY_MS) },
    });
  }
}
