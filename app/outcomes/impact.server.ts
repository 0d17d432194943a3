// The public impact report of a cohort (page and CSV), and what the public cohort
// page shows after the end: approved testimonials, links to the report and to each
// project's maintainers' view.
import { csvLine } from "~/applications/export.server";
import { notFound, cohortBySlug } from "~/auth/permissions.server";
import { phaseOf } from "~/cohorts/phase";
import { db } from "~/utils/db.server";
import { outcomeFigures, type RetentionRow } from "./figures.server";
import { getAfterSettings, showcase } from "./recognition.server";

/** A published cohort, or a 404 for everyone (drafts have no public pages). */
export async function publicCohort(slug: string) {
  const cohort = await cohortBySlug(slug);
  if (!cohort || !cohort.publishedAt) throw notFound("There is no cohort at this address.");
  return cohort;
}

export type ImpactReport = {
  cohort: { slug: string; name: string; finished: boolean };
  applicants: number;
  participants: number;
  completed: number;
  completionApplied: boolean;
  projects: {
    slug: string;
    name: string;
    opened: number;
    merged: number;
    accepted: number;
    preReviewed: number;
  }[];
  totals: { opened: number; merged: number; preReviewed: number };
  retention: RetentionRow[];
  showcase: Awaited<ReturnType<typeof showcase>>;
};

export async function impactReport(slug: string, now = new Date()): Promise<ImpactReport> {
  const cohort = await publicCohort(slug);
  const finished = phaseOf(cohort, now) === "finished";
  const [applicants, participants, completed, settings, projects, links, figures, shown] = await Promise.all([
    db.application.count({ where: { cohortId: cohort.id, status: { in: ["submitted", "withdrawn"] } } }),
    db.cohortMembership.count({ where: { cohortId: cohort.id, role: "participant" } }),
    db.completion.count({ where: { cohortId: cohort.id, completed: true } }),
    getAfterSettings(cohort.id),
    db.cohortProject.findMany({
      where: { cohortId: cohort.id },
      select: {
        project: {
          select: {
            id: true,
            slug: true,
            name: true,
            repositories: { select: { owner: true, name: true } },
            acceptedLabel: { select: { label: true } },
          },
        },
      },
    }),
    db.linkedPullRequest.findMany({
      where: { cohortId: cohort.id },
      select: {
        preReviewedAt: true,
        pullRequest: {
          select: {
            owner: true,
            repo: true,
            state: true,
            reviewState: true,
            upstream: { select: { labels: true } },
          },
        },
      },
    }),
    finished ? outcomeFigures([cohort.id], now) : Promise.resolve(null),
    showcase(cohort.id),
  ]);
  const rows = projects.map(({ project }) => {
    const repos = new Set(project.repositories.map((r) => `${r.owner}/${r.name}`.toLowerCase()));
    const mine = links.filter((l) => repos.has(`${l.pullRequest.owner}/${l.pullRequest.repo}`.toLowerCase()));
    const acceptedLabel = project.acceptedLabel?.label ?? "hacktoberfest-accepted";
    return {
      slug: project.slug,
      name: project.name,
      opened: mine.length,
      merged: mine.filter((l) => l.pullRequest.state === "merged").length,
      accepted: mine.filter((l) => acceptance(l.pullRequest, acceptedLabel) === "accepted").length,
      preReviewed: mine.filter((l) => l.preReviewedAt).length,
    };
  });
  return {
    cohort: { slug: cohort.slug, name: cohort.name, finished },
    applicants,
    participants,
    completed,
    completionApplied: settings.completionAppliedAt !== null,
    projects: rows,
    totals: {
      opened: links.length,
      merged: links.filter((l) => l.pullRequest.state === "merged").length,
      preReviewed: links.filter((l) => l.preReviewedAt).length,
    },
    retention: figures?.rows ?? [],
    showcase: shown,
  };
}

export function parseLabels(json: string | null | undefined): string[] {
  try {
    const value = JSON.parse(json ?? "[]");
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

/**
 * Hacktoberfest's rule: a pull request is accepted when merged, approved, or
 * labelled with the project's accepted label; one labelled spam or invalid is
 * excluded whatever else is true.
 */
export function acceptance(
  pull: { state: string; reviewState: string; upstream?: { labels: string } | null },
  acceptedLabel: string,
): "excluded" | "accepted" | "not_yet" {
  const labels = parseLabels(pull.upstream?.labels).map((l) => l.toLowerCase());
  if (labels.includes("spam") || labels.includes("invalid")) return "excluded";
  if (
    pull.state === "merged" ||
    pull.reviewState === "approved" ||
    labels.includes(acceptedLabel.toLowerCase())
  )
    return "accepted";
  return "not_yet";
}

export function impactCsv(report: ImpactReport): string {
  const share = (n: number, d: number) => (d ? (n / d).toFixed(3) : "");
  const lines = [
    csvLine(["figure", "group", "value"]),
    csvLine(["applicants", report.cohort.name, report.applicants]),
    csvLine(["participants", report.cohort.name, report.participants]),
    csvLine(["completed", report.cohort.name, report.completionApplied ? report.completed : ""]),
    csvLine([
      "completion_share",
      report.cohort.name,
      report.completionApplied ? share(report.completed, report.participants) : "",
    ]),
    csvLine([
      "pre_reviewed_share",
      report.cohort.name,
      share(report.totals.preReviewed, report.totals.opened),
    ]),
  ];
  for (const p of report.projects) {
    lines.push(
      csvLine(["pull_requests_opened", p.name, p.opened]),
      csvLine(["pull_requests_merged", p.name, p.merged]),
      csvLine(["pull_requests_accepted", p.name, p.accepted]),
      csvLine(["pre_reviewed_share", p.name, share(p.preReviewed, p.opened)]),
    );
  }
  for (const r of report.retention) {
    for (const m of r.marks)
      lines.push(
        csvLine([
          `still_contributing_after_${m.mark}_months`,
          r.label,
          m.share === null ? "" : `${m.share.toFixed(3)} (${m.active} of ${m.eligible})`,
        ]),
      );
  }
  return lines.join("\r\n") + "\r\n";
}

/** What the public cohort page adds once the cohort is under way or over. */
export async function cohortPageExtras(slug: string) {
  const cohort = await cohortBySlug(slug);
  if (!cohort || !cohort.publishedAt)
    return { testimonials: [], hasImpact: false, maintainerViews: {} as Record<string, string> };
  const [testimonials, settings] = await Promise.all([
    db.testimonial.findMany({
      where: { cohortId: cohort.id, status: "approved" },
      select: { id: true, body: true, person: { select: { name: true } } },
      orderBy: { decidedAt: "asc" },
    }),
    getAfterSettings(cohort.id),
  ]);
  const projects = await db.cohortProject.findMany({
    where: { cohortId: cohort.id },
    select: { project: { select: { slug: true } } },
  });
  const maintainerViews: Record<string, string> = {};
  // The private variant is only linked from the organizers' pages, not the public one.
  if (settings.maintainerViewPublic)
    for (const p of projects)
      maintainerViews[p.project.slug] = `/cohorts/${slug}/maintainers/${p.project.slug}`;
  return { testimonials, hasImpact: true, maintainerViews };
}
