// The organizer's side of the application form: questions, rubric, and copying
// both from an earlier cohort.
import { recordAudit } from "~/cohorts/audit.server";
import { phaseOf, type NamedCohortDates, type Phase } from "~/cohorts/phase";
import { db, transaction, type Tx } from "~/utils/db.server";
import {
  parseOptions,
  type CriterionInput,
  type Question,
  type QuestionInput,
  type QuestionType,
} from "./questions";

export type Criterion = {
  id: string;
  position: number;
  name: string;
  description: string;
  lowAnchor: string;
  highAnchor: string;
};

export async function loadQuestions(cohortId: string, tx: Tx = db): Promise<Question[]> {
  const rows = await tx.applicationQuestion.findMany({
    where: { cohortId },
    orderBy: [{ position: "asc" }, { id: "asc" }],
  });
  return rows.map((q) => ({ ...q, type: q.type as QuestionType, options: parseOptions(q.options) }));
}

export async function loadRubric(cohortId: string, tx: Tx = db): Promise<Criterion[]> {
  return tx.rubricCriterion.findMany({
    where: { cohortId },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true, position: true, name: true, description: true, lowAnchor: true, highAnchor: true },
  });
}

export type FormEditor = {
  cohort: { id: string; slug: string; name: string; phase: Phase };
  questions: Question[];
  rubric: Criterion[];
  submittedCount: number;
  scoredCount: number;
  /** other cohorts with a form to copy */
  copySources: { slug: string; name: string; questions: number; criteria: number }[];
};

/** Whose forms a person may copy: published cohorts and those they organize (admins: any). */
export type CopyingPerson = { id: string; isAdmin: boolean };

function copyableCohorts(person: CopyingPerson) {
  if (person.isAdmin) return {};
  return {
    OR: [
      { publishedAt: { not: null } },
      { memberships: { some: { personId: person.id, role: "organizer" } } },
    ],
  };
}

export async function getFormEditor(
  cohort: NamedCohortDates,
  person: CopyingPerson,
  now = new Date(),
): Promise<FormEditor> {
  const cohortId = cohort.id;
  const [questions, rubric, submittedCount, scoredCount, others] = await Promise.all([
    loadQuestions(cohortId),
    loadRubric(cohortId),
    db.application.count({ where: { cohortId, status: "submitted" } }),
    db.reviewScore.count({ where: { criterion: { cohortId } } }),
    db.cohort.findMany({
      where: { id: { not: cohortId }, questions: { some: {} }, ...copyableCohorts(person) },
      orderBy: { startsOn: "desc" },
      select: { slug: true, name: true, _count: { select: { questions: true, rubric: true } } },
    }),
  ]);
  return {
    cohort: { id: cohort.id, slug: cohort.slug, name: cohort.name, phase: phaseOf(cohort, now) },
    questions,
    rubric,
    submittedCount,
    scoredCount,
    copySources: others.map((o) => ({
      slug: o.slug,
      name: o.name,
      questions: o._count.questions,
      criteria: o._count.rubric,
    })),
  };
}

type Result = { ok: true; message: string } | { ok: false; error: string };

export async function saveQuestion(actorId: string, cohortId: string, input: QuestionInput): Promise<Result> {
  const data = {
    label: input.label,
    type: input.type,
    helpText: input.helpText,
    required: input.required,
    sensitive: input.sensitive,
    options: JSON.stringify(
      input.type === "single_choice" || input.type === "multiple_choice" ? input.options : [],
    ),
  };
  if (input.questionId) {
    const existing = await db.applicationQuestion.findFirst({ where: { id: input.questionId, cohortId } });
    if (!existing)
      return {
        ok: false,
        error: "That question no longer exists; it may have been removed by another organizer.",
      };
    await db.applicationQuestion.update({ where: { id: existing.id }, data });
    await recordAudit({
      actorId,
      cohortId,
      action: "form.question.update",
      subjectType: "ApplicationQuestion",
      subjectId: existing.id,
      fromValue: existing.label,
      toValue: input.label,
    });
    return { ok: true, message: `Question “${input.label}” saved.` };
  }
  const last = await db.applicationQuestion.aggregate({ where: { cohortId }, _max: { position: true } });
  const created = await db.applicationQuestion.create({
    data: { ...data, cohortId, position: (last._max.position ?? 0) + 1 },
  });
  await recordAudit({
    actorId,
    cohortId,
    action: "form.question.add",
    subjectType: "ApplicationQuestion",
    subjectId: created.id,
    toValue: input.label,
  });
  return { ok: true, message: `Question “${input.label}” added.` };
}

export async function deleteQuestion(actorId: string, cohortId: string, questionId: string): Promise<Result> {
  const existing = await db.applicationQuestion.findFirst({
    where: { id: questionId, cohortId },
    include: { _count: { select: { answers: true } } },
  });
  if (!existing) return { ok: false, error: "That question no longer exists." };
  if (existing._count.answers > 0) {
    return {
      ok: false,
      error: `“${existing.label}” already has ${existing._count.answers} answer(s); edit it instead of removing it so nobody's answer is lost.`,
    };
  }
  await db.applicationQuestion.delete({ where: { id: existing.id } });
  await recordAudit({
    actorId,
    cohortId,
    action: "form.question.remove",
    subjectType: "ApplicationQuestion",
    subjectId: existing.id,
    fromValue: existing.label,
  });
  return { ok: true, message: `Question “${existing.label}” removed.` };
}

