// Demo: what each cohort's public page says beyond its dates and projects — who can
// apply, the weekly time commitment, when decisions come — and a short FAQ.
import type { Db } from "../../app/utils/db.server";
import { DAY_MS } from "../../app/utils/time";
import type { FoundationSeed } from "./foundation";

const WHO_CAN_APPLY = `People who already program and want to start contributing to open source:

- you have written some Python and used git, even only for your own projects;
- you have **not** had a pull request merged into Django, Wagtail or the Debug Toolbar yet;
- you can meet your team once a week during the session.

Everyone is welcome; we especially encourage people from groups under-represented in open source to apply.`;

const TIME = `Most of the time goes into your own work on a starter issue: reading code, asking questions,
writing and revising a pull request. Add a weekly one-hour team call with your navigator and a short written reflection.`;

const FAQ: [string, string][] = [
  [
    "Do I need to know Django already?",
    "No. You need to be comfortable with Python and git; your navigator helps you find your way around the project's code.",
  ],
  [
    "What if I can only give fewer hours some weeks?",
    "Tell your navigator early. A quieter week is fine; the application asks about your other commitments so teams can be formed realistically.",
  ],
  ["Does it cost anything?", "No. The program is run by volunteers and free for participants."],
  [
    "May I use AI tools?",
    "Each project has its own policy, shown on the application form. Always say in your pull request what the tool did.",
  ],
];

export async function seedPublicPages(db: Db, foundation: FoundationSeed): Promise<void> {
  const { finished, running, upcoming } = foundation.cohorts;
  await db.cohort.update({ where: { id: finished.id }, data: { weeklyHours: 6 } });
  for (const cohort of [finished, running, upcoming]) {
    await db.cohortPublicPage.create({
      data: {
        cohortId: cohort.id,
        whoCanApply: WHO_CAN_APPLY,
        timeCommitment: TIME,
        decisionsBy: new Date(cohort.startsOn.getTime() - 21 * DAY_MS),
      },
    });
    await db.cohortFaqItem.createMany({
      data: FAQ.map(([question, answer], i) => ({ cohortId: cohort.id, position: i + 1, question, answer })),
    });
  }
}
