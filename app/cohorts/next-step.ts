// Where a member of a cohort most likely wants to go next, by role and phase.
import type { CohortRole } from "~/auth/permissions.server";
import type { Phase } from "./phase";

export type NextStep = { label: string; href: string };

export function nextStepFor(role: CohortRole, phase: Phase, slug: string, teamSlug: string | null): NextStep {
  const base = `/cohorts/${slug}`;
  switch (role) {
    case "organizer":
      if (phase === "applications_open" || phase === "review")
        return { label: "Review applications", href: `${base}/review` };
      if (phase === "teams_forming") return { label: "Form teams", href: `${base}/teams/form` };
      if (phase === "running" || phase === "finished")
        return { label: "Cohort progress", href: `${base}/progress` };
      return { label: "Cohort page", href: base };
    case "reviewer":
      if (phase === "applications_open" || phase === "review")
        return { label: "Score applications", href: `${base}/review` };
      return { label: "Cohort page", href: base };
    case "navigator":
    case "captain":
      if (teamSlug && (phase === "running" || phase === "finished"))
        return { label: "Team progress", href: `${base}/teams/${teamSlug}/progress` };
      if (teamSlug) return { label: "Team home", href: `${base}/teams/${teamSlug}` };
      return { label: "Cohort page", href: base };
    case "participant":
      if (phase === "running") return { label: "This week", href: `${base}/week` };
      if (teamSlug) return { label: "Team home", href: `${base}/teams/${teamSlug}` };
      return { label: "Cohort page", href: base };
  }
}

export type CohortLink = { label: string; href: string };

/**
 * The cohort's navigation for a viewer: what each of their roles can open in the
 * current phase. Shown above every /cohorts/<slug>/… page.
 */
export function cohortLinks(
  roles: CohortRole[],
  phase: Phase,
  slug: string,
  teamSlug: string | null,
): CohortLink[] {
  const base = `/cohorts/${slug}`;
  const links: CohortLink[] = [{ label: "Overview", href: base }];
  const has = (...r: CohortRole[]) => r.some((role) => roles.includes(role));
  const running = phase === "running" || phase === "finished";
  if (
    !has("organizer", "reviewer", "navigator", "captain", "participant") &&
    (phase === "applications_open" || phase === "upcoming")
  ) {
    links.push({ label: "Apply", href: `${base}/apply` });
  }
  if (has("participant") && phase === "running") links.push({ label: "My week", href: `${base}/week` });
  if (teamSlug && has("navigator", "captain", "participant"))
    links.push({ label: "My team", href: `${base}/teams/${teamSlug}` });
  if (has("navigator", "captain", "participant") && phase !== "finished")
    links.push({ label: "My availability", href: `${base}/availability` });
  if (teamSlug && has("navigator", "captain") && running)
    links.push({ label: "Team progress", href: `${base}/teams/${teamSlug}/progress` });
  if (has("organizer", "navigator", "captain", "participant") && (running || phase === "teams_forming"))
    links.push({ label: "Starter issues", href: `${base}/issues` });
  if (has("organizer", "navigator", "captain", "participant") && running)
    links.push({ label: "Pull requests", href: `${base}/pulls` });
  if (has("organizer", "navigator", "participant") && running)
    links.push({ label: "Evaluations", href: `${base}/evaluations` });
  if (has("organizer") && (running || phase === "teams_forming"))
    links.push({ label: "Surveys", href: `${base}/surveys` });
  if (has("organizer")) links.push({ label: "Application form", href: `${base}/form` });
  if (has("organizer")) links.push({ label: "Public page", href: `${base}/public-page` });
  if (has("organizer", "reviewer") && phase !== "draft")
    links.push({ label: "Review", href: `${base}/review` });
  if (has("participant") && phase === "finished")
    links.push({ label: "After the cohort", href: `${base}/after` });
  if (has("organizer")) {
    links.push({ label: "Decisions", href: `${base}/decisions` });
    links.push({ label: "Appointments", href: `${base}/appointments` });
    links.push({ label: "Navigators and captains", href: `${base}/officers` });
    links.push({ label: "Form teams", href: `${base}/teams/form` });
    if (running) links.push({ label: "Progress", href: `${base}/progress` });
    links.push({ label: "Notices", href: `${base}/notices` });
    links.push({ label: "Sync", href: `${base}/sync` });
    links.push({ label: "Audit log", href: `${base}/audit` });
    if (phase === "finished") {
      links.push({ label: "Completion", href: `${base}/completion` });
      links.push({ label: "Outcomes", href: `${base}/outcomes` });
    }
  }
  return links;
}
