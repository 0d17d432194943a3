// Per-role access to evaluations (and, below, officer calls and surveys). A
// participant's evaluation of their navigator is for the organizers and its author
// only: the navigator sees aggregates on the evaluations page, never the evaluation.
import { beforeAll, describe } from "vitest";
import { db } from "~/utils/db.server";
import { DEFAULT_NAVIGATOR_QUESTIONS, DEFAULT_PARTICIPANT_QUESTIONS } from "~/evaluations/rules";
import { accessTable, type AccessRow } from "./table";
import { buildWorld, SIGNED_IN, type World } from "./world";

let world: World;
let roundId: string;
let aboutNavigatorId: string;
let aboutParticipantId: string;
let officerApplicationId: string;
let surveyId: string;

beforeAll(async () => {
  world = await buildWorld("running");
  const { cohort, people, teamA } = world;
  const round = await db.evaluationRound.create({
    data: {
      cohortId: cohort.id,
      title: "Midpoint evaluation",
      afterWeek: 3,
      participantQuestions: JSON.stringify(DEFAULT_PARTICIPANT_QUESTIONS),
      navigatorQuestions: JSON.stringify(DEFAULT_NAVIGATOR_QUESTIONS),
    },
  });
  roundId = round.id;
  aboutNavigatorId = (
    await db.evaluationResponse.create({
      data: {
        roundId,
        cohortId: cohort.id,
        authorId: people.participant.id,
        direction: "participant",
        subjectId: people.navigator.id,
        teamId: teamA.id,
        answers: "{}",
        status: "submitted",
        submittedAt: new Date(),
      },
    })
  ).id;
  surveyId = (
    await db.survey.create({
      data: {
        cohortId: cohort.id,
        kind: "end",
        title: "End-of-cohort survey",
        questions: JSON.stringify([{ key: "welcome", type: "likert", label: "I feel welcome" }]),
        sentAt: new Date(Date.now() - 86_400_000),
        closesAt: new Date(Date.now() + 10 * 86_400_000),
      },
    })
  ).id;
  const call = await db.officerCall.create({
    data: {
      cohortId: cohort.id,
      opensAt: new Date(Date.now() - 86_400_000),
      closesAt: new Date(Date.now() + 10 * 86_400_000),
    },
  });
  officerApplicationId = (
    await db.officerApplication.create({
      data: {
        callId: call.id,
        cohortId: cohort.id,
        personId: people.applicant.id,
        role: "captain",
        hoursPerWeek: 6,
      },
    })
  ).id;
  aboutParticipantId = (
    await db.evaluationResponse.create({
      data: {
        roundId,
        cohortId: cohort.id,
        authorId: people.navigator.id,
        direction: "navigator",
        subjectId: people.participant.id,
        teamId: teamA.id,
        answers: "{}",
        status: "submitted",
        submittedAt: new Date(),
      },
    })
  ).id;
});

const slug = (w: World) => ({ slug: w.cohort.slug });
const ORGANIZERS = ["admin", "organizer"] as const;

