import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { getSignedIn } from "~/auth/permissions.server";
import { DateText } from "~/components/dates";
import { Markdown } from "~/components/markdown";
import { maintainerView } from "~/outcomes/maintainers.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.view.cohort.name} pull requests into ${data.view.project.name} — Cohort`
      : "Maintainers' view — Cohort",
  },
];

// Public or behind the project's token, as the cohort chose (checked in maintainerView).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const signedIn = await getSignedIn(request);
  const token = new URL(request.url).searchParams.get("token");
  const view = await maintainerView(params.slug ?? "", params.project ?? "", token, signedIn?.person ?? null);
  return json(
    { view, timeZone: signedIn?.person.timeZone ?? "UTC" },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

const pct = (share: number | null) => (share === null ? "—" : `${Math.round(share * 100)}%`);
const hours = (h: number | null) =>
  h === null ? "—" : h < 48 ? `${Math.round(h)} h` : `${Math.round(h / 24)} days`;
const OUTCOME: Record<string, string> = { open: "Open", merged: "Merged", closed: "Closed unmerged" };

function CopyMarkdown({ markdown, id }: { markdown: string; id: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <details>
      <summary>Cohort context as Markdown</summary>
      <textarea
        id={`md-${id}`}
        readOnly
        rows={8}
        defaultValue={markdown}
        aria-label="Cohort context as Markdown"
        style={{ width: "100%" }}
      />
      <button
        type="button"
        className="secondary"
        onClick={() => {
          void navigator.clipboard?.writeText(markdown).then(() => setCopied(true));
        }}
      >
        {copied ? "Copied" : "Copy"}
      </button>
    </details>
  );
}

export default function MaintainersView() {
  const { view, timeZone } = useLoaderData<typeof loader>();
  const s = view.summary;
  return (
    <>
      <h1>
        {view.cohort.name}: pull requests into {view.project.name}
      </h1>
      <p>
        For {view.project.name}'s maintainers: every pull request this cohort's participants linked, in their
        own words, with what the cohort did before it reached you. Accepted means merged, approved, or
        labelled <code>{view.project.acceptedLabel}</code>; pull requests labelled spam or invalid are left
        out of the figures and their navigator is told.
      </p>
      <dl className="facts">
        <dt>Pull requests</dt>
        <dd>
          {s.count}
          {s.excluded ? ` (and ${s.excluded} labelled spam or invalid, not counted)` : ""}
        </dd>
        <dt>Accepted</dt>
        <dd>{s.accepted}</dd>
        <dt>Pre-reviewed by a navigator before the first upstream review</dt>
        <dd>{pct(s.preReviewedShare)}</dd>
        <dt>Median size</dt>
        <dd>{s.medianSize === null ? "—" : `${s.medianSize} lines`}</dd>
        <dt>Median time to the first maintainer response</dt>
        <dd>{hours(s.medianFirstResponseHours)}</dd>
        <dt>Closed unmerged</dt>
        <dd>{pct(s.closedUnmergedShare)}</dd>
      </dl>
      {view.pulls.length === 0 ? (
        <p>No pull requests into {view.project.name} were linked in this cohort.</p>
      ) : null}
      {view.pulls.map((p) => (
        <article key={p.id} className="card" aria-labelledby={`pr-${p.id}`}>
          <h2 id={`pr-${p.id}`}>
            <a href={p.url}>{p.title}</a> <small className="muted">{p.key}</small>
          </h2>
          <p>
            by {p.author} (@{p.authorLogin}) · <strong>{OUTCOME[p.state] ?? p.state}</strong>
            {p.acceptance === "accepted" ? (
              <>
                {" "}
                · <span className="badge badge-success">accepted</span>
              </>
            ) : null}
            {p.acceptance === "excluded" ? (
              <>
                {" "}
                · <span className="badge badge-danger">labelled spam or invalid — not counted</span>
              </>
            ) : null}
          </p>
          <h3>In the contributor's words</h3>
          <Markdown html={p.explanationHtml} />
          <dl className="facts">
            <dt>AI use</dt>
            <dd>
              {p.aiDisclosure}
              {p.aiTools ? ` (${p.aiTools})` : ""}
            </dd>
            <dt>Size</dt>
            <dd>
              {p.size} lines in {p.files} file{p.files === 1 ? "" : "s"}
            </dd>
            <dt>Navigator pre-review</dt>
            <dd>
              {p.preReviewedAt ? (
                <>
                  yes, <DateText value={p.preReviewedAt} timeZone={timeZone} />
                  {p.preReviewedBefore
                    ? " (before the first upstream review)"
                    : " (after the first upstream review)"}
                </>
              ) : (
                "no"
              )}
            </dd>
            <dt>Review rounds</dt>
            <dd>{p.reviewRounds}</dd>
            <dt>First maintainer response</dt>
            <dd>{hours(p.firstResponseHours)}</dd>
          </dl>
          <CopyMarkdown markdown={p.markdown} id={p.id} />
        </article>
      ))}
    </>
  );
}
