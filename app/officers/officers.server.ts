// Calls for navigators and captains: the organizers' call (dates, form, rubric,
// the cohort's weekly hours), applying, reviewing and selecting. The selected become
// navigators or captains through the existing appointment; every decision is audited
// and everyone gets a notice in words.
import { forbidden, notFound, type CohortAccess, cohortBySlug } from "~/auth/permissions.server";
import type { SessionPerson } from "~/auth/session.server";
import {
  answerProblem,
  parseOptions,
  storedAnswer,
  type Question,
  type QuestionInput,
  type QuestionType,
} from "~/applications/questions";
import { appointByLogin } from "~/cohorts/admin.server";
import { recordAudit } from "~/cohorts/audit.server";
import { noticeLink } from "~/notifications/links.server";
import { queueNotice } from "~/notifications/outbox.server";
import { noticeText } from "~/notifications/templates";
import { db } from "~/utils/db.server";
import type { FormValues } from "~/utils/forms";
import type { CallInput, DecisionInput, ReviewInput } from "./forms";
import {
  checkCommitment,
  DECIDED,
  isCallOpen,
  OFFICER_STATUS_LABELS,
  parseList,
  parseRecord,
  type OfficerRole,
  type OfficerStatus,
} from "./rules";

import { officersPath, volunteerPath } from "./paths";
export { officersPath, volunteerPath };

type StoredQuestion = {
  id: string;
  type: QuestionType;
  label: string;
  helpText: string;
  required: boolean;
  options: string[];
};

function parseCallQuestions(json: string): Question[] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return (value as StoredQuestion[]).map((q, i) => ({
      id: q.id,
      position: i,
      type: q.type,
      label: q.label,
      helpText: q.helpText ?? "",
      required: Boolean(q.required),
      sensitive: false,
      options: q.options ?? [],
    }));
  } catch {
    return [];
  }
}

async function cohortOf(slug: string) {
  const cohort = await cohortBySlug(slug);
  if (!cohort || !cohort.publishedAt) throw notFound("There is no cohort at this address.");
  const projects = await db.cohortProject.findMany({
    where: { cohortId: cohort.id },
    select: { project: { select: { slug: true, name: true } } },
  });
  return { ...cohort, projects };
}

/** The open call of a cohort for its public page (null when there is none open). */
export async function openCallFor(
  slug: string,
  now = new Date(),
): Promise<{ href: string; closesAt: Date } | null> {
  const cohort = await cohortBySlug(slug);
  if (!cohort) return null;
  const call = await db.officerCall.findUnique({
    where: { cohortId: cohort.id },
    select: { opensAt: true, closesAt: true },
  });
  return call && isCallOpen(call, now) ? { href: volunteerPath(slug), closesAt: call.closesAt } : null;
}

// ───────────────────────────── applying ──────────────────────────────────────

export async function getVolunteerPage(person: SessionPerson, slug: string, now = new Date()) {
  const cohort = await cohortOf(slug);
  const call = await db.officerCall.findUnique({ where: { cohortId: cohort.id } });
  const mine = call
    ? await db.officerApplication.findUnique({
        where: { callId_personId: { callId: call.id, personId: person.id } },
      })
    : null;
  const questions = call ? parseCallQuestions(call.questions) : [];
  const answers = parseRecord(mine?.answers);
  return {
    cohort: {
      slug: cohort.slug,
      name: cohort.name,
      weeklyHours: cohort.weeklyHours,
      weeks: cohort.weeks,
      startsOn: cohort.startsOn,
      projects: cohort.projects.map((p) => p.project),
    },
    call: call
      ? { opensAt: call.opensAt, closesAt: call.closesAt, intro: call.intro, open: isCallOpen(call, now) }
      : null,
    questions,
    application: mine
      ? {
          status: mine.status as OfficerStatus,
          statusLabel: OFFICER_STATUS_LABELS[mine.status as OfficerStatus],
          role: mine.role,
          submittedAt: mine.submittedAt,
        }
      : null,
    values: mine
      ? ({
          role: mine.role,
          hoursPerWeek: String(mine.hoursPerWeek),
          commitmentHours: String(mine.commitmentHours),
          otherCommitments: mine.otherCommitments,
          "projects[]": parseList(mine.projects),
          ...Object.fromEntries(
            questions.map((q) => [
              `q_${q.id}`,
              q.type === "multiple_choice" ? parseOptions(answers[q.id] ?? "[]") : (answers[q.id] ?? ""),
            ]),
          ),
        } as FormValues)
      : null,
  };
}

