// Demo applications: session-6 (open) has a form, a rubric, 24 applications in
// every state with answers, preferences and availability, and reviews from Tom
// Nguyen, Inês Duarte and Ana Souza. Nadia Haddad has NO application, so the
// browser test can apply as her. Session-5's participants have accepted and
// confirmed applications with scores; session-4 (finished) has a few people
// who were not accepted, so an organizer can try the purge.
import { randomBytes } from "node:crypto";
import { localToUtc, setToSlots, SLOTS_PER_DAY } from "../../app/availability/slots";
import { aggregate } from "../../app/applications/scores";
import { noticeLink } from "../../app/notifications/links.server";
import type { Db } from "../../app/utils/db.server";
import { DAY_MS } from "../../app/utils/time";
import type { FoundationSeed } from "./foundation";

const QUESTIONS = [
  {
    type: "long_text",
    label: "Why do you want to join this cohort?",
    helpText: "A few sentences are enough. What do you hope to learn, and why now?",
    required: true,
  },
  {
    type: "long_text",
    label: "Tell us about something you built or fixed with Python",
    helpText: "A work project, a hobby script, a bug you chased down — anything counts.",
    required: true,
  },
  {
    type: "single_choice",
    label: "How much have you used Django?",
    helpText: "",
    required: true,
    options: ["Not yet", "I followed the tutorial", "I built a project with it", "I use it at work"],
  },
  {
    type: "multiple_choice",
    label: "Which of these have you done before?",
    helpText: "Tick all that apply; none is required.",
    required: false,
    options: [
      "Used git on the command line",
      "Opened a pull request",
      "Written automated tests",
      "Reviewed someone else's code",
      "Written documentation",
    ],
  },
  {
    type: "yes_no",
    label: "Can you give about five hours a week for the six weeks of the session?",
    helpText: "",
    required: true,
  },
  {
    type: "url",
    label: "Your GitHub profile or a project you are proud of",
    helpText: "Optional. A link starting with https://",
    required: false,
  },
  {
    type: "short_text",
    label: "Where are you based?",
    helpText: "City and country, so we know which time zones meet.",
    required: false,
  },
  {
    type: "long_text",
    label: "Anything about your circumstances you would like the organizers to know?",
    helpText:
      "For example accessibility needs, or whether you belong to a group under-represented in open source. Only organizers see this answer, never reviewers.",
    required: false,
    sensitive: true,
  },
] as const;

const RUBRIC = [
  {
    name: "Motivation",
    description: "Why this person, why now, why these projects.",
    lowAnchor: "Generic reasons that could fit any program.",
    highAnchor: "Specific, personal reasons tied to contributing long-term.",
  },
  {
    name: "Readiness",
    description: "Can they work in a large unfamiliar codebase with help?",
    lowAnchor: "Has not written Python beyond a tutorial yet.",
    highAnchor: "Comfortable reading unfamiliar code and writing tests.",
  },
  {
    name: "Commitment",
    description: "Time and availability for six weeks.",
    lowAnchor: "Unclear or very little time.",
    highAnchor: "Five or more hours a week and regular overlap with a team.",
  },
  {
    name: "Benefit from mentoring",
    description: "How much a navigator would change their path.",
    lowAnchor: "Would do as well without the program (or is already a regular contributor).",
    highAnchor: "A navigator would clearly unlock their first contributions.",
  },
] as const;

type Applicant = { name: string; login: string; timeZone: string; city: string };

