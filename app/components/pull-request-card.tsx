// One linked pull request, the same everywhere (pull requests page, dashboards):
// state, size, reviews, last activity, the pre-review badge, and — for mentors — the
// "large PR" hint. Data comes from toPullCard() in app/pulls/pulls.server.ts.
import type { ReactNode } from "react";
import type { PullCardData } from "~/pulls/pulls.server";
import { DateText } from "./dates";
import { ExternalLink } from "./external-link";
import { Markdown } from "./markdown";

export type PullRequestCardProps = {
  pr: PullCardData;
  timeZone: string;
  largeThreshold?: number;
  /** show the participant's explanation and disclosure (pull requests page) */
  detailed?: boolean;
  children?: ReactNode;
};

const STATUS_BADGE: Record<PullCardData["status"], string> = {
  draft: "badge",
  open: "badge badge-info",
  changes_requested: "badge badge-warn",
  approved: "badge badge-good",
  merged: "badge badge-good",
  closed: "badge badge-bad",
};

const DISCLOSURE: Record<string, string> = {
  none: "No AI assistance",
  assisted: "AI-assisted",
  mostly_generated: "Mostly AI-generated",
};

/** A pull request's one status (app/pulls/status.ts), as a badge; the week page uses it too. */
export function PullStatusBadge({ status, label }: { status: PullCardData["status"]; label: string }) {
  return (
    <span className={STATUS_BADGE[status]} data-status={status}>
      {label}
    </span>
  );
}

export function PreReviewedBadge({ by }: { by: string }) {
  return (
    <span className="badge badge-good" title={`Pre-reviewed by ${by}`}>
      ✓ Pre-reviewed
    </span>
  );
}

export function PullRequestCard({
  pr,
  timeZone,
  largeThreshold,
  detailed = false,
  children,
}: PullRequestCardProps) {
  const name = `${pr.owner}/${pr.repo}#${pr.number}`;
  return (
    <article className="card pr-card" aria-label={`Pull request ${name}`}>
      <h3 style={{ marginTop: 0 }}>
        <ExternalLink href={pr.url}>{pr.title}</ExternalLink> <span className="muted">{name}</span>
      </h3>
      <p className="pr-badges">
        <PullStatusBadge status={pr.status} label={pr.statusLabel} />{" "}
        {pr.preReview ? <PreReviewedBadge by={pr.preReview.by} /> : null}{" "}
        {pr.counts ? null : (
          <span className="badge badge-warn">Not counted yet: explanation and AI disclosure missing</span>
        )}{" "}
        {pr.authorMismatch ? (
          <span className="badge badge-warn">
            Opened by @{pr.authorLogin}, not @{pr.person.login}
          </span>
        ) : null}
      </p>
      <dl className="pr-facts">
        <div>
          <dt>By</dt>
          <dd>
            {pr.person.name} (@{pr.person.login})
          </dd>
        </div>
        <div>
          <dt>Size</dt>
          <dd>
            <span className="added">+{pr.additions}</span> <span className="removed">−{pr.deletions}</span> in{" "}
            {pr.changedFiles} {pr.changedFiles === 1 ? "file" : "files"}
          </dd>
        </div>
        <div>
          <dt>Reviews</dt>
          <dd>{pr.reviewCount}</dd>
        </div>
        <div>
          <dt>Last activity</dt>
          <dd>
            {pr.lastActivityAt ? <DateText value={pr.lastActivityAt} timeZone={timeZone} withTime /> : "—"}
          </dd>
        </div>
        {pr.issue ? (
          <div>
            <dt>Fixes</dt>
            <dd>
              <ExternalLink href={pr.issue.url}>{pr.issue.key}</ExternalLink> {pr.issue.title}
            </dd>
          </div>
        ) : null}
      </dl>
      {pr.large ? (
        <p className="hint" role="note">
          <strong>Large PR — consider splitting.</strong> {pr.additions + pr.deletions} changed lines
          {largeThreshold ? ` (over ${largeThreshold})` : ""}: smaller pull requests get reviewed sooner and
          more carefully.
        </p>
      ) : null}
      {pr.preReview ? (
        <div className="pre-review">
          <p>
            <strong>Pre-reviewed by {pr.preReview.by}</strong> on{" "}
            <DateText value={pr.preReview.at} timeZone={timeZone} />
          </p>
          <Markdown html={pr.preReview.commentHtml} />
        </div>
      ) : null}
      {detailed && pr.explanationHtml ? (
        <details>
          <summary>
            Explanation and AI disclosure (
            {pr.aiDisclosure ? (DISCLOSURE[pr.aiDisclosure] ?? pr.aiDisclosure) : "not disclosed"})
          </summary>
          <Markdown html={pr.explanationHtml} />
          {pr.aiDisclosure && pr.aiDisclosure !== "none" ? (
            <>
              <p>
                <strong>Tools:</strong> {pr.aiTools}
              </p>
              <p>
                <strong>What they checked themselves:</strong>
              </p>
              <Markdown html={pr.aiVerificationHtml} />
            </>
          ) : null}
        </details>
      ) : null}
      {children}
    </article>
  );
}