/** Moves a question or criterion one place up or down by swapping positions. */
async function move(
  kind: "question" | "criterion",
  cohortId: string,
  id: string,
  direction: "up" | "down",
): Promise<Result> {
  const rows =
    kind === "question"
      ? await db.applicationQuestion.findMany({
          where: { cohortId },
          orderBy: [{ position: "asc" }, { id: "asc" }],
          select: { id: true },
        })
      : await db.rubricCriterion.findMany({
          where: { cohortId },
          orderBy: [{ position: "asc" }, { id: "asc" }],
          select: { id: true },
        });
  const index = rows.findIndex((r) => r.id === id);
  if (index < 0) return { ok: false, error: "That item no longer exists." };
  const target = direction === "up" ? index - 1 : index + 1;
  if (target < 0 || target >= rows.length) return { ok: true, message: "Already in place." };
  const order = rows.map((r) => r.id);
  [order[index], order[target]] = [order[target], order[index]];
  await transaction(async (tx) => {
    for (const [position, rowId] of order.entries()) {
      if (kind === "question")
        await tx.applicationQuestion.update({ where: { id: rowId }, data: { position: position + 1 } });
      else await tx.rubricCriterion.update({ where: { id: rowId }, data: { position: position + 1 } });
    }
  });
  return { ok: true, message: "Order saved." };
}

export const moveQuestion = (cohortId: string, id: string, direction: "up" | "down") =>
  move("question", cohortId, id, direction);
export const moveCriterion = (cohortId: string, id: string, direction: "up" | "down") =>
  move("criterion", cohortId, id, direction);

export async function saveCriterion(
  actorId: string,
  cohortId: string,
  input: CriterionInput,
): Promise<Result> {
  const data = {
    name: input.name,
    description: input.description,
    lowAnchor: input.lowAnchor,
    highAnchor: input.highAnchor,
  };
  if (input.criterionId) {
    const existing = await db.rubricCriterion.findFirst({ where: { id: input.criterionId, cohortId } });
    if (!existing) return { ok: false, error: "That criterion no longer exists." };
    await db.rubricCriterion.update({ where: { id: existing.id }, data });
    await recordAudit({
      actorId,
      cohortId,
      action: "rubric.update",
      subjectType: "RubricCriterion",
      subjectId: existing.id,
      fromValue: existing.name,
      toValue: input.name,
    });
    return { ok: true, message: `Criterion “${input.name}” saved.` };
  }
  const last = await db.rubricCriterion.aggregate({ where: { cohortId }, _max: { position: true } });
  const created = await db.rubricCriterion.create({
    data: { ...data, cohortId, position: (last._max.position ?? 0) + 1 },
  });
  await recordAudit({
    actorId,
    cohortId,
    action: "rubric.add",
    subjectType: "RubricCriterion",
    subjectId: created.id,
    toValue: input.name,
  });
  return { ok: true, message: `Criterion “${input.name}” added.` };
}

export async function deleteCriterion(
  actorId: string,
  cohortId: string,
  criterionId: string,
): Promise<Result> {
  const existing = await db.rubricCriterion.findFirst({
    where: { id: criterionId, cohortId },
    include: { _count: { select: { scores: true } } },
  });
  if (!existing) return { ok: false, error: "That criterion no longer exists." };
  if (existing._count.scores > 0) {
    return {
      ok: false,
      error: `“${existing.name}” already has ${existing._count.scores} score(s); edit it instead of removing it.`,
    };
  }
  await db.rubricCriterion.delete({ where: { id: existing.id } });
  await recordAudit({
    actorId,
    cohortId,
    action: "rubric.remove",
    subjectType: "RubricCriterion",
    subjectId: existing.id,
    fromValue: existing.name,
  });
  return { ok: true, message: `Criterion “${existing.name}” removed.` };
}

/**
 * Copies the questions and rubric of `sourceSlug` after the target's own (so an
 * organizer never loses what they wrote). One transaction: all or nothing.
 */
export async function copyFormFrom(
  actor: CopyingPerson,
  cohortId: string,
  sourceSlug: string,
): Promise<Result> {
  const actorId = actor.id;
  // A draft the person may not see answers exactly like a cohort that does not exist.
  const source = await db.cohort.findFirst({
    where: { slug: sourceSlug, ...copyableCohorts(actor) },
    select: { id: true, name: true },
  });
  if (!source || source.id === cohortId) return { ok: false, error: "Choose another cohort to copy from." };
  const [questions, rubric] = await Promise.all([loadQuestions(source.id), loadRubric(source.id)]);
  if (questions.length === 0 && rubric.length === 0)
    return { ok: false, error: `${source.name} has no form to copy.` };
  await transaction(async (tx) => {
    const lastQ =
      (await tx.applicationQuestion.aggregate({ where: { cohortId }, _max: { position: true } }))._max
        .position ?? 0;
    const lastC =
      (await tx.rubricCriterion.aggregate({ where: { cohortId }, _max: { position: true } }))._max.position ??
      0;
    await tx.applicationQuestion.createMany({
      data: questions.map((q, i) => ({
        cohortId,
        position: lastQ + i + 1,
        type: q.type,
        label: q.label,
        helpText: q.helpText,
        required: q.required,
        sensitive: q.sensitive,
        options: JSON.stringify(q.options),
      })),
    });
    await tx.rubricCriterion.createMany({
      data: rubric.map((c, i) => ({
        cohortId,
        position: lastC + i + 1,
        name: c.name,
        description: c.description,
        lowAnchor: c.lowAnchor,
        highAnchor: c.highAnchor,
      })),
    });
    await recordAudit(
      {
        actorId,
        cohortId,
        action: "form.copy",
        subjectType: "Cohort",
        subjectId: cohortId,
        fromValue: sourceSlug,
        detail: `${questions.length} questions, ${rubric.length} criteria`,
      },
      tx,
    );
  });
  return {
    ok: true,
    message: `Copied ${questions.length} questions and ${rubric.length} rubric criteria from ${source.name}.`,
  };
}