const APPLICANTS: Applicant[] = [
  { name: "Aisha Bello", login: "aishabello", timeZone: "Africa/Lagos", city: "Abuja, Nigeria" },
  { name: "Bruno Costa", login: "brunocosta", timeZone: "Europe/Lisbon", city: "Porto, Portugal" },
  { name: "Carmen Vidal", login: "carmenvidal", timeZone: "Europe/Madrid", city: "Valencia, Spain" },
  { name: "Dmitri Volkov", login: "dvolkov", timeZone: "Europe/Berlin", city: "Leipzig, Germany" },
  { name: "Efua Asante", login: "efua-asante", timeZone: "Africa/Accra", city: "Accra, Ghana" },
  { name: "Farhan Ahmed", login: "farhanahmed", timeZone: "Asia/Dhaka", city: "Dhaka, Bangladesh" },
  { name: "Grace Liu", login: "graceliu", timeZone: "America/Toronto", city: "Toronto, Canada" },
  { name: "Hiro Tanaka", login: "hirotanaka", timeZone: "Asia/Tokyo", city: "Osaka, Japan" },
  { name: "Isabel Moreno", login: "isamoreno", timeZone: "America/Bogota", city: "Medellín, Colombia" },
  { name: "Jakub Nowak", login: "jnowak", timeZone: "Europe/Warsaw", city: "Kraków, Poland" },
  { name: "Kiran Shah", login: "kiranshah", timeZone: "Asia/Kolkata", city: "Pune, India" },
  { name: "Leila Nasser", login: "leilanasser", timeZone: "Asia/Amman", city: "Amman, Jordan" },
  {
    name: "Mateo Herrera",
    login: "mateoherrera",
    timeZone: "America/Argentina/Buenos_Aires",
    city: "Rosario, Argentina",
  },
  { name: "Nkechi Eze", login: "nkechieze", timeZone: "Europe/London", city: "Manchester, UK" },
  { name: "Omar Farouk", login: "omarfarouk", timeZone: "Africa/Cairo", city: "Alexandria, Egypt" },
  { name: "Paula Schmidt", login: "paulaschmidt", timeZone: "Europe/Vienna", city: "Graz, Austria" },
  { name: "Quentin Dubois", login: "qdubois", timeZone: "Europe/Paris", city: "Lyon, France" },
  {
    name: "Rosa Jiménez",
    login: "rosajimenez",
    timeZone: "America/Mexico_City",
    city: "Guadalajara, Mexico",
  },
  {
    name: "Sipho Dlamini",
    login: "siphodlamini",
    timeZone: "Africa/Johannesburg",
    city: "Durban, South Africa",
  },
  { name: "Tanvi Iyer", login: "tanvi-iyer", timeZone: "Asia/Kolkata", city: "Chennai, India" },
  { name: "Umar Sadiq", login: "umarsadiq", timeZone: "Asia/Karachi", city: "Lahore, Pakistan" },
  { name: "Valentina Cruz", login: "valecruz", timeZone: "America/Santiago", city: "Valparaíso, Chile" },
  { name: "Wei Zhang", login: "weizhang-py", timeZone: "Asia/Singapore", city: "Singapore" },
  { name: "Zeynep Aksoy", login: "zeynepaksoy", timeZone: "Europe/Istanbul", city: "Izmir, Turkey" },
];

const WHY = [
  "I have used Django at work for two years and keep finding small rough edges in the docs. I want to learn how to fix them properly upstream instead of working around them.",
  "I taught myself Python during lockdown and now maintain our school's timetable app. Contributing to a project I depend on every day feels like the right next step.",
  "I opened one pull request last year and got lost in the review. I want a navigator to show me how experienced contributors approach a ticket.",
  "Our team builds on Wagtail and I would love to give something back, especially around accessibility of the admin.",
  "I want to become a regular contributor, not a drive-by one, and a cohort with a team sounds like the way to build that habit.",
  "I mentor at a local Python meetup and want to understand the contribution process well enough to guide others through it.",
];
const BUILT = [
  "A small **inventory tracker** for my family's shop (Django + SQLite), with a CSV import that handles messy spreadsheets.",
  "I fixed a timezone bug in our billing job: invoices were dated a day early for customers east of UTC. I wrote tests for DST changes too.",
  "A Telegram bot that posts the day's bus delays, written with `httpx` and `asyncio`.",
  "I migrated an old Flask app to Django and wrote the data migration that moved 200k rows without downtime.",
  "A script that checks our docs for broken links and opens issues for them automatically.",
  "A plugin for a note-taking app that exports notes to Markdown; about 300 people use it.",
];
const DONE = [
  "Used git on the command line",
  "Opened a pull request",
  "Written automated tests",
  "Reviewed someone else's code",
  "Written documentation",
];
const DJANGO = ["Not yet", "I followed the tutorial", "I built a project with it", "I use it at work"];
const SENSITIVE = [
  "I am a wheelchair user; video calls are fine but please share notes after meetings.",
  "I would be the first woman from my university to contribute to Django, and I would like to mentor others afterwards.",
  "",
  "I care for a family member in the evenings, so weekend slots work best for me.",
];

/** Evenings on weekdays plus a weekend block, in the person's zone, varied by `i`. */
function typicalWeek(i: number, timeZone: string, at: Date): string {
  const local = new Set<number>();
  const startHour = 17 + (i % 4);
  for (let day = 0; day < 5; day++) {
    if ((day + i) % 5 === 4) continue;
    for (let h = startHour * 2; h < (startHour + 2 + (i % 2)) * 2; h++) local.add(day * SLOTS_PER_DAY + h);
  }
  const weekend = 5 + (i % 2);
  for (let h = (9 + (i % 3)) * 2; h < (13 + (i % 3)) * 2; h++) local.add(weekend * SLOTS_PER_DAY + h);
  return localToUtc(setToSlots(local), timeZone, at);
}

