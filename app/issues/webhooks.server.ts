// GitHub webhooks, for repositories whose owners install one: pull_request,
// pull_request_review and issues events are applied at once instead of waiting for
// the next sync. The signature (X-Hub-Signature-256, HMAC of the raw body with
// GITHUB_WEBHOOK_SECRET) is the only authorization; a delivery id seen before is
// acknowledged and ignored.
import { verify } from "@octokit/webhooks-methods";
import { z } from "zod";
import { GitHubError, issueFromApi, pullFromApi } from "~/integrations/github.server";
import { storePullSnapshot } from "~/pulls/pulls.server";
import { db, isUniqueViolation } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { githubIssueKey } from "./references";
import { starterLabelsOf, upsertGitHubIssue } from "./sources.server";

export type WebhookOutcome = { status: number; message: string };

const repositorySchema = z.object({ name: z.string(), owner: z.object({ login: z.string() }) });

async function applyPullRequest(payload: unknown, now: Date): Promise<string> {
  const parsed = z.object({ pull_request: z.unknown(), repository: repositorySchema }).safeParse(payload);
  if (!parsed.success) return "ignored: not a pull request payload";
  const { owner, name } = { owner: parsed.data.repository.owner.login, name: parsed.data.repository.name };
  const snapshot = pullFromApi(owner, name, parsed.data.pull_request);
  const tracked = await db.pullRequest.findUnique({ where: { owner_repo_number: { owner, repo: name, number: snapshot.number } }, select: { id: true } });
  if (!tracked) return "ignored: pull request not linked in any cohort";
  // The stored ETag no longer matches GitHub's: the next sync must read it again.
  await storePullSnapshot(snapshot, now, { etag: null });
  return `updated ${owner}/${name}#${snapshot.number}`;
}

async function applyReview(payload: unknown, now: Date): Promise<string> {
  const parsed = z
    .object({
      action: z.string(),
      review: z.object({ state: z.string(), submitted_at: z.string().nullish() }),
      pull_request: z.object({ number: z.number() }),
      repository: repositorySchema,
    })
    .safeParse(payload);
  if (!parsed.success) return "ignored: not a review payload";
  const { owner, name } = { owner: parsed.data.repository.owner.login, name: parsed.data.repository.name };
  const pr = await db.pullRequest.findUnique({ where: { owner_repo_number: { owner, repo: name, number: parsed.data.pull_request.number } } });
  if (!pr) return "ignored: pull request not linked in any cohort";
  if (parsed.data.action !== "submitted") {
    await db.pullRequest.update({ where: { id: pr.id }, data: { reviewsEtag: null, etag: null } });
    return `review ${parsed.data.action}: re-read on next sync`;
  }
  const state = parsed.data.review.state.toLowerCase();
  const reviewState = state === "approved" ? "approved" : state === "changes_requested" ? "changes_requested" : pr.reviewState === "none" ? "commented" : pr.reviewState;
  const at = parsed.data.review.submitted_at ? new Date(parsed.data.review.submitted_at) : now;
  await db.pullRequest.update({
    where: { id: pr.id },
    // The exact per-reviewer rule needs every review: the next sync re-reads them.
    data: { reviewCount: pr.reviewCount + 1, reviewState, lastActivityAt: at, reviewsEtag: null, etag: null },
  });
  return `review on ${owner}/${name}#${pr.number}`;
}

async function applyIssue(payload: unknown, now: Date): Promise<string> {
  const parsed = z.object({ issue: z.unknown(), repository: repositorySchema }).safeParse(payload);
  if (!parsed.success) return "ignored: not an issue payload";
  const owner = parsed.data.repository.owner.login;
  const name = parsed.data.repository.name;
  const issue = z
    .object({
      number: z.number(), title: z.string(), html_url: z.string(), state: z.enum(["open", "closed"]), updated_at: z.string(),
      labels: z.array(z.union([z.string(), z.object({ name: z.string().nullish() })])).default([]),
      pull_request: z.unknown().optional(),
    })
    .safeParse(parsed.data.issue);
  if (!issue.success || issue.data.pull_request !== undefined) return "ignored: not an issue";
  const snapshot = issueFromApi(owner, name, issue.data);
  const existing = await db.starterIssue.findUnique({ where: { source_externalKey: { source: "github", externalKey: githubIssueKey(owner, name, snapshot.number) } }, select: { projectId: true } });
  if (existing) {
    await upsertGitHubIssue(existing.projectId, snapshot, now, null);
    return `updated ${githubIssueKey(owner, name, snapshot.number)}`;
  }
  // A newly labelled starter issue of a project's repository joins the board.
  const repository = await db.projectRepository.findUnique({ where: { owner_name: { owner, name } }, select: { projectId: true, project: { select: { starterLabels: true } } } });
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
  if (!secret) return { status: 401, message: "Webhooks are not configured (GITHUB_WEBHOOK_SECRET is not set)." };
  if (!headers.signature || !(await verify(secret, rawBody, headers.signature).catch(() => false))) {
    return { status: 401, message: "Bad signature." };
  }
  if (!headers.deliveryId || !headers.event) return { status: 400, message: "Missing X-GitHub-Delivery or X-GitHub-Event." };
  let payload: unknown;
  try {
    payload = JSON.parse(rawBody);
  } catch {
    return { status: 400, message: "The body is not JSON." };
  }
  if (headers.event === "ping") return { status: 200, message: "pong" };
  try {
    await db.webhookDelivery.create({ data: { id: headers.deliveryId, event: headers.event, receivedAt: now } });
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
    // A correctly signed payload we cannot read is GitHub's mistake, not ours: say so
    // (400) and keep the stored pull request as it was.
    if (error instanceof GitHubError && error.kind === "malformed") return { status: 400, message: error.message };
    // Let GitHub redeliver: forget this delivery so a retry is not taken for a replay.
    await db.webhookDelivery.delete({ where: { id: headers.deliveryId } }).catch(() => undefined);
    return { status: 500, message: error instanceof Error ? error.message : "Could not apply the event." };
  }
}