const rows: AccessRow[] = [
  {
    name: "evaluations page",
    module: () => import("~/routes/cohorts.$slug.evaluations._index"),
    path: (w) => `/cohorts/${w.cohort.slug}/evaluations`,
    params: slug,
    allowed: [...ORGANIZERS, "navigator", "otherNavigator", "participant", "otherParticipant"],
  },
  {
    name: "change an evaluation round",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.evaluations._index"),
    path: (w) => `/cohorts/${w.cohort.slug}/evaluations`,
    params: slug,
    form: () => ({
      roundId,
      title: "Midpoint evaluation",
      afterWeek: "3",
      participantQuestions: "scale: My team works well together",
      navigatorQuestions: "scale: Engagement",
    }),
    allowed: ORGANIZERS,
  },
  {
    name: "write the midpoint evaluation (participant's form)",
    module: () => import("~/routes/cohorts.$slug.evaluations.$round"),
    path: (w) => `/cohorts/${w.cohort.slug}/evaluations/${roundId}`,
    params: (w) => ({ slug: w.cohort.slug, round: roundId }),
    // navigators reach it with ?about=<participant>; without it they are asked to choose (404)
    allowed: ["navigator", "otherNavigator", "participant", "otherParticipant"],
  },
  {
    name: "save a draft evaluation",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.evaluations.$round"),
    path: (w) => `/cohorts/${w.cohort.slug}/evaluations/${roundId}?about=participant`,
    params: (w) => ({ slug: w.cohort.slug, round: roundId }),
    form: () => ({ intent: "draft" }),
    // only the participant's own navigator evaluates them
    allowed: ["navigator"],
  },
  {
    name: "read a participant's evaluation of their navigator (never the navigator)",
    module: () => import("~/routes/cohorts.$slug.evaluations.responses.$id"),
    path: (w) => `/cohorts/${w.cohort.slug}/evaluations/responses/${aboutNavigatorId}`,
    params: (w) => ({ slug: w.cohort.slug, id: aboutNavigatorId }),
    allowed: [...ORGANIZERS, "participant"],
    dual: false, // the author only; dual is a teammate
  },
  {
    name: "read a navigator's evaluation of a participant, not shared",
    module: () => import("~/routes/cohorts.$slug.evaluations.responses.$id"),
    path: (w) => `/cohorts/${w.cohort.slug}/evaluations/responses/${aboutParticipantId}`,
    params: (w) => ({ slug: w.cohort.slug, id: aboutParticipantId }),
    allowed: [...ORGANIZERS, "navigator"],
  },
  {
    name: "share an evaluation with the participant",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.evaluations.responses.$id"),
    path: (w) => `/cohorts/${w.cohort.slug}/evaluations/responses/${aboutParticipantId}`,
    params: (w) => ({ slug: w.cohort.slug, id: aboutParticipantId }),
    form: () => ({ intent: "unshare" }),
    allowed: ORGANIZERS,
  },
  {
    name: "volunteer as a navigator or captain",
    module: () => import("~/routes/cohorts.$slug.volunteer"),
    path: (w) => `/cohorts/${w.cohort.slug}/volunteer`,
    params: slug,
    allowed: SIGNED_IN,
  },
  {
    name: "apply as a navigator or captain",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.volunteer"),
    path: (w) => `/cohorts/${w.cohort.slug}/volunteer`,
    params: slug,
    form: () => ({ role: "captain", hoursPerWeek: "-1" }),
    allowed: SIGNED_IN,
  },
  {
    name: "navigator and captain applications",
    module: () => import("~/routes/cohorts.$slug.officers._index"),
    path: (w) => `/cohorts/${w.cohort.slug}/officers`,
    params: slug,
    allowed: ORGANIZERS,
  },
  {
    name: "invite alumni to volunteer",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.officers._index"),
    path: (w) => `/cohorts/${w.cohort.slug}/officers`,
    params: slug,
    form: () => ({ intent: "invite" }),
    allowed: ORGANIZERS,
  },
  {
    name: "one volunteer's application",
    module: () => import("~/routes/cohorts.$slug.officers.$id"),
    path: (w) => `/cohorts/${w.cohort.slug}/officers/${officerApplicationId}`,
    params: (w) => ({ slug: w.cohort.slug, id: officerApplicationId }),
    allowed: ORGANIZERS,
  },
  {
    name: "review a volunteer's application",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.officers.$id"),
    path: (w) => `/cohorts/${w.cohort.slug}/officers/${officerApplicationId}`,
    params: (w) => ({ slug: w.cohort.slug, id: officerApplicationId }),
    form: () => ({ intent: "review", version: "999", status: "applied" }),
    allowed: ORGANIZERS,
  },
  {
    name: "surveys (pulse and end-of-cohort survey, with previews)",
    module: () => import("~/routes/cohorts.$slug.surveys._index"),
    path: (w) => `/cohorts/${w.cohort.slug}/surveys`,
    params: slug,
    allowed: ORGANIZERS,
  },
  {
    name: "switch the weekly pulse on",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.surveys._index"),
    path: (w) => `/cohorts/${w.cohort.slug}/surveys`,
    params: slug,
    form: () => ({ intent: "pulse-save", questionType: "likert", question: "" }),
    allowed: ORGANIZERS,
  },
  {
    name: "answer a survey",
    module: () => import("~/routes/cohorts.$slug.surveys.$id"),
    path: (w) => `/cohorts/${w.cohort.slug}/surveys/${surveyId}`,
    params: (w) => ({ slug: w.cohort.slug, id: surveyId }),
    allowed: ["participant", "otherParticipant"],
  },
  {
    name: "send an answer to a survey",
    method: "POST",
    module: () => import("~/routes/cohorts.$slug.surveys.$id"),
    path: (w) => `/cohorts/${w.cohort.slug}/surveys/${surveyId}`,
    params: (w) => ({ slug: w.cohort.slug, id: surveyId }),
    form: () => ({ "q-welcome": "9" }),
    allowed: ["participant", "otherParticipant"],
  },
  {
    // free-text answers are on this page: organizers only, not navigators
    name: "survey results",
    module: () => import("~/routes/cohorts.$slug.surveys.results"),
    path: (w) => `/cohorts/${w.cohort.slug}/surveys/results`,
    params: slug,
    allowed: ORGANIZERS,
  },
  {
    name: "survey results CSV",
    module: () => import("~/routes/cohorts.$slug.surveys.results[.]csv"),
    path: (w) => `/cohorts/${w.cohort.slug}/surveys/results.csv`,
    params: slug,
    allowed: ORGANIZERS,
  },
];

describe("evaluations and volunteer calls by role", () => accessTable(rows, () => world));
