// Django's Trac has no JSON API any more: its custom query answers CSV when asked
// (`format=csv`) with explicit `col=` columns. The CSV starts with a UTF-8 BOM,
// its header row holds column *labels* ("Summary", "Modified"), and times are
// formatted for a locale. Nothing here trusts the shape: an answer without the
// columns we need is an error, never an empty result.
import { env } from "~/utils/env.server";
import { isoSecond } from "~/utils/time";
import { unreachableReason } from "./unreachable";

export type TracTicket = {
  number: number;
  title: string;
  url: string;
  status: string;
  stage: string | null;
  easy: boolean;
  state: "open" | "closed";
  updatedAt: Date | null;
};

export class TracError extends Error {
  constructor(
    public kind: "not_found" | "malformed" | "failed",
    message: string,
  ) {
    super(message);
    this.name = "TracError";
  }
}

export const TRAC_COLUMNS = ["id", "summary", "status", "stage", "easy", "changetime"] as const;

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const source = text.replace(/^\uFEFF/, "");
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && source[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ""));
}

const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

/**
 * Trac formats times for the viewer's locale; we ask anonymously, which gives the
 * server's default. Accepts ISO 8601, "11/20/2026 03:14:07 PM" (en_US), "20/11/2026
 * 15:14:07" (day first, when the first number is over 12), and "Nov 20, 2026,
 * 3:14:07 PM". Times without a zone are read as UTC. Unreadable → null.
 */
