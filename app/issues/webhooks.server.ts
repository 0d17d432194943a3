// GitHub webhooks, for repositories whose owners install one: pull_request,
// pull_request_review and issues events are applied at once instead of waiting for
// the next sync. The signature (X-Hub-Signature-256, HMAC of the raw body with
// GITHUB_WEBHOOK_SECRET) is the only authorization; a delivery id seen before is
// acknowledged and ignored.
import { verify } from "@octokit/webhooks-methods";
import { z } from "zod";
import { GitHubError, httpUrl, isoDate, issueFromApi, pullFromApi } from "~/integrations/github.server";
import { storePullSnapshot } from "~/pulls/pulls.server";
import { db, isUniqueViolation } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { githubIssueKey } from "~/pulls/references";
import { starterLabelsOf, upsertGitHubIssue } from "./sources.server";

export type WebhookOutcome = { status: number; message: string };

const repositorySchema = z.object({ name: z.string().min(1), owner: z.object({ login: z.string().min(1) }) });
const itemNumber = z.number().int().positive().max(2_147_483_647);

/** A signed delivery we cannot apply: 400 with this short reason, and GitHub may redeliver. */
class Unreadable extends Error {}

function unreadable(what: string, error: z.ZodError): never {
  const issue = error.issues[0];
  throw new Unreadable(
    `The ${what} payload could not be read (${issue?.path.join(".") || "body"}: ${issue?.message ?? "wrong shape"}).`,
  );
}

async function applyPullRequest(payload: unknown, now: Date): Promise<string> {
  const parsed = z
    .object({ pull_request: z.record(z.unknown()), repository: repositorySchema })
    .safeParse(payload);
  if (!parsed.success) unreadable("pull_request", parsed.error);
  const snapshot = pullFromApi(
    parsed.data.repository.owner.login,
    parsed.data.repository.name,
    parsed.data.pull_request,
  );
  const { owner, repo: name } = snapshot;
  const tracked = await db.pullRequest.findUnique({
    where: { owner_repo_number: { owner, repo: name, number: snapshot.number } },
    select: { id: true, upstreamUpdatedAt: true },
  });
  if (!tracked) return "ignored: pull request not linked in any cohort";
  // Deliveries can arrive out of order: an older one must not move the PR back.
  if (tracked.upstreamUpdatedAt && snapshot.updatedAt.getTime() < tracked.upstreamUpdatedAt.getTime()) {
    return `ignored: older than what is stored for ${owner}/${name}#${snapshot.number}`;
  }
  // The stored ETag no longer matches GitHub's: the next sync must read it again.
  await storePullSnapshot(snapshot, now, { etag: null });
  return `updated ${owner}/${name}#${snapshot.number}`;
}

async function applyReview(payload: unknown, now: Date): Promise<string> {
  const parsed = z
    .object({
      action: z.string(),
      review: z.object({ state: z.string(), submitted_at: isoDate.nullish() }),
      pull_request: z.object({ number: itemNumber }),
      repository: repositorySchema,
    })
    .safeParse(payload);
  if (!parsed.success) unreadable("pull_request_review", parsed.error);
  const { owner, name } = { owner: parsed.data.repository.owner.login, name: parsed.data.repository.name };
  const pr = await db.pullRequest.findUnique({
    where: { owner_repo_number: { owner, repo: name, number: parsed.data.pull_request.number } },
  });
  if (!pr) return "ignored: pull request not linked in any cohort";
  if (parsed.data.action !== "submitted") {
    await db.pullRequest.update({ where: { id: pr.id }, data: { reviewsEtag: null, etag: null } });
    return `review ${parsed.data.action}: re-read on next sync`;
  }
  const state = parsed.data.review.state.toLowerCase();
  const reviewState =
    state === "approved"
      ? "approved"
      : state === "changes_requested"
        ? "changes_requested"
        : pr.reviewState === "none"
          ? "commented"
          : pr.reviewState;
  const at = parsed.data.review.submitted_at ? new Date(parsed.data.review.submitted_at) : now;
  await db.pullRequest.update({
    where: { id: pr.id },
    // The exact per-reviewer rule needs every review: the next sync re-reads them.
    data: { reviewCount: pr.reviewCount + 1, reviewState, lastActivityAt: at, reviewsEtag: null, etag: null },
  });
  return `review on ${owner}/${name}#${pr.number}`;
}

