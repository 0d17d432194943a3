// Demo starter issues, claims and linked pull requests for the running cohort
// (session-5): Django Trac tickets, Wagtail and Debug Toolbar GitHub issues, and
// pull requests in every state, stored as snapshots so the demo needs no network.
import type { Db } from "../../app/utils/db.server";
import { DAY_MS } from "../../app/utils/time";
import type { FoundationSeed } from "./foundation";

type IssueSeed = {
  source: "github" | "trac";
  key: string;
  title: string;
  labels: string[];
  state?: string;
  updatedDaysAgo: number;
};

export async function seedIssues(db: Db, foundation: FoundationSeed, now: Date): Promise<void> {
  const { people, projects, cohorts, teams } = foundation;
  const ago = (days: number, hours = 0) => new Date(now.getTime() - days * DAY_MS - hours * 3_600_000);
  const cohortId = cohorts.running.id;

  const issueUrl = (seed: IssueSeed) => {
    if (seed.source === "trac") return `https://code.djangoproject.com/ticket/${seed.key}`;
    const [repo, number] = seed.key.split("#");
    return `https://github.com/${repo}/issues/${number}`;
  };
  const create = async (projectId: string, seed: IssueSeed) =>
    db.starterIssue.create({
      data: {
        projectId,
        source: seed.source,
        externalKey: seed.key,
        url: issueUrl(seed),
        title: seed.title,
        labels: JSON.stringify(seed.labels),
        state: seed.state ?? "open",
        upstreamUpdatedAt: ago(seed.updatedDaysAgo),
        lastSyncedAt: ago(0, 1),
      },
    });

  const accepted = ["Accepted", "easy pickings"];
  const django = {
    bulkCreate: await create(projects.django.id, {
      source: "trac",
      key: "35890",
      title: "Document that QuerySet.bulk_create() ignores db_default on SQLite",
      labels: accepted,
      updatedDaysAgo: 3,
    }),
    listDisplayLinks: await create(projects.django.id, {
      source: "trac",
      key: "36012",
      title: "Add a system check for invalid ModelAdmin.list_display_links entries",
      labels: accepted,
      updatedDaysAgo: 1,
    }),
    swappedModel: await create(projects.django.id, {
      source: "trac",
      key: "35944",
      title: "Improve the error message when a migration references a swapped model",
      labels: accepted,
      updatedDaysAgo: 6,
    }),
    autocomplete: await create(projects.django.id, {
      source: "trac",
      key: "35811",
      title: 'Add autocomplete="email" to PasswordResetForm\'s email field',
      labels: accepted,
      updatedDaysAgo: 20,
    }),
    strCalls: await create(projects.django.id, {
      source: "trac",
      key: "36105",
      title: "Remove unneeded str() calls in django.contrib.admin template tags",
      labels: accepted,
      updatedDaysAgo: 2,
    }),
    storage: await create(projects.django.id, {
      source: "trac",
      key: "36077",
      title: "Clean up remaining references to get_storage_class() in the docs",
      labels: accepted,
      updatedDaysAgo: 9,
    }),
    timezone: await create(projects.django.id, {
      source: "trac",
      key: "36120",
      title: "Clarify the timezone.now() note in the USE_TZ documentation",
      labels: accepted,
      updatedDaysAgo: 4,
    }),
  };
  const wagtail = {
    chooserLabel: await create(projects.wagtail.id, {
      source: "github",
      key: "wagtail/wagtail#12345",
      title: "Add an accessible label to the page chooser's search input",
      labels: ["good first issue", "component:Accessibility"],
      updatedDaysAgo: 5,
    }),
    snippetSort: await create(projects.wagtail.id, {
      source: "github",
      key: "wagtail/wagtail#12410",
      title: "Snippet listing: sorting by “Updated” drops the active filters",
      labels: ["good first issue", "type:Bug"],
      updatedDaysAgo: 2,
    }),
    loginDocs: await create(projects.wagtail.id, {
      source: "github",
      key: "wagtail/wagtail#12502",
      title: "Document how to customise the admin login template",
      labels: ["help wanted", "type:Documentation"],
      updatedDaysAgo: 8,
    }),
    userbar: await create(projects.wagtail.id, {
      source: "github",
      key: "wagtail/wagtail#12288",
      title: "Userbar “Edit this page” link ignores WAGTAILADMIN_BASE_URL",
      labels: ["good first issue"],
      state: "closed",
      updatedDaysAgo: 11,
    }),
  };
  const toolbar = {
    sqlAlias: await create(projects.toolbar.id, {
      source: "github",
      key: "django-commons/django-debug-toolbar#1987",
      title: "SQL panel: show the database alias next to each query",
      labels: ["good first issue"],
      updatedDaysAgo: 4,
    }),
    lazyContext: await create(projects.toolbar.id, {
      source: "github",
      key: "django-commons/django-debug-toolbar#2011",
      title: "Templates panel fails on a context holding a lazy translation",
      labels: ["good first issue", "bug"],
      updatedDaysAgo: 7,
    }),
    htmx: await create(projects.toolbar.id, {
      source: "github",
      key: "django-commons/django-debug-toolbar#2050",
      title: "Add a setting to keep the toolbar out of HTMX partial responses",
      labels: ["help wanted"],
      updatedDaysAgo: 3,
    }),
  };

  // Curation by the navigators.
  const curate = (
    starterIssueId: string,
    curatedById: string,
    data: { team?: string; difficulty?: string; note?: string; hidden?: boolean },
  ) =>
    db.issueCuration.create({
      data: {
        cohortId,
        starterIssueId,
        curatedById,
        recommendedTeamId: data.team ?? null,
        difficulty: data.difficulty ?? null,
        note: data.note ?? "",
        hidden: data.hidden ?? false,
        updatedAt: ago(10),
      },
    });
  await curate(django.bulkCreate.id, people.ana.id, {
    team: teams.pegasus.id,
    difficulty: "easy",
    note: "A documentation-only change: a good way to learn the docs build. Start in `docs/ref/models/querysets.txt`, section *bulk_create()*.",
  });
  await curate(django.listDisplayLinks.id, people.ana.id, {
    team: teams.pegasus.id,
    difficulty: "medium",
    note: "Look at `django/contrib/admin/checks.py` (`_check_list_display_links`) and the existing tests in `tests/admin_checks/`.",
  });
  await curate(django.swappedModel.id, people.ana.id, {
    team: teams.pegasus.id,
    difficulty: "medium",
    note: "The error is raised in `django/db/migrations/state.py`. Reproduce it first with a tiny project that swaps `AUTH_USER_MODEL`.",
  });
  await curate(django.autocomplete.id, people.ana.id, {
    team: teams.pegasus.id,
    difficulty: "easy",
    note: "One attribute in `django/contrib/auth/forms.py` plus a test in `tests/auth_tests/test_forms.py`.",
  });
  await curate(django.storage.id, people.ana.id, {
    hidden: true,
    note: "Touches the deprecation timeline; needs a core decision first. Not a first issue.",
  });
  await curate(wagtail.chooserLabel.id, people.kwame.id, {
    team: teams.andromeda.id,
    difficulty: "easy",
    note: "Template in `wagtail/admin/templates/wagtailadmin/chooser/`; check it with a screen reader or axe.",
  });
  await curate(wagtail.snippetSort.id, people.kwame.id, {
    team: teams.andromeda.id,
    difficulty: "medium",
    note: "The listing view is `wagtail/snippets/views/snippets.py`; the filter state lives in the query string.",
  });
  await curate(toolbar.sqlAlias.id, people.priya.id, {
    team: teams.orion.id,
    difficulty: "easy",
    note: "`debug_toolbar/panels/sql/` — the alias is already recorded per query, only the template needs it.",
  });
  await curate(toolbar.lazyContext.id, people.priya.id, {
    team: teams.orion.id,
    difficulty: "medium",
    note: "Reproduce with `gettext_lazy` in a template context; the fix is in `debug_toolbar/panels/templates/panel.py`.",
  });

  // Claims (Fatima's is stale: 15 days, no pull request).
  const claim = (starterIssueId: string, personId: string, daysAgo: number) =>
    db.issueClaim.create({
      data: { cohortId, starterIssueId, personId, claimedAt: ago(daysAgo), activeKey: starterIssueId },
    });
  const meiDocs = await claim(django.bulkCreate.id, people.mei.id, 13);
  const meiCheck = await claim(django.listDisplayLinks.id, people.mei.id, 6);
  const diegoClaim = await claim(django.swappedModel.id, people.diego.id, 10);
  await claim(django.autocomplete.id, people.fatima.id, 15);
  const chloeClaim = await claim(wagtail.chooserLabel.id, people.chloe.id, 11);
  const yusufClaim = await claim(wagtail.snippetSort.id, people.yusuf.id, 9);
  const raviClaim = await claim(toolbar.sqlAlias.id, people.ravi.id, 8);
  const sofiaClaim = await claim(toolbar.lazyContext.id, people.sofia.id, 12);

  type PullSeed = {
    owner: string;
    repo: string;
    number: number;
    title: string;
    body: string;
    author: string;
    state: "open" | "closed" | "merged";
    draft?: boolean;
    reviewState: string;
    reviewCount: number;
    additions: number;
    deletions: number;
    changedFiles: number;
    openedDaysAgo: number;
    activityDaysAgo: number;
  };
  const pull = (seed: PullSeed) =>
    db.pullRequest.create({
      data: {
        owner: seed.owner,
        repo: seed.repo,
        number: seed.number,
        url: `https://github.com/${seed.owner}/${seed.repo}/pull/${seed.number}`,
        title: seed.title,
        body: seed.body,
        authorLogin: seed.author,
        state: seed.state,
        draft: seed.draft ?? false,
        reviewState: seed.reviewState,
        reviewCount: seed.reviewCount,
        additions: seed.additions,
        deletions: seed.deletions,
        changedFiles: seed.changedFiles,
        openedAt: ago(seed.openedDaysAgo),
        lastActivityAt: ago(seed.activityDaysAgo),
        mergedAt: seed.state === "merged" ? ago(seed.activityDaysAgo) : null,
        closedAt: seed.state !== "open" ? ago(seed.activityDaysAgo) : null,
        lastSyncedAt: ago(0, 1),
      },
    });
  const link = (
    pullRequestId: string,
    personId: string,
    claimId: string,
    starterIssueId: string,
    daysAgo: number,
    explanation: string,
    ai: { disclosure: string; tools?: string; verification?: string },
    preReview?: { by: string; comment: string; daysAgo: number },
  ) =>
    db.linkedPullRequest.create({
      data: {
        cohortId,
        pullRequestId,
        personId,
        claimId,
        starterIssueId,
        linkedAt: ago(daysAgo),
        explanation,
        aiDisclosure: ai.disclosure,
        aiTools: ai.tools ?? "",
        aiVerification: ai.verification ?? "",
        preReviewedAt: preReview ? ago(preReview.daysAgo) : null,
        preReviewedById: preReview?.by ?? null,
        preReviewComment: preReview?.comment ?? null,
      },
    });

  const merged = await pull({
    owner: "django",
    repo: "django",
    number: 18823,
    title: "Fixed #35890 -- Documented that bulk_create() ignores db_default on SQLite.",
    body: "ticket-35890",
    author: people.mei.login,
    state: "merged",
    reviewState: "approved",
    reviewCount: 2,
    additions: 14,
    deletions: 2,
    changedFiles: 1,
    openedDaysAgo: 11,
    activityDaysAgo: 4,
  });
  await link(
    merged.id,
    people.mei.id,
    meiDocs.id,
    django.bulkCreate.id,
    11,
    "SQLite cannot use `DEFAULT` in a multi-row `INSERT`, so `bulk_create()` silently falls back to the Python-side default. I added a note to the `bulk_create()` caveats and a cross-reference from the `db_default` field option, after checking the behaviour with a small test project on SQLite and PostgreSQL.",
    { disclosure: "none" },
    {
      by: people.ana.id,
      comment:
        "Read the rendered docs locally; wording is clear and the cross-reference works. Ready for the Fellows.",
      daysAgo: 9,
    },
  );
  const changes = await pull({
    owner: "django",
    repo: "django",
    number: 18901,
    title: "Fixed #36012 -- Added a system check for invalid list_display_links.",
    body: "ticket-36012",
    author: people.mei.login,
    state: "open",
    reviewState: "changes_requested",
    reviewCount: 1,
    additions: 58,
    deletions: 4,
    changedFiles: 3,
    openedDaysAgo: 4,
    activityDaysAgo: 1,
  });
  await link(
    changes.id,
    people.mei.id,
    meiCheck.id,
    django.listDisplayLinks.id,
    4,
    "The admin accepted `list_display_links` entries that are not in `list_display` and only failed when rendering the changelist. The new check `admin.E111` reports them at startup; I added tests for a missing field, a callable and the `None` case.",
    {
      disclosure: "assisted",
      tools: "GitHub Copilot (autocomplete)",
      verification:
        "Wrote the check myself; Copilot suggested test names. I ran the admin_checks test suite and read every changed line.",
    },
  );
  const draft = await pull({
    owner: "django",
    repo: "django",
    number: 18870,
    title: "Fixed #35944 -- Improved the error for migrations referencing a swapped model.",
    body: "ticket-35944 (work in progress)",
    author: people.diego.login,
    state: "open",
    draft: true,
    reviewState: "none",
    reviewCount: 0,
    additions: 36,
    deletions: 9,
    changedFiles: 2,
    openedDaysAgo: 3,
    activityDaysAgo: 2,
  });
  await link(
    draft.id,
    people.diego.id,
    diegoClaim.id,
    django.swappedModel.id,
    3,
    "When a migration depends on a model that was swapped out, Django raised a bare `LookupError`. The message now names the swappable setting and the migration, so people know to add a dependency on `settings.AUTH_USER_MODEL`. Still a draft: tests for the custom-user case are missing.",
    { disclosure: "none" },
  );
  const approved = await pull({
    owner: "wagtail",
    repo: "wagtail",
    number: 12560,
    title: "Add an accessible label to the page chooser search input",
    body: "Fixes #12345",
    author: people.chloe.login,
    state: "open",
    reviewState: "approved",
    reviewCount: 2,
    additions: 12,
    deletions: 3,
    changedFiles: 2,
    openedDaysAgo: 7,
    activityDaysAgo: 1,
  });
  await link(
    approved.id,
    people.chloe.id,
    chloeClaim.id,
    wagtail.chooserLabel.id,
    7,
    "Screen readers announced the page chooser's search box only as “edit text”. I gave the input a visible-to-assistive-tech label using the existing translation string and checked it with VoiceOver and the axe browser extension.",
    { disclosure: "none" },
  );
  const large = await pull({
    owner: "wagtail",
    repo: "wagtail",
    number: 12588,
    title: "Keep snippet listing filters when changing the sort order",
    body: "Fixes #12410",
    author: people.yusuf.login,
    state: "open",
    reviewState: "none",
    reviewCount: 0,
    additions: 512,
    deletions: 131,
    changedFiles: 14,
    openedDaysAgo: 2,
    activityDaysAgo: 0,
  });
  await link(
    large.id,
    people.yusuf.id,
    yusufClaim.id,
    wagtail.snippetSort.id,
    2,
    "Sorting the snippet listing rebuilt the URL from scratch and dropped the filter parameters. I moved the query-string handling into one helper shared by the sort links and the filters, and refactored the listing templates to use it.",
    {
      disclosure: "assisted",
      tools: "ChatGPT",
      verification:
        "Asked ChatGPT how Django's QueryDict.urlencode handles lists; wrote the helper myself and ran the snippets tests.",
    },
  );
  const open = await pull({
    owner: "django-commons",
    repo: "django-debug-toolbar",
    number: 2061,
    title: "Show the database alias in the SQL panel",
    body: "Closes django-commons/django-debug-toolbar#1987",
    author: people.ravi.login,
    state: "open",
    reviewState: "commented",
    reviewCount: 1,
    additions: 22,
    deletions: 5,
    changedFiles: 3,
    openedDaysAgo: 5,
    activityDaysAgo: 2,
  });
  await link(
    open.id,
    people.ravi.id,
    raviClaim.id,
    toolbar.sqlAlias.id,
    5,
    "Projects with several databases could not tell which connection ran a query. The alias was already recorded per query, so I show it as a small label next to the timing, only when more than one alias appears in the request.",
    { disclosure: "none" },
  );
  const closed = await pull({
    owner: "django-commons",
    repo: "django-debug-toolbar",
    number: 2058,
    title: "Force lazy strings in the templates panel context",
    body: "Fixes #2011",
    author: people.sofia.login,
    state: "closed",
    reviewState: "changes_requested",
    reviewCount: 1,
    additions: 8,
    deletions: 1,
    changedFiles: 1,
    openedDaysAgo: 9,
    activityDaysAgo: 6,
  });
  await link(
    closed.id,
    people.sofia.id,
    sofiaClaim.id,
    toolbar.lazyContext.id,
    9,
    "Calling `str()` on every context value broke lazy objects that are not strings. The maintainers preferred handling it where the context is serialised, so I closed this one and am preparing a new pull request.",
    {
      disclosure: "mostly_generated",
      tools: "Claude",
      verification:
        "The first version was generated; I reproduced the bug, read the panel code and rewrote the fix after review.",
    },
  );

  // Two earlier sync runs for the organizers' sync page.
  await db.syncRun.create({
    data: {
      trigger: "schedule",
      status: "succeeded",
      startedAt: ago(0, 1),
      finishedAt: new Date(ago(0, 1).getTime() + 9_000),
      requests: 19,
      notModified: 16,
      changes: 2,
      errors: 0,
      progress: "Done: 7 pull requests checked.",
    },
  });
  await db.syncRun.create({
    data: {
      trigger: "schedule",
      status: "partial",
      // the latest run: the sync page lists its problem under "Problems in the last run"
      startedAt: ago(0, 0.5),
      finishedAt: new Date(ago(0, 0.5).getTime() + 12_000),
      requests: 21,
      notModified: 15,
      changes: 1,
      errors: 1,
      progress: "Finished with 1 error; what could not be read was left as it was.",
      errorLog: "Trac (https://code.djangoproject.com): Trac answered 502.",
    },
  });
}
