// A draft assignment of teams — suggested, then moved by hand — and what it means:
// each team's shared hours and the rules it breaks, and why each person left out is
// out. Pure, so the forming page computes it on the server and again in the browser
// as the organizer moves people. Nothing here is saved; publishing saves a draft.
import { andAll, bitsFromSlots, count, slotsFromBits } from "./bitset";
import {
  Assignment,
  chooseProject,
  explain,
  prepare,
  type Draft,
  type LeftOut,
  type SuggestInput,
} from "./suggest";

export type TeamView = {
  navigatorId: string;
  captainId: string | null;
  participantIds: string[];
  projectId: string | null;
  sharedHours: number;
  /** UTC slots shared by the participants and navigator */
  sharedSlots: string;
  captainSharedHours: number | null;
  warnings: string[];
};

export type DraftEvaluation = {
  teams: TeamView[];
  leftOut: LeftOut[];
  placed: number;
  sharedHours: number;
  warningCount: number;
};

/**
 * Keeps only people of the pool in their own role, each at most once; teams keyed
 * by a navigator of the pool. What cannot be read is dropped rather than refused:
 * a draft is the organizer's scratch paper.
 */
export function normalizeDraft(input: SuggestInput, draft: Draft): Draft {
  const navigators = new Set(input.navigators.map((n) => n.id));
  const captains = new Set(input.captains.map((c) => c.id));
  const participants = new Set(input.participants.map((p) => p.id));
  const seen = new Set<string>();
  const teams: Draft["teams"] = [];
  for (const team of draft.teams ?? []) {
    if (!team || !navigators.has(team.navigatorId) || seen.has(team.navigatorId)) continue;
    seen.add(team.navigatorId);
    const captainId =
      team.captainId && captains.has(team.captainId) && !seen.has(team.captainId) ? team.captainId : null;
    if (captainId) seen.add(captainId);
    const participantIds: string[] = [];
    for (const id of team.participantIds ?? []) {
      if (participants.has(id) && !seen.has(id)) {
        seen.add(id);
        participantIds.push(id);
      }
    }
    teams.push({ navigatorId: team.navigatorId, captainId, participantIds });
  }
  return { teams };
}

/** Moves one person: a participant or captain to a navigator's team, or out ("" ). */
export function moveInDraft(
  input: SuggestInput,
  draft: Draft,
  personId: string,
  toNavigatorId: string,
): Draft {
  const isCaptain = input.captains.some((c) => c.id === personId);
  const teams = normalizeDraft(input, draft).teams.map((t) => ({
    ...t,
    captainId: t.captainId === personId ? null : t.captainId,
    participantIds: t.participantIds.filter((id) => id !== personId),
  }));
  if (toNavigatorId) {
    let target = teams.find((t) => t.navigatorId === toNavigatorId);
    if (!target && input.navigators.some((n) => n.id === toNavigatorId)) {
      target = { navigatorId: toNavigatorId, captainId: null, participantIds: [] };
      teams.push(target);
    }
    if (target) {
      if (isCaptain) target.captainId = personId;
      else if (input.participants.some((p) => p.id === personId)) target.participantIds.push(personId);
    }
  }
  return normalizeDraft(input, { teams: teams.filter((t) => t.participantIds.length > 0 || t.captainId) });
}

