// A cohort's public-page texts and FAQ: what organizers write, and what everyone reads.
import { cohortBySlug, notFound, type CohortAccess } from "~/auth/permissions.server";
import { db, transaction } from "~/utils/db.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { recordAudit } from "./audit.server";
import { FAQ_ITEMS_MAX, type FaqItemInput, type PublicPageInput } from "./public-page";

type Result = { ok: true; message: string } | { ok: false; error: string };

/** What the organizer's editor shows: the texts as written, the FAQ in order. */
export async function getPublicPageEditor(access: CohortAccess) {
  const cohortId = access.cohort.id;
  const { slug, name, weeklyHours } = access.cohort;
  const cohort = { slug, name, weeklyHours };
  const [page, faq] = await Promise.all([
    db.cohortPublicPage.findUnique({ where: { cohortId } }),
    db.cohortFaqItem.findMany({
      where: { cohortId },
      orderBy: { position: "asc" },
      select: { id: true, question: true, answer: true },
    }),
  ]);
  return {
    cohort,
    page: {
      whoCanApply: page?.whoCanApply ?? "",
      timeCommitment: page?.timeCommitment ?? "",
      weeklyHours: cohort.weeklyHours === null ? "" : String(cohort.weeklyHours),
      decisionsBy: page?.decisionsBy ? page.decisionsBy.toISOString().slice(0, 10) : "",
    },
    faq,
  };
}

/** The texts and FAQ as the public cohort page shows them, Markdown rendered through the sanitizer. */
export async function getPublicPageContent(slug: string) {
  const cohort = await cohortBySlug(slug);
  if (!cohort) throw notFound("There is no cohort at this address.");
  const cohortId = cohort.id;
  const [page, faq] = await Promise.all([
    db.cohortPublicPage.findUnique({ where: { cohortId } }),
    db.cohortFaqItem.findMany({ where: { cohortId }, orderBy: { position: "asc" } }),
  ]);
  return {
    weeklyHours: cohort.weeklyHours,
    whoCanApplyHtml: page?.whoCanApply ? renderMarkdown(page.whoCanApply) : "",
    timeCommitmentHtml: page?.timeCommitment ? renderMarkdown(page.timeCommitment) : "",
    decisionsBy: page?.decisionsBy ?? null,
    faq: faq.map((f) => ({ id: f.id, question: f.question, answerHtml: renderMarkdown(f.answer) })),
  };
}

export async function savePublicPage(access: CohortAccess, input: PublicPageInput): Promise<Result> {
  const cohortId = access.cohort.id;
  const texts = {
    whoCanApply: input.whoCanApply,
    timeCommitment: input.timeCommitment,
    decisionsBy: input.decisionsBy,
  };
  await transaction(async (tx) => {
    await tx.cohortPublicPage.upsert({
      where: { cohortId },
      create: { cohortId, ...texts },
      update: texts,
    });
    await tx.cohort.update({ where: { id: cohortId }, data: { weeklyHours: input.weeklyHours } });
    await recordAudit(
      {
        actorId: access.person.id,
        cohortId,
        action: "cohort.public_page_updated",
        subjectType: "Cohort",
        subjectId: cohortId,
      },
      tx,
    );
  });
  return { ok: true, message: "The public page is saved." };
}

export async function saveFaqItem(access: CohortAccess, input: FaqItemInput): Promise<Result> {
  const cohortId = access.cohort.id;
  if (input.id) {
    const updated = await db.cohortFaqItem.updateMany({
      where: { id: input.id, cohortId },
      data: { question: input.question, answer: input.answer },
    });
    return updated.count
      ? { ok: true, message: "The question is saved." }
      : { ok: false, error: "That question was deleted meanwhile; add it again." };
  }
  const count = await db.cohortFaqItem.count({ where: { cohortId } });
  if (count >= FAQ_ITEMS_MAX)
    return {
      ok: false,
      error: `A FAQ holds at most ${FAQ_ITEMS_MAX} questions; merge or delete some first.`,
    };
  const last = await db.cohortFaqItem.findFirst({ where: { cohortId }, orderBy: { position: "desc" } });
  await db.cohortFaqItem.create({
    data: { cohortId, position: (last?.position ?? 0) + 1, question: input.question, answer: input.answer },
  });
  return { ok: true, message: "The question is added to the FAQ." };
}

export async function deleteFaqItem(access: CohortAccess, id: string): Promise<Result> {
  const deleted = await db.cohortFaqItem.deleteMany({ where: { id, cohortId: access.cohort.id } });
  return deleted.count
    ? { ok: true, message: "The question is deleted." }
    : { ok: false, error: "That question was already deleted." };
}

export async function moveFaqItem(
  access: CohortAccess,
  id: string,
  direction: "up" | "down",
): Promise<Result> {
  const items = await db.cohortFaqItem.findMany({
    where: { cohortId: access.cohort.id },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  const at = items.findIndex((i) => i.id === id);
  if (at < 0) return { ok: false, error: "That question was deleted meanwhile." };
  const to = direction === "up" ? at - 1 : at + 1;
  if (to < 0 || to >= items.length) return { ok: true, message: "The question stays where it is." };
  [items[at], items[to]] = [items[to], items[at]];
  await transaction(async (tx) => {
    for (const [position, item] of items.entries())
      await tx.cohortFaqItem.update({ where: { id: item.id }, data: { position: position + 1 } });
  });
  return { ok: true, message: "The question is moved." };
}
