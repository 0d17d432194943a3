// Admin work: projects, cohorts and their organizers. Every change is audited.
import { db, isUniqueViolation } from "~/utils/db.server";
import { endOfDayAnywhereOnEarth, isoDay, anywhereOnEarthDay } from "~/utils/time";
import { recordAudit } from "./audit.server";
import type { CohortInput, ProjectInput } from "./admin-forms";

export type SaveResult = { ok: true; slug: string } | { ok: false; errors: Record<string, string> };

export async function listProjectsAndCohorts() {
  const [projects, cohorts] = await Promise.all([
    db.project.findMany({
      orderBy: { name: "asc" },
      select: {
        slug: true,
        name: true,
        tracUrl: true,
        repositories: { select: { owner: true, name: true } },
      },
    }),
    db.cohort.findMany({
      orderBy: { startsOn: "desc" },
      select: { slug: true, name: true, startsOn: true, publishedAt: true, weeks: true },
    }),
  ]);
  return { projects, cohorts };
}

export async function getProjectForEdit(slug: string) {
  const project = await db.project.findUnique({ where: { slug }, include: { repositories: true } });
  if (!project) return null;
  return {
    slug: project.slug,
    name: project.name,
    description: project.description,
    websiteUrl: project.websiteUrl ?? "",
    repositories: project.repositories.map((r) => `${r.owner}/${r.name}`).join("\n"),
    starterLabels: (JSON.parse(project.starterLabels) as string[]).join("\n"),
    tracUrl: project.tracUrl ?? "",
    tracQuery: project.tracQuery ?? "",
    aiPolicyText: project.aiPolicyText,
    aiPolicyUrl: project.aiPolicyUrl ?? "",
  };
}

export async function saveProject(
  actorId: string,
  input: ProjectInput,
  existingSlug: string | null,
): Promise<SaveResult> {
  const labels =
    input.starterLabels.length > 0
      ? input.starterLabels
      : ["good first issue", "easy pickings", "help wanted"];
  const data = {
    slug: input.slug,
    name: input.name,
    description: input.description,
    websiteUrl: input.websiteUrl,
    starterLabels: JSON.stringify(labels),
    tracUrl: input.tracUrl,
    tracQuery: input.tracUrl ? input.tracQuery || "status=!closed&stage=Accepted&easy=1" : null,
    aiPolicyText: input.aiPolicyText,
    aiPolicyUrl: input.aiPolicyUrl,
  };
  const repos = input.repositories.map((line) => {
    const [owner, name] = line.split("/");
    return { owner, name };
  });
  const taken = await repositoryOfAnotherProject(repos, existingSlug);
  if (taken)
    return {
      ok: false,
      errors: { repositories: `${taken.repository} already belongs to the project “${taken.project}”.` },
    };
  try {
    const project = await db.$transaction(async (tx) => {
      const saved = existingSlug
        ? await tx.project.update({ where: { slug: existingSlug }, data })
        : await tx.project.create({ data });
      const current = await tx.projectRepository.findMany({ where: { projectId: saved.id } });
      const wanted = new Set(repos.map((r) => `${r.owner}/${r.name}`.toLowerCase()));
      await tx.projectRepository.deleteMany({
        where: {
          id: {
            in: current.filter((r) => !wanted.has(`${r.owner}/${r.name}`.toLowerCase())).map((r) => r.id),
          },
        },
      });
      const have = new Set(current.map((r) => `${r.owner}/${r.name}`.toLowerCase()));
      for (const repo of repos) {
        if (!have.has(`${repo.owner}/${repo.name}`.toLowerCase())) {
          await tx.projectRepository.create({ data: { projectId: saved.id, ...repo } });
        }
      }
      return saved;
    });
    await recordAudit({
      actorId,
      action: existingSlug ? "project.updated" : "project.created",
      subjectType: "project",
      subjectId: project.id,
      toValue: project.slug,
    });
    return { ok: true, slug: project.slug };
  } catch (error) {
    if (isUniqueViolation(error)) {
      // Driver adapters name the model, not the index, in the error.
      const model = (error as { meta?: { modelName?: string } }).meta?.modelName;
      if (model === "ProjectRepository")
        return {
          ok: false,
          errors: { repositories: "One of these repositories already belongs to another project." },
        };
      return { ok: false, errors: { slug: "Another project already uses this address name." } };
    }
    throw error;
  }
}

/** A repository (GitHub names ignore case) that another project already lists, if any. */
async function repositoryOfAnotherProject(
  repos: { owner: string; name: string }[],
  existingSlug: string | null,
) {
  if (repos.length === 0) return null;
  const others = await db.projectRepository.findMany({
    where: existingSlug ? { project: { slug: { not: existingSlug } } } : {},
    select: { owner: true, name: true, project: { select: { name: true } } },
  });
  const key = (r: { owner: string; name: string }) => `${r.owner}/${r.name}`.toLowerCase();
  const wanted = new Set(repos.map(key));
  const clash = others.find((r) => wanted.has(key(r)));
  return clash ? { repository: `${clash.owner}/${clash.name}`, project: clash.project.name } : null;
}

