// Dates are stored in UTC and shown in the viewer's time zone.
export const DAY_MS = 24 * 60 * 60 * 1000;

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function formatDate(date: Date | string, timeZone = "UTC"): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: safeZone(timeZone) }).format(
    new Date(date),
  );
}

export function formatDateTime(date: Date | string, timeZone = "UTC"): string {
  // dateStyle/timeStyle cannot be combined with timeZoneName (a TypeError), so the
  // parts are spelled out: "22 Nov 2026, 14:30 GMT+1".
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: safeZone(timeZone),
    timeZoneName: "short",
  }).format(new Date(date));
}

export function formatTime(date: Date | string, timeZone = "UTC"): string {
  return new Intl.DateTimeFormat("en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: safeZone(timeZone),
    timeZoneName: "short",
  }).format(new Date(date));
}

/** The zone if the runtime knows it, else UTC. */
export function safeZone(timeZone: string): string {
  return isValidTimeZone(timeZone) ? timeZone : "UTC";
}

// Building an Intl.DateTimeFormat is far slower than using one: keep one per zone.
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock reading of an instant in `timeZone` (month 1–12, hour 0–23). */
export function wallClock(
  at: Date,
  timeZone: string,
): { year: number; month: number; day: number; hour: number; minute: number } {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
    wallClockFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour") % 24,
    minute: get("minute"),
  };
}

/** "YYYY-MM-DDTHH:MM:SSZ": an instant to the second, as GitHub search and Trac queries take it. */
export const isoSecond = (d: Date) => d.toISOString().slice(0, 19) + "Z";

/** "YYYY-MM-DD" of an instant as seen in UTC, for <input type=date>. */
export function isoDay(date: Date | string): string {
  return new Date(date).toISOString().slice(0, 10);
}

/**
 * The instant a deadline day ends "anywhere on earth": 23:59:59 at UTC−12,
 * which is 11:59:59.999 UTC the next day.
 */
export function endOfDayAnywhereOnEarth(day: string): Date {
  const start = new Date(`${day}T00:00:00.000Z`);
  return new Date(start.getTime() + DAY_MS + 12 * 60 * 60 * 1000 - 1);
}

/** The calendar day (YYYY-MM-DD) whose AoE end is `instant`. */
export function anywhereOnEarthDay(instant: Date | string): string {
  return isoDay(new Date(new Date(instant).getTime() - 12 * 60 * 60 * 1000 - DAY_MS + 1));
}
