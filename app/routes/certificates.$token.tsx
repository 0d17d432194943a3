import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { notFound } from "~/auth/permissions.server";
import { DayText } from "~/components/dates";
import { getCertificate } from "~/outcomes/recognition.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title:
      data && data.certificate
        ? `Certificate of completion: ${data.certificate.name} — Cohort`
        : "Certificate — Cohort",
  },
  { name: "robots", content: "noindex" },
];

// Public by design: the unguessable address is the permission; a withdrawn
// certificate answers 410 with nothing about the person.
export async function loader({ params }: LoaderFunctionArgs) {
  const certificate = await getCertificate(params.token ?? "");
  if (certificate === "not_found") throw notFound("There is no certificate at this address.");
  if (certificate === "withdrawn")
    return json({ certificate: null }, { status: 410, headers: { "Cache-Control": "no-store" } });
  return json({ certificate }, { headers: { "Cache-Control": "no-store" } });
}

export default function CertificatePage() {
  const { certificate: c } = useLoaderData<typeof loader>();
  if (!c) {
    return (
      <>
        <h1>Certificate withdrawn</h1>
        <p>The person this certificate was issued to has withdrawn it.</p>
      </>
    );
  }
  return (
    <article className="certificate">
      <p className="muted">Certificate of completion</p>
      <h1>{c.name}</h1>
      <p>
        completed <strong>{c.cohortName}</strong>, a mentored open-source contribution cohort, from{" "}
        <DayText value={c.startsOn} /> to <DayText value={c.endsAt} />.
      </p>
      <dl className="facts">
        <dt>GitHub</dt>
        <dd>@{c.login}</dd>
        <dt>Project</dt>
        <dd>{c.projects.join(", ") || "—"}</dd>
        <dt>Navigator</dt>
        <dd>{c.navigators.join(", ") || "—"}</dd>
      </dl>
      <h2>Merged pull requests</h2>
      {c.mergedPulls.length === 0 ? (
        <p>None merged yet.</p>
      ) : (
        <ul>
          {c.mergedPulls.map((p) => (
            <li key={p.url}>
              <a href={p.url}>{p.title}</a> <span className="muted">({p.repository})</span>
            </li>
          ))}
        </ul>
      )}
      <p className="muted">
        Verify: this page is served by the cohort's own site at this address; the merged pull requests link to
        GitHub, where anyone can check them.
        {c.exception ? " Completion was confirmed by the organizers." : ""}
      </p>
      <p className="no-print">
        <button type="button" onClick={() => window.print()}>
          Print
        </button>
      </p>
    </article>
  );
}