export async function getCohortForEdit(slug: string) {
  const cohort = await db.cohort.findUnique({
    where: { slug },
    include: {
      projects: { select: { project: { select: { slug: true } } } },
      memberships: {
        where: { role: "organizer" },
        select: { id: true, pendingLogin: true, person: { select: { login: true, name: true } } },
      },
    },
  });
  if (!cohort) return null;
  return {
    id: cohort.id,
    values: {
      slug: cohort.slug,
      name: cohort.name,
      description: cohort.description,
      projectSlugs: cohort.projects.map((p) => p.project.slug),
      applicationsOpenOn: isoDay(cohort.applicationsOpenAt),
      applicationsCloseOn: anywhereOnEarthDay(cohort.applicationsCloseAt),
      startsOn: isoDay(cohort.startsOn),
      weeks: String(cohort.weeks),
      teamSizeMin: String(cohort.teamSizeMin),
      teamSizeMax: String(cohort.teamSizeMax),
      minSharedHours: String(cohort.minSharedHours),
      blindReview: cohort.blindReview ? "on" : "",
      published: cohort.publishedAt ? "on" : "",
    },
    organizers: cohort.memberships.map((m) => ({
      id: m.id,
      login: m.person?.login ?? m.pendingLogin ?? "",
      name: m.person?.name ?? null,
      pending: !m.person,
    })),
  };
}

export async function saveCohort(
  actorId: string,
  input: CohortInput,
  existingSlug: string | null,
): Promise<SaveResult> {
  const projects = await db.project.findMany({
    where: { slug: { in: input.projectSlugs } },
    select: { id: true },
  });
  if (projects.length !== input.projectSlugs.length)
    return { ok: false, errors: { projectSlugs: "Choose projects from the list." } };
  const existing = existingSlug
    ? await db.cohort.findUnique({ where: { slug: existingSlug }, select: { id: true, publishedAt: true } })
    : null;
  const data = {
    slug: input.slug,
    name: input.name,
    description: input.description,
    applicationsOpenAt: new Date(`${input.applicationsOpenOn}T00:00:00.000Z`),
    applicationsCloseAt: endOfDayAnywhereOnEarth(input.applicationsCloseOn),
    startsOn: new Date(`${input.startsOn}T00:00:00.000Z`),
    weeks: input.weeks,
    teamSizeMin: input.teamSizeMin,
    teamSizeMax: input.teamSizeMax,
    minSharedHours: input.minSharedHours,
    blindReview: input.blindReview,
    publishedAt: input.published ? (existing?.publishedAt ?? new Date()) : null,
  };
  try {
    const cohort = await db.$transaction(async (tx) => {
      const saved = existing
        ? await tx.cohort.update({ where: { id: existing.id }, data })
        : await tx.cohort.create({ data });
      await tx.cohortProject.deleteMany({ where: { cohortId: saved.id } });
      for (const project of projects)
        await tx.cohortProject.create({ data: { cohortId: saved.id, projectId: project.id } });
      return saved;
    });
    await recordAudit({
      actorId,
      cohortId: cohort.id,
      action: existing ? "cohort.updated" : "cohort.created",
      subjectType: "cohort",
      subjectId: cohort.id,
      toValue: cohort.slug,
    });
    return { ok: true, slug: cohort.slug };
  } catch (error) {
    if (isUniqueViolation(error))
      return { ok: false, errors: { slug: "Another cohort already uses this address name." } };
    throw error;
  }
}

/**
 * Appoints someone to a cohort role by GitHub login. A login that has never signed
 * in becomes a pending membership, bound at that person's first sign-in.
 */
export async function appointByLogin(
  actorId: string,
  cohortId: string,
  login: string,
  role: "organizer" | "reviewer" | "navigator" | "captain",
  teamId: string | null = null,
): Promise<{ ok: true; pending: boolean } | { ok: false; error: string }> {
  const match = await findPersonByLoginInsensitive(login);
  try {
    if (match) {
      await db.cohortMembership.create({ data: { cohortId, personId: match.id, role, teamId } });
    } else {
      await db.cohortMembership.create({
        data: { cohortId, pendingLogin: login.toLowerCase(), role, teamId },
      });
    }
  } catch (error) {
    if (isUniqueViolation(error))
      return { ok: false, error: `@${login} is already a ${role} of this cohort.` };
    throw error;
  }
  await recordAudit({
    actorId,
    cohortId,
    action: `membership.appointed`,
    subjectType: "membership",
    subjectId: login,
    toValue: role,
  });
  return { ok: true, pending: !match };
}

/** GitHub logins are case-insensitive; lower() works alike on SQLite and PostgreSQL. */
export async function findPersonByLoginInsensitive(
  login: string,
): Promise<{ id: string; login: string } | null> {
  const rows = await db.$queryRaw<
    { id: string; login: string }[]
  >`SELECT "id", "login" FROM "Person" WHERE lower("login") = lower(${login}) LIMIT 1`;
  return rows[0] ?? null;
}

export async function removeMembership(
  actorId: string,
  cohortId: string,
  membershipId: string,
): Promise<void> {
  const removed = await db.cohortMembership.deleteMany({ where: { id: membershipId, cohortId } });
  if (removed.count > 0) {
    await recordAudit({
      actorId,
      cohortId,
      action: "membership.removed",
      subjectType: "membership",
      subjectId: membershipId,
    });
  }
}
