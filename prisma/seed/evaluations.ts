// Demo evaluations. Session 5 (week 3 of 6): the midpoint evaluation is due at the
// end of this week — two participants submitted (Diego would like to talk to an
// organizer), Ana has a draft about Mei. Session 4 (finished): the midpoint answered
// by its participants, the final round both ways, so Kwame sees the average of his
// three participants.
import type { Db } from "../../app/utils/db.server";
import { DEFAULT_NAVIGATOR_QUESTIONS, DEFAULT_PARTICIPANT_QUESTIONS } from "../../app/evaluations/rules";
import { DAY_MS } from "../../app/utils/time";
import type { FoundationSeed } from "./foundation";

const P = JSON.stringify(DEFAULT_PARTICIPANT_QUESTIONS);
const N = JSON.stringify(DEFAULT_NAVIGATOR_QUESTIONS);

export async function seedEvaluations(db: Db, f: FoundationSeed): Promise<void> {
  const { running, finished } = f.cohorts;
  const { people: p, teams } = f;
  const at = (cohort: { startsOn: Date }, dayOffset: number) =>
    new Date(cohort.startsOn.getTime() + dayOffset * DAY_MS);

  const runMid = await db.evaluationRound.create({
    data: {
      cohortId: running.id,
      title: "Midpoint evaluation",
      afterWeek: 3,
      participantQuestions: P,
      navigatorQuestions: N,
    },
  });
  await db.evaluationRound.create({
    data: {
      cohortId: running.id,
      title: "Final evaluation",
      afterWeek: running.weeks,
      participantQuestions: P,
      navigatorQuestions: N,
    },
  });
  const answer = (team: number, navigator: number, learning: number, comment: string) =>
    JSON.stringify({ team: String(team), navigator: String(navigator), learning: String(learning), comment });
  await db.evaluationResponse.create({
    data: {
      roundId: runMid.id,
      cohortId: running.id,
      authorId: p.diego.id,
      direction: "participant",
      subjectId: p.ana.id,
      teamId: teams.pegasus.id,
      answers: answer(
        3,
        4,
        2,
        "Ana's pointers are great. I keep losing days on tickets that are already fixed — I would like to talk about picking better ones.",
      ),
      status: "submitted",
      submittedAt: at(running, 15.2),
      wantsToTalk: true,
      lowestScore: 2,
    },
  });
  await db.evaluationResponse.create({
    data: {
      roundId: runMid.id,
      cohortId: running.id,
      authorId: p.chloe.id,
      direction: "participant",
      subjectId: p.kwame.id,
      teamId: teams.andromeda.id,
      answers: answer(
        5,
        5,
        4,
        "Kwame's weekly call is the best hour of my week. Keep the live code reviews!",
      ),
      status: "submitted",
      submittedAt: at(running, 15.6),
      lowestScore: 4,
    },
  });
  await db.evaluationResponse.create({
    data: {
      roundId: runMid.id,
      cohortId: running.id,
      authorId: p.ana.id,
      direction: "navigator",
      subjectId: p.mei.id,
      teamId: teams.pegasus.id,
      answers: JSON.stringify({
        engagement: "5",
        comment: "Mei writes the test first and asks precise questions.",
      }),
      status: "draft",
      lowestScore: 5,
    },
  });

  // Session 4: both rounds, the midpoint answered by its participants, the final one both ways.
  const finMid = await db.evaluationRound.create({
    data: {
      cohortId: finished.id,
      title: "Midpoint evaluation",
      afterWeek: 3,
      participantQuestions: P,
      navigatorQuestions: N,
    },
  });
  const finFinal = await db.evaluationRound.create({
    data: {
      cohortId: finished.id,
      title: "Final evaluation",
      afterWeek: finished.weeks,
      participantQuestions: P,
      navigatorQuestions: N,
    },
  });
  const midpoints: [keyof typeof p, number, number, number, string][] = [
    ["sam", 4, 4, 3, "Still finding my way around the ORM; the weekly call helps."],
    ["ana", 4, 5, 4, "Kwame answers within the hour, every time."],
    ["jonas", 3, 4, 4, "We could review each other's PRs more."],
  ];
  for (const [who, team, nav, learning, comment] of midpoints) {
    await db.evaluationResponse.create({
      data: {
        roundId: finMid.id,
        cohortId: finished.id,
        authorId: p[who].id,
        direction: "participant",
        subjectId: p.kwame.id,
        teamId: teams.vega.id,
        answers: answer(team, nav, learning, comment),
        status: "submitted",
        submittedAt: at(finished, 19),
        lowestScore: Math.min(team, nav, learning),
      },
    });
  }
  const finals: [keyof typeof p, number, number, number, string][] = [
    ["sam", 5, 5, 5, "I merged my first Django PR. Kwame made review feel safe."],
    ["ana", 4, 5, 4, "Great pacing. More pairing sessions would help."],
    ["jonas", 4, 4, 5, "Learned the ORM internals far better than I expected."],
  ];
  for (const [who, team, nav, learning, comment] of finals) {
    await db.evaluationResponse.create({
      data: {
        roundId: finFinal.id,
        cohortId: finished.id,
        authorId: p[who].id,
        direction: "participant",
        subjectId: p.kwame.id,
        teamId: teams.vega.id,
        answers: answer(team, nav, learning, comment),
        status: "submitted",
        submittedAt: at(finished, 55),
        lowestScore: Math.min(team, nav, learning),
      },
    });
    await db.evaluationResponse.create({
      data: {
        roundId: finFinal.id,
        cohortId: finished.id,
        authorId: p.kwame.id,
        direction: "navigator",
        subjectId: p[who].id,
        teamId: teams.vega.id,
        answers: JSON.stringify({
          engagement: "5",
          progress: who === "ana" ? "4" : "5",
          comment: `${p[who].name} finished strong and helped the others.`,
        }),
        status: "submitted",
        submittedAt: at(finished, 56),
        lowestScore: who === "ana" ? 4 : 5,
        sharedAt: who === "sam" ? at(finished, 60) : null,
      },
    });
  }
}