export type ApplyResult = { ok: true; updated: boolean } | { ok: false; errors: Record<string, string> };

/** Applies (or changes the application) while the call is open; a decided application is final. */
export async function applyAsOfficer(
  person: SessionPerson,
  slug: string,
  values: FormValues,
  now = new Date(),
): Promise<ApplyResult> {
  const cohort = await cohortOf(slug);
  const call = await db.officerCall.findUnique({ where: { cohortId: cohort.id } });
  if (!call) return { ok: false, errors: { form: "This cohort has no call for navigators and captains." } };
  if (!isCallOpen(call, now)) {
    return {
      ok: false,
      errors: {
        form:
          now < call.opensAt
            ? "The call for navigators and captains has not opened yet."
            : "The call for navigators and captains has closed.",
      },
    };
  }
  const existing = await db.officerApplication.findUnique({
    where: { callId_personId: { callId: call.id, personId: person.id } },
    select: { id: true, status: true },
  });
  if (existing && DECIDED.includes(existing.status as OfficerStatus))
    return { ok: false, errors: { form: "Your application has been decided; it can no longer be changed." } };
  const errors: Record<string, string> = {};
  const text = (k: string) =>
    (Array.isArray(values[k])
      ? ((values[k] as string[])[0] ?? "")
      : ((values[k] as string | undefined) ?? "")
    ).trim();
  const role = text("role");
  if (role !== "navigator" && role !== "captain") errors.role = "Choose navigator or captain.";
  const hours = text("hoursPerWeek") === "" ? NaN : Number(text("hoursPerWeek"));
  const commitments = text("commitmentHours") === "" ? 0 : Number(text("commitmentHours"));
  const check = checkCommitment(cohort.weeklyHours, hours, commitments);
  if (!check.valid) errors[check.field] = check.message;
  const otherCommitments = text("otherCommitments");
  if (otherCommitments.length > 2000)
    errors.otherCommitments = "Keep your other commitments under 2,000 characters.";
  const known = new Set(cohort.projects.map((p) => p.project.slug));
  const rawProjects = values["projects[]"];
  const projects = (Array.isArray(rawProjects) ? rawProjects : rawProjects ? [rawProjects] : []).filter((p) =>
    known.has(p),
  );
  const questions = parseCallQuestions(call.questions);
  const answers: Record<string, string> = {};
  for (const q of questions) {
    const stored = storedAnswer(q, values[`q_${q.id}`]);
    const problem = answerProblem(q, stored, true);
    if (problem) errors[`q_${q.id}`] = problem;
    answers[q.id] = stored;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const data = {
    role,
    answers: JSON.stringify(answers),
    projects: JSON.stringify(projects),
    hoursPerWeek: hours,
    commitmentHours: commitments,
    otherCommitments,
  };
  await db.officerApplication.upsert({
    where: { callId_personId: { callId: call.id, personId: person.id } },
    update: data,
    create: { callId: call.id, cohortId: cohort.id, personId: person.id, submittedAt: now, ...data },
  });
  if (!existing) {
    await recordAudit({
      actorId: person.id,
      cohortId: cohort.id,
      action: "officer_application.submitted",
      subjectType: "officer_application",
      subjectId: person.login,
      toValue: role,
    });
    await queueNotice({
      ...noticeText("officer_applied", {
        name: person.name,
        cohort: cohort.name,
        role,
        link: noticeLink(volunteerPath(cohort.slug)),
      }),
      cohortId: cohort.id,
      personId: person.id,
    });
  }
  return { ok: true, updated: Boolean(existing) };
}

// ───────────────────────────── the organizers' call ──────────────────────────

function requireOrganizer(access: CohortAccess) {
  if (!access.isOrganizer)
    throw forbidden("Calls for navigators and captains are run by the cohort's organizers.");
}

/** Past participation of people in other cohorts, for reviewers (one query). */
async function pastParticipation(cohortId: string, personIds: string[]) {
  const rows = await db.cohortMembership.findMany({
    where: {
      personId: { in: personIds },
      cohortId: { not: cohortId },
      role: { in: ["participant", "navigator", "captain"] },
    },
    select: {
      personId: true,
      role: true,
      completedAt: true,
      cohort: { select: { name: true, startsOn: true } },
      team: { select: { name: true } },
    },
    orderBy: { cohort: { startsOn: "asc" } },
  });
  const byPerson = new Map<string, string[]>();
  for (const r of rows) {
    const line = `${r.role} in ${r.cohort.name}${r.team ? ` (${r.team.name})` : ""}${r.role === "participant" ? (r.completedAt ? ", completed" : ", did not complete") : ""}`;
    byPerson.set(r.personId!, [...(byPerson.get(r.personId!) ?? []), line]);
  }
  return byPerson;
}

export async function getCallReview(access: CohortAccess, now = new Date()) {
  requireOrganizer(access);
  const cohort = access.cohort;
  const call = await db.officerCall.findUnique({ where: { cohortId: cohort.id } });
  const applications = call
    ? await db.officerApplication.findMany({ where: { callId: call.id }, orderBy: { submittedAt: "asc" } })
    : [];
  const people = await db.person.findMany({
    where: { id: { in: applications.map((a) => a.personId) } },
    select: { id: true, name: true, login: true },
  });
  const past = await pastParticipation(
    cohort.id,
    applications.map((a) => a.personId),
  );
  return {
    cohort: { slug: cohort.slug, name: cohort.name, weeklyHours: cohort.weeklyHours },
    call: call
      ? {
          opensAt: call.opensAt,
          closesAt: call.closesAt,
          intro: call.intro,
          rubric: parseList(call.rubric),
          questions: parseCallQuestions(call.questions),
          open: isCallOpen(call, now),
          invitesSentAt: call.invitesSentAt,
        }
      : null,
    defaults: {
      opensAt: now,
      closesAt: new Date(Math.min(cohort.startsOn.getTime(), now.getTime() + 21 * 86_400_000)),
    },
    applications: applications.map((a) => {
      const person = people.find((p) => p.id === a.personId);
      const check = checkCommitment(cohort.weeklyHours, a.hoursPerWeek, a.commitmentHours);
      return {
        id: a.id,
        name: person?.name ?? "Someone",
        login: person?.login ?? "",
        role: a.role as OfficerRole,
        status: a.status as OfficerStatus,
        statusLabel: OFFICER_STATUS_LABELS[a.status as OfficerStatus],
        hoursPerWeek: a.hoursPerWeek,
        commitmentHours: a.commitmentHours,
        commitmentFlag: check.valid && !check.fits ? check.message : null,
        past: past.get(a.personId) ?? [],
        submittedAt: a.submittedAt,
      };
    }),
  };
}

export async function saveCall(
  access: CohortAccess,
  input: CallInput,
): Promise<{ ok: true; message: string } | { ok: false; errors: Record<string, string> }> {
  requireOrganizer(access);
  if (input.closesAt.getTime() <= input.opensAt.getTime())
    return { ok: false, errors: { closesAt: "The call must close after it opens." } };
  const data = {
    opensAt: input.opensAt,
    closesAt: input.closesAt,
    intro: input.intro,
    rubric: JSON.stringify(input.rubric),
  };
  await db.officerCall.upsert({
    where: { cohortId: access.cohort.id },
    update: data,
    create: { cohortId: access.cohort.id, ...data },
  });
  await db.cohort.update({ where: { id: access.cohort.id }, data: { weeklyHours: input.weeklyHours } });
  await recordAudit({
    actorId: access.person.id,
    cohortId: access.cohort.id,
    action: "officer_call.saved",
    subjectType: "officer_call",
    subjectId: access.cohort.id,
    toValue: `${input.opensAt.toISOString()}–${input.closesAt.toISOString()}`,
  });
  return { ok: true, message: "Call for navigators and captains saved." };
}

export async function addCallQuestion(access: CohortAccess, input: QuestionInput): Promise<string> {
  requireOrganizer(access);
  const call = await db.officerCall.findUnique({ where: { cohortId: access.cohort.id } });
  if (!call) throw notFound("Open the call before adding questions.");
  const questions = parseCallQuestions(call.questions).map((q): StoredQuestion => ({
    id: q.id,
    type: q.type,
    label: q.label,
    helpText: q.helpText,
    required: q.required,
    options: q.options,
  }));
  const id = `q${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  questions.push({
    id,
    type: input.type,
    label: input.label,
    helpText: input.helpText,
    required: input.required,
    options: input.options,
  });
  await db.officerCall.update({ where: { id: call.id }, data: { questions: JSON.stringify(questions) } });
  return `Question “${input.label}” added.`;
}

export async function removeCallQuestion(access: CohortAccess, questionId: string): Promise<string> {
  requireOrganizer(access);
  const call = await db.officerCall.findUnique({ where: { cohortId: access.cohort.id } });
  if (!call) throw notFound("There is no call.");
  const questions = parseCallQuestions(call.questions);
  const kept = questions.filter((q) => q.id !== questionId);
  await db.officerCall.update({
    where: { id: call.id },
    data: {
      questions: JSON.stringify(
        kept.map((q) => ({
          id: q.id,
          type: q.type,
          label: q.label,
          helpText: q.helpText,
          required: q.required,
          options: q.options,
        })),
      ),
    },
  });
  return kept.length < questions.length ? "Question removed." : "That question was already removed.";
}

/** Invites every alumnus of an earlier cohort (a participant there) by a notice, once each. */
export async function inviteAlumni(access: CohortAccess): Promise<number> {
  requireOrganizer(access);
  const cohort = access.cohort;
  const call = await db.officerCall.findUnique({ where: { cohortId: cohort.id } });
  if (!call) throw notFound("Open the call before inviting alumni.");
  const alumni = await db.cohortMembership.findMany({
    where: {
      role: "participant",
      personId: { not: null },
      cohort: { startsOn: { lt: cohort.startsOn } },
      cohortId: { not: cohort.id },
    },
    select: { personId: true, person: { select: { name: true } }, cohort: { select: { name: true } } },
  });
  const seen = new Set<string>();
  let sent = 0;
  for (const a of alumni) {
    if (seen.has(a.personId!)) continue;
    seen.add(a.personId!);
    const queued = await queueNotice({
      ...noticeText("officer_invitation", {
        name: a.person!.name,
        pastCohort: a.cohort.name,
        cohort: cohort.name,
        weeklyHours: cohort.weeklyHours,
        link: noticeLink(volunteerPath(cohort.slug)),
      }),
      cohortId: cohort.id,
      personId: a.personId,
      dedupeKey: `officer-invite:${call.id}:${a.personId}`,
    });
    if (queued) sent++;
  }
  await db.officerCall.update({ where: { id: call.id }, data: { invitesSentAt: new Date() } });
  await recordAudit({
    actorId: access.person.id,
    cohortId: cohort.id,
    action: "officer_call.alumni_invited",
    subjectType: "officer_call",
    subjectId: call.id,
    toValue: String(sent),
  });
  return sent;
}

// ───────────────────────────── one application ───────────────────────────────

export async function getOfficerApplication(access: CohortAccess, id: string) {
  requireOrganizer(access);
  const a = await db.officerApplication.findFirst({
    where: { id, cohortId: access.cohort.id },
    include: { call: true },
  });
  if (!a) throw notFound("There is no such application.");
  const cohort = access.cohort;
  const [person, cohortProjects, teams, past] = await Promise.all([
    db.person.findUnique({ where: { id: a.personId }, select: { name: true, login: true, timeZone: true } }),
    db.cohortProject.findMany({
      where: { cohortId: cohort.id },
      select: { project: { select: { slug: true, name: true } } },
    }),
    db.team.findMany({
      where: { cohortId: access.cohort.id },
      select: { slug: true, name: true },
      orderBy: { name: "asc" },
    }),
    pastParticipation(access.cohort.id, [a.personId]),
  ]);
  const questions = parseCallQuestions(a.call.questions);
  const answers = parseRecord(a.answers);
  const check = checkCommitment(cohort.weeklyHours, a.hoursPerWeek, a.commitmentHours);
  const projectNames = new Map(cohortProjects.map((p) => [p.project.slug, p.project.name]));
  return {
    cohort: { slug: access.cohort.slug, name: access.cohort.name, weeklyHours: cohort.weeklyHours },
    id: a.id,
    version: a.version,
    person: {
      name: person?.name ?? "Someone",
      login: person?.login ?? "",
      timeZone: person?.timeZone ?? "UTC",
    },
    role: a.role as OfficerRole,
    status: a.status as OfficerStatus,
    statusLabel: OFFICER_STATUS_LABELS[a.status as OfficerStatus],
    decided: DECIDED.includes(a.status as OfficerStatus),
    decidedAt: a.decidedAt,
    submittedAt: a.submittedAt,
    hoursPerWeek: a.hoursPerWeek,
    commitmentHours: a.commitmentHours,
    otherCommitments: a.otherCommitments,
    commitment: check.valid
      ? { fits: check.fits, message: check.message }
      : { fits: false, message: check.message },
    projects: parseList(a.projects).map((slug) => projectNames.get(slug) ?? slug),
    answers: questions.map((q) => ({
      label: q.label,
      type: q.type,
      value:
        q.type === "multiple_choice"
          ? parseOptions(answers[q.id] ?? "[]").join("; ")
          : q.type === "yes_no"
            ? answers[q.id] === "yes"
              ? "Yes"
              : answers[q.id] === "no"
                ? "No"
                : ""
            : (answers[q.id] ?? ""),
    })),
    past: past.get(a.personId) ?? [],
    notes: a.notes,
    interviewNotes: a.interviewNotes,
    rubric: parseList(a.call.rubric),
    rubricScores: parseRecord(a.rubricScores),
    teams,
  };
}

const STALE =
  "Someone else changed this application while you were editing it. Reload to see their changes; your text is still in the form.";

/** Notes, interview notes, rubric and the pre-decision status, guarded by the version. */
export async function reviewOfficerApplication(
  access: CohortAccess,
  id: string,
  input: ReviewInput,
): Promise<{ ok: true } | { ok: false; error: string }> {
  requireOrganizer(access);
  const a = await db.officerApplication.findFirst({
    where: { id, cohortId: access.cohort.id },
    select: { status: true, call: { select: { rubric: true } } },
  });
  if (!a) throw notFound("There is no such application.");
  if (DECIDED.includes(a.status as OfficerStatus) && input.status !== a.status)
    return { ok: false, error: "This application has been decided; its status can no longer change." };
  const criteria = parseList(a.call.rubric);
  const scores = Object.fromEntries(
    criteria.flatMap((c, i) => (input.scores[i] ? [[c, String(input.scores[i])]] : [])),
  );
  const updated = await db.officerApplication.updateMany({
    where: { id, version: input.version },
    data: {
      notes: input.notes,
      interviewNotes: input.interviewNotes,
      rubricScores: JSON.stringify(scores),
      status: input.status,
      version: { increment: 1 },
    },
  });
  if (updated.count === 0) return { ok: false, error: STALE };
  if (input.status !== a.status) {
    await recordAudit({
      actorId: access.person.id,
      cohortId: access.cohort.id,
      action: "officer_application.status",
      subjectType: "officer_application",
      subjectId: id,
      fromValue: a.status,
      toValue: input.status,
    });
  }
  return { ok: true };
}

export type DecideResult = { ok: true; message: string } | { ok: false; error: string };

/**
 * Selects or declines. The status changes from undecided to decided in one
 * conditional update, so when two organizers select the same volunteer at once
 * only one appointment, one notice and one audit entry follow.
 */
export async function decideOfficerApplication(
  access: CohortAccess,
  id: string,
  input: DecisionInput,
  now = new Date(),
): Promise<DecideResult> {
  requireOrganizer(access);
  const a = await db.officerApplication.findFirst({
    where: { id, cohortId: access.cohort.id },
    select: { id: true, personId: true, role: true, status: true },
  });
  if (!a) throw notFound("There is no such application.");
  const person = await db.person.findUnique({
    where: { id: a.personId },
    select: { id: true, name: true, login: true },
  });
  if (!person) throw notFound("The volunteer's account no longer exists.");
  const role: OfficerRole =
    input.decision === "select" ? (input.role ?? (a.role as OfficerRole)) : (a.role as OfficerRole);
  let teamId: string | null = null;
  let teamName: string | null = null;
  if (input.decision === "select" && input.team) {
    const team = await db.team.findUnique({
      where: { cohortId_slug: { cohortId: access.cohort.id, slug: input.team } },
      select: { id: true, name: true },
    });
    if (!team) return { ok: false, error: "Choose one of the cohort's teams, or no team yet." };
    teamId = team.id;
    teamName = team.name;
  }
  const status: OfficerStatus = input.decision === "select" ? "selected" : "declined";
  const won = await db.officerApplication.updateMany({
    where: { id, status: { notIn: DECIDED } },
    data: { status, role, teamId, decidedAt: now, decidedById: access.person.id, version: { increment: 1 } },
  });
  if (won.count === 0)
    return {
      ok: false,
      error: `${person.name}'s application was already decided (perhaps by another organizer just now).`,
    };
  await recordAudit({
    actorId: access.person.id,
    cohortId: access.cohort.id,
    action: `officer_application.${status}`,
    subjectType: "officer_application",
    subjectId: id,
    fromValue: a.status,
    toValue: status,
    detail: status === "selected" ? `${role}${teamName ? ` of ${teamName}` : ""}` : null,
  });
  const cohortLink = noticeLink(`/cohorts/${access.cohort.slug}`);
  if (status === "selected") {
    const appointed = await appointByLogin(access.person.id, access.cohort.id, person.login, role, teamId);
    await queueNotice({
      ...noticeText("officer_selected", {
        name: person.name,
        cohort: access.cohort.name,
        role,
        team: teamName ?? null,
        link: cohortLink,
      }),
      cohortId: access.cohort.id,
      personId: person.id,
      dedupeKey: `officer-decision:${id}`,
    });
    const already = !appointed.ok ? " They already held that role." : "";
    return {
      ok: true,
      message: `${person.name} is now a ${role} of ${access.cohort.name}${teamName ? ` in ${teamName}` : ""}.${already}`,
    };
  }
  await queueNotice({
    ...noticeText("officer_declined", {
      name: person.name,
      cohort: access.cohort.name,
      role: a.role,
      link: cohortLink,
    }),
    cohortId: access.cohort.id,
    personId: person.id,
    dedupeKey: `officer-decision:${id}`,
  });
  return { ok: true, message: `${person.name} was told, with thanks, that they were not selected.` };
}
