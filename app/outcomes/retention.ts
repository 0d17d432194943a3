// Retention of alumni at 1, 3, 6 and 12 months after their cohort's end (CHAOSS
// "Inactive Contributors"): a person counts as still contributing at a mark when
// they did anything upstream in the window since the previous mark, so someone who
// stops and restarts drops out of one mark and is back at a later one. A person
// counts at a mark only when the mark has passed AND their activity at it was read
// (a mark not read yet is "still to be checked", never "not contributing");
// opted-out people are never counted.

export const MARKS = [1, 3, 6, 12] as const;
export type Mark = (typeof MARKS)[number];

/** Published baseline for newcomers (Silva et al., SBES 2017, Google Summer of Code). */
export const GSOC_BASELINE: Record<Mark, number | null> = { 1: 0.4, 3: null, 6: null, 12: 0.15 };
export const BASELINE_CITATION =
  "Silva, Wiese, German, Treude, Gerosa & Steinmacher, “Google Summer of Code: a study of student contributions”, SBES 2017 — about 40% of newcomers still contributing a month after the program, about 15% a year after.";

/** The instant `months` calendar months after `end` (UTC; the 31st clamps to the month's last day). */
export function addMonths(end: Date, months: number): Date {
  const d = new Date(end);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/** The window a mark looks at: after the previous mark, up to and including this one. */
export function markWindow(end: Date, mark: Mark): { from: Date; to: Date } {
  const index = MARKS.indexOf(mark);
  const previous = index === 0 ? 0 : MARKS[index - 1];
  return { from: addMonths(end, previous), to: addMonths(end, mark) };
}

export type AlumnusHistory = {
  personId: string;
  /** the cohort's end */
  end: Date;
  optedOut: boolean;
  /** instants of upstream activity (any kind) in the repositories that count */
  activity: Date[];
  /** the marks at which their activity has been read */
  checked: readonly number[];
};

/** One recorded contribution: where (owner/name as read, or a Trac address) and when. */
export type ActivityRecord = { repository: string; at: Date };

/**
 * A person's history for the figures of some projects: records under a repository's
 * current or former name (or the project's Trac) belong to its project, anything
 * else is left out; an opted-out person has no activity at all.
 */
export function alumnusHistory(input: {
  personId: string;
  end: Date;
  optedOut: boolean;
  checked: readonly number[];
  records: readonly ActivityRecord[];
  /** lower-cased owner/name (current and former) or Trac address → project id */
  projectOf: ReadonlyMap<string, string>;
  projects: ReadonlySet<string>;
}): AlumnusHistory {
  const activity = input.optedOut
    ? []
    : input.records
        .filter((r) => {
          const project = input.projectOf.get(r.repository.toLowerCase());
          return project !== undefined && input.projects.has(project);
        })
        .map((r) => r.at)
        .sort((a, b) => a.getTime() - b.getTime());
  return {
    personId: input.personId,
    end: input.end,
    optedOut: input.optedOut,
    checked: input.checked,
    activity,
  };
}

export type MarkFigure = {
  mark: Mark;
  /** people whose mark has passed and whose activity at it was read (opted-out people left out) */
  eligible: number;
  active: number;
  /** active / eligible, null when nobody is counted at the mark yet */
  share: number | null;
  /** people past the mark whose activity at it has not been read yet */
  unchecked: number;
};

export function activeAt(history: Pick<AlumnusHistory, "end" | "activity">, mark: Mark): boolean {
  const { from, to } = markWindow(history.end, mark);
  return history.activity.some((at) => at.getTime() > from.getTime() && at.getTime() <= to.getTime());
}

export function retention(
  histories: AlumnusHistory[],
  now: Date,
): { marks: MarkFigure[]; optedOut: number; people: number } {
  const counted = histories.filter((h) => !h.optedOut);
  const marks = MARKS.map((mark): MarkFigure => {
    const past = counted.filter((h) => addMonths(h.end, mark).getTime() <= now.getTime());
    const eligible = past.filter((h) => h.checked.includes(mark));
    const active = eligible.filter((h) => activeAt(h, mark)).length;
    return {
      mark,
      eligible: eligible.length,
      active,
      share: eligible.length ? active / eligible.length : null,
      unchecked: past.length - eligible.length,
    };
  });
  return { marks, optedOut: histories.length - counted.length, people: counted.length };
}

export function percent(share: number | null): string {
  return share === null ? "—" : `${Math.round(share * 100)}%`;
}

/** Median of a list, null when empty. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
