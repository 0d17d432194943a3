// Weekly availability as 336 half-hour slots of the UTC week (Monday 00:00 UTC is
// slot 0), stored as a string of '0'/'1'. A person picks slots in their own time
// zone; shifting by the zone's offset for a reference week gives UTC slots.
import { wallClock } from "~/utils/time";

export const SLOTS_PER_DAY = 48;
export const SLOTS_PER_WEEK = 7 * SLOTS_PER_DAY;
export const WEEKDAYS = [
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "Sunday",
] as const;

export const emptySlots = (): string => "0".repeat(SLOTS_PER_WEEK);

export function isSlotString(value: string): boolean {
  return value.length === SLOTS_PER_WEEK && /^[01]+$/.test(value);
}

export function slotsToSet(slots: string): Set<number> {
  const set = new Set<number>();
  for (let i = 0; i < slots.length; i++) if (slots[i] === "1") set.add(i);
  return set;
}

export function setToSlots(set: Iterable<number>): string {
  const chars = new Array<string>(SLOTS_PER_WEEK).fill("0");
  for (const i of set) if (i >= 0 && i < SLOTS_PER_WEEK) chars[i] = "1";
  return chars.join("");
}

/** Minutes a zone is ahead of UTC at `at` (e.g. +120 for Berlin in summer). */
export function zoneOffsetMinutes(timeZone: string, at: Date): number {
  const { year, month, day, hour, minute } = wallClock(at, timeZone);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  return Math.round((asUtc - Math.floor(at.getTime() / 60000) * 60000) / 60000);
}

/**
 * How many slots to add to a local slot index to get the UTC slot index. Offsets
 * that are not a multiple of 30 minutes (e.g. Nepal, +5:45) round to the nearest
 * half hour.
 */
export function slotShift(timeZone: string, at: Date): number {
  return -Math.round(zoneOffsetMinutes(timeZone, at) / 30);
}

const mod = (n: number, m: number) => ((n % m) + m) % m;

/** Converts slots chosen in `timeZone` (local week) to UTC slots, for the week of `at`. */
export function localToUtc(localSlots: string, timeZone: string, at = new Date()): string {
  const shift = slotShift(timeZone, at);
  const out = new Array<string>(SLOTS_PER_WEEK).fill("0");
  for (let i = 0; i < SLOTS_PER_WEEK; i++)
    if (localSlots[i] === "1") out[mod(i + shift, SLOTS_PER_WEEK)] = "1";
  return out.join("");
}

/** Converts UTC slots to the local week of `timeZone`, for the week of `at`. */
export function utcToLocal(utcSlots: string, timeZone: string, at = new Date()): string {
  const shift = slotShift(timeZone, at);
  const out = new Array<string>(SLOTS_PER_WEEK).fill("0");
  for (let i = 0; i < SLOTS_PER_WEEK; i++) if (utcSlots[i] === "1") out[mod(i - shift, SLOTS_PER_WEEK)] = "1";
  return out.join("");
}

/** Slots where every one of `people` is available. */
export function intersect(people: string[]): string {
  if (people.length === 0) return emptySlots();
  let out = "";
  for (let i = 0; i < SLOTS_PER_WEEK; i++) out += people.every((s) => s[i] === "1") ? "1" : "0";
  return out;
}

export function countSlots(slots: string): number {
  let n = 0;
  for (let i = 0; i < slots.length; i++) if (slots[i] === "1") n++;
  return n;
}

/** Hours a week that all of `people` share. */
export function sharedHours(people: string[]): number {
  return countSlots(intersect(people)) / 2;
}

export function slotLabel(index: number): { day: (typeof WEEKDAYS)[number]; time: string } {
  const day = WEEKDAYS[Math.floor(index / SLOTS_PER_DAY)];
  const minutes = (index % SLOTS_PER_DAY) * 30;
  const time = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  return { day, time };
}

/** Local slot indices from form values like "mon-09:30" (day prefix, HH:MM). */
export function slotIndexFromKey(key: string): number | null {
  const match = /^(mon|tue|wed|thu|fri|sat|sun)-(\d{2}):(00|30)$/.exec(key);
  if (!match) return null;
  const day = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].indexOf(match[1]);
  const hour = Number(match[2]);
  if (hour > 23) return null;
  return day * SLOTS_PER_DAY + hour * 2 + (match[3] === "30" ? 1 : 0);
}

export function slotKey(index: number): string {
  const day = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][Math.floor(index / SLOTS_PER_DAY)];
  const minutes = (index % SLOTS_PER_DAY) * 30;
  return `${day}-${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