async function createForm(db: Db, cohortId: string) {
  const questions = [];
  for (const [i, q] of QUESTIONS.entries()) {
    questions.push(
      await db.applicationQuestion.create({
        data: {
          cohortId,
          position: i + 1,
          type: q.type,
          label: q.label,
          helpText: q.helpText,
          required: q.required,
          sensitive: "sensitive" in q ? q.sensitive : false,
          options: JSON.stringify("options" in q ? q.options : []),
        },
      }),
    );
  }
  const rubric = [];
  for (const [i, c] of RUBRIC.entries())
    rubric.push(await db.rubricCriterion.create({ data: { cohortId, position: i + 1, ...c } }));
  return { questions, rubric };
}

/** The hours a week applicant `i` says they can give. */
const hoursOf = (i: number) => 5 + (i % 5);

/** Their other commitments and the hours those take; a few leave too little room. */
const COMMITMENTS: [string, number][] = [
  ["Full-time job as a data analyst", 40],
  ["Final year of a computer science degree", 30],
  ["", 0],
  ["Part-time job at a bike shop and evening classes", 28],
  ["Caring for my father two days a week", 16],
  ["Full-time job and an Outreachy internship", 58],
  ["Teaching assistant, 20 hours", 20],
];

function answersFor(i: number, a: { city: string; login: string }, complete: boolean): string[] {
  const hours = hoursOf(i);
  const values = [
    WHY[i % WHY.length],
    BUILT[(i * 5) % BUILT.length],
    DJANGO[i % DJANGO.length],
    JSON.stringify(DONE.filter((_, k) => (i + k) % 3 !== 0)),
    hours >= 5 || i % 2 === 0 ? "yes" : "no",
    i % 3 === 0 ? "" : `https://github.com/${a.login}`,
    a.city,
    SENSITIVE[i % SENSITIVE.length],
  ];
  // drafts are half-filled
  return complete ? values : values.map((v, k) => (k < 3 ? v : ""));
}

