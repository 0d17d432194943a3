// A cohort in review at the size of a big program: 3,000 applications (2,900
// submitted, 100 withdrawn) with answers to 6 questions, project preferences and
// availability, a rubric of 6 criteria and 5 reviewers who each scored 60% of them.
import type { Db } from "../../app/utils/db.server";
import { inChunks, session } from "./pages";

const DAY = 24 * 60 * 60 * 1000;
export const APPLICATIONS = 3_000;
export const REVIEWERS = 5;
export const CRITERIA = 6;

export async function buildReviewCohort(db: Db, slug = "review", size = APPLICATIONS) {
  const now = Date.now();
  const projects = await Promise.all(
    ["Django", "djangoproject.com", "Wagtail"].map((name, i) => db.project.create({ data: { slug: `${slug}-project-${i}`, name } })),
  );
  const cohort = await db.cohort.create({
    data: {
      slug, name: "Big Review", publishedAt: new Date(now - 60 * DAY), applicationsOpenAt: new Date(now - 50 * DAY),
      applicationsCloseAt: new Date(now - 5 * DAY), startsOn: new Date(now + 30 * DAY), weeks: 6,
      projects: { create: projects.map((p) => ({ projectId: p.id })) },
    },
  });
  const questions = [
    { type: "short_text", label: "Where are you based?" },
    { type: "long_text", label: "Why do you want to join?" },
    { type: "long_text", label: "Tell us about something you built." },
    { type: "single_choice", label: "How much Python have you written?", options: JSON.stringify(["A little", "Some", "A lot"]) },
    { type: "url", label: "A link to your code" },
    { type: "yes_no", label: "Do you need accessibility accommodations?", sensitive: true },
  ].map((q, position) => ({ id: `${slug}-q-${position}`, cohortId: cohort.id, position, ...q }));
  await db.applicationQuestion.createMany({ data: questions });
  const criteria = ["Motivation", "Experience", "Communication", "Availability", "Project fit", "Growth"].map((name, position) => ({
    id: `${slug}-c-${position}`, cohortId: cohort.id, position, name, description: `How strong is the applicant's ${name.toLowerCase()}?`, lowAnchor: "weak", highAnchor: "strong",
  }));
  await db.rubricCriterion.createMany({ data: criteria });

  const organizer = { id: `${slug}-org`, login: `${slug}-organizer`, name: "Rita Reviewlead" };
  const reviewers = Array.from({ length: REVIEWERS }, (_, r) => ({ id: `${slug}-rev-${r}`, login: `${slug}-reviewer-${r}`, name: `Reviewer ${r}` }));
  const applicants = Array.from({ length: size }, (_, i) => ({ id: `${slug}-a-${i}`, login: `${slug}-applicant-${i}`, name: `Applicant ${String(i).padStart(4, "0")}` }));
  await inChunks([organizer, ...reviewers, ...applicants], 500, (chunk) => db.person.createMany({ data: chunk.map((p) => ({ ...p, email: `${p.login}@example.org` })) }));
  await db.cohortMembership.createMany({
    data: [{ cohortId: cohort.id, personId: organizer.id, role: "organizer" }, ...reviewers.map((r) => ({ cohortId: cohort.id, personId: r.id, role: "reviewer" }))],
  });

  const applications: object[] = [];
  const answers: object[] = [];
  const preferences: object[] = [];
  const availabilities: object[] = [];
  const reviews: object[] = [];
  const scores: object[] = [];
  const pattern = (i: number) => Array.from({ length: 336 }, (_, s) => ((s + i) % 48 >= 36 && (s + i) % 48 < 44 ? "1" : "0")).join("");
  applicants.forEach((person, i) => {
    const id = `${slug}-app-${i}`;
    const withdrawn = i % 30 === 29;
    const submittedAt = new Date(now - 50 * DAY + i * 20 * 60_000);
    const decision = i % 10 === 0 ? "accepted" : i % 20 === 5 ? "waitlisted" : i % 20 === 7 ? "rejected" : "none";
    applications.push({
      id, cohortId: cohort.id, personId: person.id, status: withdrawn ? "withdrawn" : "submitted", submittedAt, withdrawnAt: withdrawn ? new Date(submittedAt.getTime() + DAY) : null,
      anyProject: i % 4 === 0, codeOfConductAcknowledgedAt: submittedAt, aiPolicyAcknowledgedAt: submittedAt,
      decision: withdrawn ? "none" : decision, decidedById: !withdrawn && decision !== "none" ? organizer.id : null, decidedAt: !withdrawn && decision !== "none" ? new Date(now - DAY) : null,
      waitlistRank: !withdrawn && decision === "waitlisted" ? i : null,
    });
    const values = [
      ["Lagos", "Berlin", "São Paulo", "Pune", "Toronto"][i % 5],
      `I have used Django at work for ${1 + (i % 6)} years and want to **give back**. I read the contributing guide and fixed a typo in the docs.`,
      "A small app that tracks the books our library lends, with tests and a CI pipeline. It taught me how to review code.",
      ["A little", "Some", "A lot"][i % 3],
      `https://github.com/${person.login}`,
      i % 9 === 0 ? "yes" : "no",
    ];
    questions.forEach((q, k) => answers.push({ id: `${id}-ans-${k}`, applicationId: id, questionId: q.id, value: values[k] }));
    if (i % 4 !== 0) [0, 1, 2].slice(0, 1 + (i % 3)).forEach((rank) => preferences.push({ applicationId: id, projectId: projects[(i + rank) % 3].id, rank: rank + 1 }));
    availabilities.push({ id: `${id}-av`, cohortId: cohort.id, personId: person.id, slots: pattern(i), timeZone: "UTC" });
    reviewers.forEach((reviewer, r) => {
      if ((i + r) % 5 >= 3) return;
      const reviewId = `${id}-rev-${r}`;
      const recused = (i + r) % 97 === 0;
      reviews.push({ id: reviewId, applicationId: id, reviewerId: reviewer.id, comment: recused ? "" : "Clear motivation, good first contribution.", recused, recusalReason: recused ? "I know them" : null, submittedAt: recused ? null : new Date(submittedAt.getTime() + 3 * DAY) });
      if (!recused) criteria.forEach((c, k) => scores.push({ id: `${reviewId}-${k}`, reviewId, criterionId: c.id, score: 1 + ((i * 7 + r * 3 + k) % 5), comment: k === 0 ? "Good." : "" }));
    });
  });
  await inChunks(applications, 500, (chunk) => db.application.createMany({ data: chunk as never }));
  await inChunks(answers, 1000, (chunk) => db.applicationAnswer.createMany({ data: chunk as never }));
  await inChunks(preferences, 1000, (chunk) => db.projectPreference.createMany({ data: chunk as never }));
  await inChunks(availabilities, 500, (chunk) => db.availability.createMany({ data: chunk as never }));
  await inChunks(reviews, 1000, (chunk) => db.review.createMany({ data: chunk as never }));
  await inChunks(scores, 2000, (chunk) => db.reviewScore.createMany({ data: chunk as never }));
  return {
    slug,
    counts: { applications: applications.length, answers: answers.length, reviews: reviews.length, scores: scores.length },
    /** an application reviewer 0 has scored (so the page shows the others' scores too) */
    scoredApplicationId: `${slug}-app-0`,
    reviewerCookie: await session(db, reviewers[0].id),
    organizerCookie: await session(db, organizer.id),
  };
}
