// Demo surveys. Session 5 (week 3 of 6) runs the weekly pulse "I feel welcome in
// the community": everyone answered in week 1, all but Lucas in week 2, and two
// people so far this week (hidden in the results until a third answers). Session 4
// (finished) answered its end-of-cohort survey, free text included.
import type { Db } from "../../app/utils/db.server";
import {
  DEFAULT_END_QUESTIONS,
  END_TITLE,
  endSurveyClosesAt,
  pulseTitle,
  pulseWindow,
} from "../../app/surveys/rules";
import { cohortEndsAt } from "../../app/cohorts/phase";
import { DAY_MS } from "../../app/utils/time";
import type { FoundationSeed } from "./foundation";

const WELCOME = "I feel welcome in the community";

export async function seedSurveys(db: Db, f: FoundationSeed): Promise<void> {
  const { running, finished } = f.cohorts;
  const { people: p, teams } = f;
  type Who = keyof typeof p;
  const teamOf: Partial<Record<Who, string>> = {};
  for (const who of ["mei", "diego", "fatima", "oliver"] as Who[]) teamOf[who] = teams.pegasus.id;
  for (const who of ["chloe", "yusuf", "hannah"] as Who[]) teamOf[who] = teams.andromeda.id;
  for (const who of ["ravi", "sofia", "lucas"] as Who[]) teamOf[who] = teams.orion.id;
  for (const who of ["sam", "ana", "jonas"] as Who[]) teamOf[who] = teams.vega.id;

  await db.pulseSetting.create({
    data: { cohortId: running.id, enabled: true, questionType: "likert", question: WELCOME },
  });
  const weeks: Record<number, [Who, number][]> = {
    1: [
      ["mei", 4],
      ["diego", 3],
      ["fatima", 4],
      ["oliver", 5],
      ["chloe", 5],
      ["yusuf", 4],
      ["hannah", 3],
      ["ravi", 2],
      ["sofia", 4],
      ["lucas", 4],
    ],
    2: [
      ["mei", 4],
      ["diego", 2],
      ["fatima", 5],
      ["oliver", 4],
      ["chloe", 5],
      ["yusuf", 4],
      ["hannah", 4],
      ["ravi", 3],
      ["sofia", 5],
    ],
    3: [
      ["diego", 3],
      ["chloe", 5],
    ],
  };
  for (const [week, answers] of Object.entries(weeks).map(([w, a]) => [Number(w), a] as const)) {
    const window = pulseWindow(running, week);
    await db.survey.create({
      data: {
        cohortId: running.id,
        kind: "pulse",
        week,
        title: pulseTitle(week),
        questions: JSON.stringify([{ key: "pulse", type: "likert", label: WELCOME }]),
        sentAt: window.opensAt,
        closesAt: window.closesAt,
        responses: {
          create: answers.map(([who, value], i) => ({
            personId: p[who].id,
            teamId: teamOf[who] ?? null,
            answers: JSON.stringify({ pulse: String(value) }),
            submittedAt: new Date(window.opensAt.getTime() + (1 + (i % 5)) * DAY_MS),
          })),
        },
      },
    });
  }

  // Session 4: opened on its last day, answered by all three participants, now closed.
  const sentAt = new Date(cohortEndsAt(finished).getTime() - DAY_MS);
  const end: [Who, number[], string][] = [
    ["sam", [5, 5, 4, 5], "More **pairing sessions** early on — the first week felt slow."],
    ["ana", [4, 4, 4, 5], "A shared list of tickets that are *really* still open."],
    ["jonas", [5, 3, 4, 4], ""],
  ];
  const likert = DEFAULT_END_QUESTIONS.filter((q) => q.type === "likert");
  const text = DEFAULT_END_QUESTIONS.find((q) => q.type === "text")!;
  await db.survey.create({
    data: {
      cohortId: finished.id,
      kind: "end",
      week: 0,
      title: END_TITLE,
      questions: JSON.stringify(DEFAULT_END_QUESTIONS),
      sentAt,
      closesAt: endSurveyClosesAt(finished, sentAt),
      responses: {
        create: end.map(([who, scores, comment], i) => ({
          personId: p[who].id,
          teamId: teamOf[who] ?? null,
          answers: JSON.stringify({
            ...Object.fromEntries(likert.map((q, k) => [q.key, String(scores[k])])),
            ...(comment ? { [text.key]: comment } : {}),
          }),
          submittedAt: new Date(sentAt.getTime() + (i + 1) * DAY_MS),
        })),
      },
    },
  });
}