export async function seedApplications(db: Db, foundation: FoundationSeed, now: Date): Promise<void> {
  const { people, projects, cohorts } = foundation;
  const projectList = [projects.django, projects.wagtail, projects.toolbar];
  const upcoming = cohorts.upcoming;
  const form6 = await createForm(db, upcoming.id);

  const applicants = [];
  let githubId = 9_200_000;
  for (const a of APPLICANTS) {
    applicants.push(
      await db.person.create({
        data: {
          login: a.login,
          name: a.name,
          email: `${a.login}@example.org`,
          timeZone: a.timeZone,
          githubId: githubId++,
          avatarUrl: `/avatars/${a.login}.svg`,
          isDemo: false,
        },
      }),
    );
  }

  // ── session-6: 17 submitted, 4 drafts, 3 withdrawn ──
  const reviewers = [people.tom, people.ines, people.ana];
  const submitted: { id: string; i: number }[] = [];
  for (const [i, person] of applicants.entries()) {
    const info = APPLICANTS[i];
    const status = i < 17 ? "submitted" : i < 21 ? "draft" : "withdrawn";
    const submittedAt =
      status === "draft"
        ? null
        : new Date(upcoming.applicationsOpenAt.getTime() + (1 + (i % 9)) * DAY_MS + i * 3_600_000);
    const anyProject = i % 6 === 5;
    const application = await db.application.create({
      data: {
        cohortId: upcoming.id,
        personId: person.id,
        status,
        anyProject,
        submittedAt,
        withdrawnAt: status === "withdrawn" ? new Date(now.getTime() - (i - 19) * DAY_MS) : null,
        codeOfConductAcknowledgedAt: status === "draft" ? null : submittedAt,
        aiPolicyAcknowledgedAt: status === "draft" ? null : submittedAt,
        createdAt: submittedAt ?? new Date(now.getTime() - 2 * DAY_MS),
      },
    });
    const answers = answersFor(i, info, status !== "draft");
    await db.applicationAnswer.createMany({
      data: form6.questions
        .map((q, k) => ({ applicationId: application.id, questionId: q.id, value: answers[k] }))
        .filter((x) => x.value !== "" && x.value !== "[]"),
    });
    const [commitments, commitmentHours] = COMMITMENTS[i % COMMITMENTS.length];
    await db.applicationCommitment.create({
      data: {
        applicationId: application.id,
        hoursPerWeek: status === "draft" && i % 2 ? null : hoursOf(i),
        commitments,
        commitmentHours: commitments || status !== "draft" ? commitmentHours : null,
      },
    });
    if (!anyProject) {
      const first = projectList[i % 3];
      const second = projectList[(i + 1) % 3];
      await db.projectPreference.createMany({
        data: [
          { applicationId: application.id, projectId: first.id, rank: 1 },
          ...(i % 2 === 0 ? [{ applicationId: application.id, projectId: second.id, rank: 2 }] : []),
        ],
      });
    }
    await db.availability.upsert({
      where: { cohortId_personId: { cohortId: upcoming.id, personId: person.id } },
      create: {
        cohortId: upcoming.id,
        personId: person.id,
        timeZone: info.timeZone,
        slots: typicalWeek(i, info.timeZone, upcoming.startsOn),
      },
      update: {},
    });
    if (status === "submitted") submitted.push({ id: application.id, i });
  }
  // Ana reviews too, and has her own availability so "shared with me" shows.
  await db.availability.upsert({
    where: { cohortId_personId: { cohortId: upcoming.id, personId: people.ana.id } },
    create: {
      cohortId: upcoming.id,
      personId: people.ana.id,
      timeZone: "America/Sao_Paulo",
      slots: typicalWeek(2, "America/Sao_Paulo", upcoming.startsOn),
    },
    update: {},
  });

  // Reviews: Tom scored 12, Inês 10 (and recused from one), Ana 3 — overlapping, so
  // means and spreads differ, and each still has unscored applications.
  const plan: [number, number[]][] = [
    [0, submitted.slice(0, 12).map((s) => s.i)],
    [1, submitted.slice(4, 14).map((s) => s.i)],
    [2, submitted.slice(2, 5).map((s) => s.i)],
  ];
  for (const [r, indices] of plan) {
    const reviewer = reviewers[r];
    for (const i of indices) {
      const app = submitted.find((s) => s.i === i)!;
      if (r === 1 && i === 13) {
        await db.review.create({
          data: {
            applicationId: app.id,
            reviewerId: reviewer.id,
            recused: true,
            recusalReason: "We worked at the same company last year.",
          },
        });
        continue;
      }
      const base = 2 + ((i * 7 + r * 3) % 4); // 2..5
      await db.review.create({
        data: {
          applicationId: app.id,
          reviewerId: reviewer.id,
          submittedAt: new Date(now.getTime() - (i % 5) * DAY_MS),
          comment:
            base >= 4
              ? "Thoughtful answers and a concrete example of debugging; I would love to see them on a team."
              : base === 3
                ? "Solid, though the motivation is a bit generic."
                : "Seems early for this cohort; maybe a beginner workshop first.",
          scores: {
            create: form6.rubric.map((c, k) => ({
              criterionId: c.id,
              score: Math.max(1, Math.min(5, base + ((k + i + r) % 3) - 1)),
              comment: k === 0 && base >= 4 ? "Clear, personal reasons." : "",
            })),
          },
        },
      });
    }
  }
  // Decisions in progress, not yet published: the organizer can still change and publish them.
  // The best-scored two accepted, the next two waitlisted, the lowest-scored one not accepted.
  const scored = await db.application.findMany({
    where: { cohortId: upcoming.id, status: "submitted" },
    select: {
      id: true,
      reviews: { select: { recused: true, submittedAt: true, scores: { select: { score: true } } } },
    },
  });
  const ranked = scored
    .map((a) => ({
      id: a.id,
      mean: aggregate(a.reviews.map((r) => ({ ...r, scores: r.scores.map((x) => x.score) }))).mean,
    }))
    .filter((a): a is { id: string; mean: number } => a.mean !== null)
    .sort((a, b) => b.mean - a.mean);
  const decided: [string, string][] = [
    [ranked[0].id, "accepted"],
    [ranked[1].id, "accepted"],
    [ranked[2].id, "waitlisted"],
    [ranked[3].id, "waitlisted"],
    [ranked[ranked.length - 1].id, "rejected"],
  ];
  let rank = 0;
  for (const [applicationId, decision] of decided) {
    await db.application.update({
      where: { id: applicationId },
      data: {
        decision,
        decidedById: people.lena.id,
        decidedAt: new Date(now.getTime() - DAY_MS),
        waitlistRank: decision === "waitlisted" ? ++rank : null,
        version: 1,
      },
    });
    await db.auditEntry.create({
      data: {
        actorId: people.lena.id,
        cohortId: upcoming.id,
        action: "decision.change",
        subjectType: "Application",
        subjectId: applicationId,
        fromValue: "none",
        toValue: decision,
        at: new Date(now.getTime() - DAY_MS),
      },
    });
  }

  // ── session-5 (running): its participants were accepted and confirmed ──
  const running = cohorts.running;
  const form5 = await createForm(db, running.id);
  // Each participant preferred the project their team works on, so the team form
  // shows no rule warnings for this cohort.
  const participants = await db.cohortMembership.findMany({
    where: { cohortId: running.id, role: "participant" },
    select: { personId: true, team: { select: { projectId: true } } },
  });
  for (const [i, m] of participants.entries()) {
    if (!m.personId) continue;
    const submittedAt = new Date(running.applicationsOpenAt.getTime() + (2 + i) * DAY_MS);
    const app = await db.application.create({
      data: {
        cohortId: running.id,
        personId: m.personId,
        status: "submitted",
        submittedAt,
        decision: "accepted",
        publishedDecision: "accepted",
        decidedById: people.lena.id,
        decidedAt: running.decisionsPublishedAt,
        codeOfConductAcknowledgedAt: submittedAt,
        aiPolicyAcknowledgedAt: submittedAt,
        version: 2,
        preferences: { create: [{ projectId: m.team?.projectId ?? projectList[i % 3].id, rank: 1 }] },
      },
    });
    const answers = answersFor(i + 3, { city: "", login: `participant${i}` }, true);
    await db.applicationAnswer.createMany({
      data: form5.questions
        .map((q, k) => ({ applicationId: app.id, questionId: q.id, value: answers[k] }))
        .filter((x) => x.value !== ""),
    });
    await db.review.create({
      data: {
        applicationId: app.id,
        reviewerId: people.lena.id,
        submittedAt: new Date(submittedAt.getTime() + 20 * DAY_MS),
        scores: { create: form5.rubric.map((c, k) => ({ criterionId: c.id, score: 3 + ((i + k) % 3) })) },
      },
    });
    const decided = running.decisionsPublishedAt ?? now;
    const offer = await db.offer.create({
      data: {
        applicationId: app.id,
        status: "confirmed",
        token: randomBytes(24).toString("base64url"),
        sentAt: decided,
        expiresAt: new Date(decided.getTime() + 7 * DAY_MS),
        respondedAt: new Date(decided.getTime() + 2 * DAY_MS),
      },
    });
    // What the outbox kept when those offers went out (no mail server in the demo).
    const person = await db.person.findUniqueOrThrow({
      where: { id: m.personId },
      select: { name: true, email: true },
    });
    await db.notice.create({
      data: {
        cohortId: running.id,
        personId: m.personId,
        toEmail: person.email,
        kind: "offer",
        status: "kept",
        createdAt: decided,
        dedupeKey: `offer:${offer.id}`,
        subject: `You are accepted to ${running.name}`,
        bodyText: `Hello ${person.name},\n\nWe are happy to offer you a place in ${running.name}.\n\nPlease confirm or decline within 7 days:\n${noticeLink(`/offers/${offer.token}`)}`,
      },
    });
  }

  // ── session-4 (finished): its alumni plus three people who were not accepted ──
  const finished = cohorts.finished;
  const form4 = await createForm(db, finished.id);
  const alumni = await db.cohortMembership.findMany({
    where: { cohortId: finished.id, role: "participant" },
    select: { personId: true },
  });
  const others = applicants.slice(0, 3);
  const everyone = [
    ...alumni.flatMap((m) => (m.personId ? [{ id: m.personId, accepted: true }] : [])),
    ...others.map((p) => ({ id: p.id, accepted: false })),
  ];
  for (const [i, p] of everyone.entries()) {
    const submittedAt = new Date(finished.applicationsOpenAt.getTime() + (3 + i) * DAY_MS);
    const app = await db.application.create({
      data: {
        cohortId: finished.id,
        personId: p.id,
        status: "submitted",
        submittedAt,
        decision: p.accepted ? "accepted" : i % 2 ? "rejected" : "waitlisted",
        publishedDecision: p.accepted ? "accepted" : i % 2 ? "rejected" : "waitlisted",
        decidedById: people.lena.id,
        decidedAt: finished.decisionsPublishedAt,
        version: 2,
      },
    });
    const answers = answersFor(i + 7, { city: "", login: `alum${i}` }, true);
    await db.applicationAnswer.createMany({
      data: form4.questions
        .map((q, k) => ({ applicationId: app.id, questionId: q.id, value: answers[k] }))
        .filter((x) => x.value !== ""),
    });
  }
}