export function parseTracTime(value: string): Date | null {
  const text = value.trim();
  if (!text) return null;
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) {
    const iso = /[zZ]|[+-]\d{2}:?\d{2}$/.test(text) ? text : `${text.replace(" ", "T")}Z`;
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  const clock = (h: string, m: string, s: string | undefined, ampm: string | undefined) => {
    let hour = Number(h);
    if (ampm) {
      const pm = ampm.toLowerCase() === "pm";
      if (hour === 12) hour = pm ? 12 : 0;
      else if (pm) hour += 12;
    }
    return [hour, Number(m), Number(s ?? 0)] as const;
  };
  const numeric = text.match(
    /^(\d{1,2})[/.](\d{1,2})[/.](\d{2,4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/,
  );
  if (numeric) {
    const [, a, b, y, h, m, s, ampm] = numeric;
    let month = Number(a) - 1;
    let day = Number(b);
    if (Number(a) > 12 || (text.includes(".") && !ampm)) {
      month = Number(b) - 1;
      day = Number(a);
    }
    const year = y.length === 2 ? 2000 + Number(y) : Number(y);
    return new Date(Date.UTC(year, month, day, ...clock(h, m, s, ampm)));
  }
  const named = text.match(
    /^([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/,
  );
  if (named) {
    const [, mon, d, y, h, m, s, ampm] = named;
    const month = MONTHS[mon.toLowerCase()];
    if (month === undefined) return null;
    return new Date(Date.UTC(Number(y), month, Number(d), ...clock(h, m, s, ampm)));
  }
  return null;
}

/** Column labels as Trac writes them → our column names. */
const HEADER_ALIASES: Record<string, (typeof TRAC_COLUMNS)[number]> = {
  id: "id",
  ticket: "id",
  "#": "id",
  summary: "summary",
  status: "status",
  stage: "stage",
  "triage stage": "stage",
  easy: "easy",
  "easy pickings": "easy",
  changetime: "changetime",
  modified: "changetime",
};

export function ticketUrl(tracUrl: string, number: number): string {
  return `${tracUrl.replace(/\/$/, "")}/ticket/${number}`;
}

/** Reads a query CSV into tickets; throws TracError("malformed") when the columns are missing. */
export function parseTicketsCsv(text: string, tracUrl: string): TracTicket[] {
  const rows = parseCsv(text);
  if (rows.length === 0)
    throw new TracError("malformed", "Trac sent an empty answer instead of a CSV table.");
  const header = rows[0].map((h) => HEADER_ALIASES[h.trim().toLowerCase()]);
  const at = (name: (typeof TRAC_COLUMNS)[number]) => header.indexOf(name);
  if (at("id") < 0 || at("summary") < 0 || at("status") < 0) {
    throw new TracError(
      "malformed",
      "Trac's answer did not have the id, summary and status columns (is the address a Trac query?).",
    );
  }
  const tickets: TracTicket[] = [];
  for (const row of rows.slice(1)) {
    const number = Number(row[at("id")]?.replace(/^#/, ""));
    if (!Number.isInteger(number) || number <= 0) continue;
    const status = (row[at("status")] ?? "").trim();
    const easyValue = at("easy") >= 0 ? (row[at("easy")] ?? "").trim() : "";
    tickets.push({
      number,
      title: (row[at("summary")] ?? "").trim(),
      url: ticketUrl(tracUrl, number),
      status,
      stage: at("stage") >= 0 ? (row[at("stage")] ?? "").trim() || null : null,
      easy: easyValue === "1" || easyValue.toLowerCase() === "yes",
      state: status === "closed" ? "closed" : "open",
      updatedAt: at("changetime") >= 0 ? parseTracTime(row[at("changetime")] ?? "") : null,
    });
  }
  return tickets;
}

export type TracOptions = {
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** milliseconds per second of a retry pause (1000 in production; tests make it short) */
  timeScale?: number;
};

/** Django's public Trac: projects store this address; TRAC_URL may point elsewhere. */
export const DJANGO_TRAC = "https://code.djangoproject.com";

/**
 * Where to send a query for a project's tracker. A project stores Django's public
 * address (its ticket links must keep working for people); when TRAC_URL names
 * another server (a mirror, a staging Trac, the offline demo), every request for
 * Django's Trac goes there instead.
 */
export function tracRequestBase(projectTracUrl: string): string {
  const configured = env().TRAC_URL.replace(/\/$/, "");
  const project = projectTracUrl.replace(/\/$/, "");
  try {
    if (new URL(project).origin === new URL(DJANGO_TRAC).origin) return configured;
  } catch {
    // not an address: asked as it is, and the fetch explains
  }
  return project;
}

/**
 * Trac 1.6's `id=` filter splits only on commas, and accepts ranges: `12-14,33`.
 * (A `|`-joined list, the separator of other fields, makes Trac answer 500.)
 */
export function idFilter(numbers: number[]): string {
  const sorted = [...new Set(numbers.filter((n) => Number.isInteger(n) && n > 0))].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j - i >= 2 ? `${sorted[i]}-${sorted[j]}` : sorted.slice(i, j + 1).join(","));
    i = j + 1;
  }
  return parts.join(",");
}

const RETRY_PAUSES_SECONDS = [1, 4];

export class Trac {
  requests = 0;
  constructor(private options: TracOptions = {}) {}

  private async csv(url: string): Promise<string> {
    this.requests += 1;
    const doFetch = this.options.fetch ?? fetch;
    let response: Response | undefined;
    const pause = (attempt: number) =>
      new Promise((r) => setTimeout(r, RETRY_PAUSES_SECONDS[attempt - 1] * (this.options.timeScale ?? 1000)));
    for (let attempt = 1; attempt <= 3; attempt++) {
      // A struggling Trac (5xx, no answer) gets a pause that grows before each retry.
      if (attempt > 1) await pause(attempt - 1);
      if (attempt > 1) this.requests += 1;
      try {
        response = await doFetch(url, {
          headers: { Accept: "text/csv" },
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 20_000),
        });
      } catch (error) {
        const cause = (error as Error & { cause?: Error }).cause?.message;
        if (attempt === 3) {
          console.warn(`Trac (${new URL(url).host}) unreachable: ${cause ?? (error as Error).message}`);
          throw new TracError(
            "failed",
            `Trac (${new URL(url).host}) could not be reached: ${unreachableReason(cause ?? (error as Error).message)}. Nothing was changed; try again in a few minutes.`,
          );
        }
        continue;
      }
      if (response.status < 500) break;
    }
    if (!response) throw new TracError("failed", "Trac did not answer.");
    if (response.status === 404) throw new TracError("not_found", "Trac has no such ticket.");
    if (!response.ok) throw new TracError("failed", `Trac answered ${response.status}.`);
    return response.text();
  }

  /** The tickets a project's query selects (e.g. open, accepted, easy pickings). */
  async query(tracUrl: string, query: string): Promise<TracTicket[]> {
    const base = tracRequestBase(tracUrl);
    const params = new URLSearchParams(query);
    params.set("format", "csv");
    params.delete("col");
    for (const col of TRAC_COLUMNS) params.append("col", col);
    if (!params.has("max")) params.set("max", "500");
    if (!params.has("order")) params.set("order", "id");
    return parseTicketsCsv(await this.csv(`${base}/query?${params.toString()}`), tracUrl);
  }

  /** Several tickets by number in one request (e.g. to learn which were closed). */
  async tickets(tracUrl: string, numbers: number[]): Promise<TracTicket[]> {
    if (numbers.length === 0) return [];
    return this.query(tracUrl, `id=${idFilter(numbers)}`);
  }

  /**
   * Tickets a Trac user reported or owns whose last change falls in (from, to]: two
   * queries, one per field (a username is one exact value: Trac reads `|` as "or" and
   * a leading `!`, `~`, `^` or `$` as another match mode, so settings refuse them).
   */
  async touchedBy(tracUrl: string, username: string, from: Date, to: Date): Promise<TracTicket[]> {
    const range = `${isoSecond(from)}..${isoSecond(to)}`;
    const seen = new Map<number, TracTicket>();
    for (const field of ["reporter", "owner"]) {
      const params = new URLSearchParams({ [field]: username, changetime: range, max: "200" });
      for (const t of await this.query(tracUrl, params.toString())) seen.set(t.number, t);
    }
    return [...seen.values()];
  }

  async ticket(tracUrl: string, number: number): Promise<TracTicket> {
    const [ticket] = await this.tickets(tracUrl, [number]);
    if (!ticket) throw new TracError("not_found", `Trac has no ticket #${number}.`);
    return ticket;
  }
}

export function createTrac(options: TracOptions = {}): Trac {
  return new Trac(options);
}

export function defaultTracUrl(): string {
  return env().TRAC_URL;
}