async function applyIssue(payload: unknown, now: Date): Promise<string> {
  const parsed = z.object({ issue: z.record(z.unknown()), repository: repositorySchema }).safeParse(payload);
  if (!parsed.success) unreadable("issues", parsed.error);
  const owner = parsed.data.repository.owner.login;
  const name = parsed.data.repository.name;
  const issue = z
    .object({
      number: itemNumber,
      title: z.string(),
      html_url: httpUrl,
      state: z.enum(["open", "closed"]),
      updated_at: isoDate,
      labels: z.array(z.union([z.string(), z.object({ name: z.string().nullish() })])).default([]),
      pull_request: z.unknown().optional(),
    })
    .safeParse(parsed.data.issue);
  if (!issue.success) unreadable("issues", issue.error);
  if (issue.data.pull_request !== undefined) return "ignored: not an issue";
  const snapshot = issueFromApi(owner, name, issue.data);
  const existing = await db.starterIssue.findUnique({
    where: {
      source_externalKey: { source: "github", externalKey: githubIssueKey(owner, name, snapshot.number) },
    },
    select: { projectId: true },
  });
  if (existing) {
    await upsertGitHubIssue(existing.projectId, snapshot, now, null);
    return `updated ${githubIssueKey(owner, name, snapshot.number)}`;
  }
  // A newly labelled starter issue of a project's repository joins the board.
  const repository = await db.projectRepository.findUnique({
    where: { owner_name: { owner, name } },
    select: { projectId: true, project: { select: { starterLabels: true } } },
  });
  if (!repository || snapshot.state !== "open") return "ignored: not a starter issue";
  const labels = starterLabelsOf(repository.project).map((l) => l.toLowerCase());
  if (!snapshot.labels.some((l) => labels.includes(l.toLowerCase()))) return "ignored: no starter label";
  await upsertGitHubIssue(repository.projectId, snapshot, now, null);
  return `added ${githubIssueKey(owner, name, snapshot.number)}`;
}

/** Verifies, deduplicates and applies one delivery. Never throws for bad input. */
export async function handleGitHubWebhook(
  headers: { signature: string | null; event: string | null; deliveryId: string | null },
  rawBody: string,
  now = new Date(),
): Promise<WebhookOutcome> {
  const secret = env().GITHUB_WEBHOOK_SECRET;
  if (!secret)
    return { status: 401, message: "Webhooks are not configured (GITHUB_WEBHOOK_SECRET is not set)." };
  if (!headers.signature || !(await verify(secret, rawBody, headers.signature).catch(() => false))) {
    return { status: 401, message: "Bad signature." };
  }
  if (!headers.deliveryId || !headers.event)
    return { status: 400, message: "Missing X-GitHub-Delivery or X-GitHub-Event." };
  let payload: unknown;
  try {
    payload = JSON.parse(rawBody);
  } catch {
    return { status: 400, message: "The body is not JSON." };
  }
  if (headers.event === "ping") return { status: 200, message: "pong" };
  try {
    await db.webhookDelivery.create({
      data: { id: headers.deliveryId, event: headers.event, receivedAt: now },
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { status: 200, message: "Already processed this delivery." };
    throw error;
  }
  try {
    switch (headers.event) {
      case "pull_request":
        return { status: 200, message: await applyPullRequest(payload, now) };
      case "pull_request_review":
        return { status: 200, message: await applyReview(payload, now) };
      case "issues":
        return { status: 200, message: await applyIssue(payload, now) };
      default:
        return { status: 202, message: `ignored event ${headers.event}` };
    }
  } catch (error) {
    // Not applied: forget this delivery, so GitHub's redelivery is applied instead of
    // being taken for a replay.
    await db.webhookDelivery.delete({ where: { id: headers.deliveryId } }).catch(() => undefined);
    // A correctly signed payload we cannot read: say so (400) in one short sentence and
    // keep what is stored as it was.
    if (error instanceof Unreadable) return { status: 400, message: error.message };
    if (error instanceof GitHubError && error.kind === "malformed")
      return { status: 400, message: error.message };
    // Anything else is ours: logged here, never shown to the sender.
    console.error("[webhook] could not apply", headers.event, headers.deliveryId, error);
    return { status: 500, message: "Could not apply the event; it can be redelivered." };
  }
}