export function evaluateDraft(input: SuggestInput, draft: Draft): DraftEvaluation {
  const clean = normalizeDraft(input, draft);
  const p = prepare(input);
  const navIndex = new Map(p.navs.map((n, t) => [n.id, t]));
  const partIndex = new Map(p.parts.map((part, i) => [part.id, i]));
  const capIndex = new Map(p.caps.map((c, k) => [c.id, k]));
  const a = new Assignment(p);
  const captainOf = new Map<number, number>();
  for (const team of clean.teams) {
    const t = navIndex.get(team.navigatorId)!;
    for (const id of team.participantIds) a.add(partIndex.get(id)!, t);
    if (team.captainId) captainOf.set(t, capIndex.get(team.captainId)!);
  }
  const names = new Map(
    [...input.participants, ...input.navigators, ...input.captains].map((x) => [x.id, x.name ?? x.id]),
  );
  const { rules } = input;
  let placed = 0;
  let totalSlots = 0;
  let warningCount = 0;
  const teams: TeamView[] = clean.teams.map((team) => {
    const t = navIndex.get(team.navigatorId)!;
    const nav = p.navs[t];
    const members = team.participantIds.map((id) => p.parts[partIndex.get(id)!]);
    const mask = andAll([nav.bits, ...members.map((m) => m.bits)]);
    const slots = members.length > 0 ? count(mask) : 0;
    const warnings: string[] = [];
    if (members.length < rules.teamSizeMin)
      warnings.push(
        `Only ${members.length} participant${members.length === 1 ? "" : "s"}: teams need at least ${rules.teamSizeMin}.`,
      );
    if (members.length > rules.teamSizeMax)
      warnings.push(`${members.length} participants: teams have at most ${rules.teamSizeMax}.`);
    if (members.length > 0 && slots < p.minSlots)
      warnings.push(
        `Shares ${slots / 2} hours a week; the cohort asks for at least ${rules.minSharedHours}.`,
      );
    const projectId =
      members.length > 0
        ? chooseProject(a, p, t)
        : (input.navigators.find((n) => n.id === team.navigatorId)?.projectId ?? null);
    if (members.length > 0 && !projectId) {
      const outside = members.filter((m) => (m.proj & nav.proj) === 0).map((m) => names.get(m.id));
      warnings.push(
        outside.length > 0
          ? `${outside.join(", ")} did not choose this navigator's project.`
          : "The participants chose no project in common.",
      );
    }
    for (const m of members) if (!m.hasSlots) warnings.push(`${names.get(m.id)} has not given availability.`);
    let captainSharedHours: number | null = null;
    if (team.captainId) {
      const cap = p.caps[capIndex.get(team.captainId)!];
      captainSharedHours = count(andAll([mask, cap.bits])) / 2;
      if (captainSharedHours < rules.captainMinSharedHours)
        warnings.push(
          `Shares ${captainSharedHours} hours a week with its captain; the cohort asks for at least ${rules.captainMinSharedHours}.`,
        );
    }
    placed += members.length;
    totalSlots += slots;
    warningCount += warnings.length;
    return {
      ...team,
      projectId,
      sharedHours: slots / 2,
      sharedSlots: slotsFromBits(members.length > 0 ? mask : bitsFromSlots(null)),
      captainSharedHours,
      warnings,
    };
  });
  return { teams, leftOut: explain(a, p, captainOf), placed, sharedHours: totalSlots / 2, warningCount };
}

/** The draft as a compact string for a hidden field. */
export function encodeDraft(draft: Draft): string {
  return JSON.stringify(draft.teams.map((t) => [t.navigatorId, t.captainId ?? "", ...t.participantIds]));
}

export function decodeDraft(value: string | null | undefined): Draft {
  if (!value) return { teams: [] };
  try {
    const rows = JSON.parse(value) as unknown;
    if (!Array.isArray(rows)) return { teams: [] };
    return {
      teams: rows
        .filter(
          (row): row is string[] =>
            Array.isArray(row) && row.length >= 2 && row.every((x) => typeof x === "string"),
        )
        .map(([navigatorId, captainId, ...participantIds]) => ({
          navigatorId,
          captainId: captainId || null,
          participantIds,
        })),
    };
  } catch {
    return { teams: [] };
  }
}

const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** "Tue 17:00–19:30, Sat 10:00–12:00" for a 336-slot local week. */
export function describeSlots(localSlots: string, limit = 6): string {
  const ranges: string[] = [];
  const time = (slot: number) =>
    `${String(Math.floor((slot % 48) / 2)).padStart(2, "0")}:${slot % 2 ? "30" : "00"}`;
  let i = 0;
  while (i < localSlots.length) {
    if (localSlots[i] !== "1") {
      i++;
      continue;
    }
    let j = i;
    while (j < localSlots.length && localSlots[j] === "1") j++;
    // a window running past midnight reads "Mon 23:00–Tue 01:00"
    const sameDay = Math.floor((j - 1) / 48) === Math.floor(i / 48);
    const end = sameDay
      ? j % 48 === 0
        ? "24:00"
        : time(j)
      : `${DAY_NAMES[Math.floor(j / 48) % 7]} ${time(j)}`;
    ranges.push(`${DAY_NAMES[Math.floor(i / 48)]} ${time(i)}–${end}`);
    i = j;
  }
  if (ranges.length === 0) return "no common time";
  return ranges.length > limit
    ? `${ranges.slice(0, limit).join(", ")} and ${ranges.length - limit} more`
    : ranges.join(", ");
}
