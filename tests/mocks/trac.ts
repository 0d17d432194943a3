// MSW handlers for Django's Trac: the custom query as CSV, the way Trac writes it —
// a UTF-8 byte-order mark, column labels as headers, locale-formatted times, CRLF.
import { http, HttpResponse, type HttpHandler } from "msw";

export const TRAC = "https://code.djangoproject.com";

export type TracRow = {
  id: number;
  summary: string;
  status?: string;
  stage?: string;
  easy?: boolean;
  modified?: string;
  /** when the ticket last changed; written in Trac's locale form, and what `changetime=` filters on */
  changed?: Date;
  reporter?: string;
  owner?: string;
};

/** A time as Trac's CSV writes it for an en-US viewer in UTC: 11/20/2026 03:14:07 PM. */
export function tracLocaleTime(d: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  const h = d.getUTCHours() % 12 || 12;
  return `${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())}/${d.getUTCFullYear()} ${two(h)}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCHours() < 12 ? "AM" : "PM"}`;
}

export function tracCsv(rows: TracRow[]): string {
  const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const header = ["id", "Summary", "Status", "Triage Stage", "Easy pickings", "Modified"].join(",");
  const lines = rows.map((r) =>
    [
      String(r.id),
      quote(r.summary),
      r.status ?? "new",
      r.stage ?? "Accepted",
      r.easy === false ? "0" : "1",
      quote(r.modified ?? (r.changed ? tracLocaleTime(r.changed) : "11/20/2026 03:14:07 PM")),
    ].join(","),
  );
  return `\uFEFF${[header, ...lines].join("\r\n")}\r\n`;
}

/** Trac's own 500 page, as it answers a query it cannot run. */
function tracError(message: string): Response {
  const html = `<!DOCTYPE html>\n<html lang="en-US"><head><title>Oops… – Django</title></head><body><h1>Oops…</h1><div id="content" class="error"><p class="message">Trac detected an internal error:</p><pre>${message}</pre></div></body></html>`;
  return new HttpResponse(html, { status: 500, headers: { "Content-Type": "text/html;charset=utf-8" } });
}

/**
 * Trac 1.6's `id=` filter: numbers and ranges separated by commas only (`12-14,33`).
 * Anything else — a `|`-joined list included — makes real Trac fail with a 500.
 */
export function parseIdFilter(value: string): Set<number> | null {
  const ids = new Set<number>();
  for (const part of value.split(",")) {
    const range = part.trim().match(/^(\d+)(?:-(\d+))?$/);
    if (!range) return null;
    const from = Number(range[1]);
    const to = Number(range[2] ?? range[1]);
    for (let n = from; n <= to && n - from < 10_000; n++) ids.add(n);
  }
  return ids;
}

/**
 * /query answers: the project query gets `rows`; an `id=1,2` (or `id=1-3`) query
 * gets the matching tickets from `rows` and `byId` (tickets that left the query,
 * e.g. closed). Rejects what real Trac rejects: an `id=` list it cannot split (500),
 * a query without `format=csv` or without `col=` columns.
 */
export function tracQueryHandler(
  rows: TracRow[],
  byId: TracRow[] = [],
  calls: string[] = [],
  base = TRAC,
): HttpHandler {
  return http.get(`${base}/query`, ({ request }) => {
    const url = new URL(request.url);
    calls.push(url.search);
    if (url.searchParams.get("format") !== "csv")
      return new HttpResponse("<html>query page</html>", { headers: { "Content-Type": "text/html" } });
    const idParam = url.searchParams.get("id");
    let selected = rows;
    if (idParam !== null) {
      const ids = parseIdFilter(idParam);
      if (!ids) return tracError(`ValueError: invalid literal for int() with base 10: '${idParam}'`);
      selected = [...rows, ...byId].filter((r) => ids.has(r.id));
    }
    // reporter= / owner=: one exact name ("|" would mean "or", a leading !~^$ another mode).
    for (const field of ["reporter", "owner"] as const) {
      const name = url.searchParams.get(field);
      if (name === null) continue;
      if (/[|,]|^[!~^$]/.test(name)) return tracError(`unsupported ${field} filter in this mock: '${name}'`);
      selected = selected.filter((r) => r[field] === name);
    }
    // changetime=FROM..TO: Trac parses each end as a date (ISO 8601 here); from inclusive, to exclusive.
    const changetime = url.searchParams.get("changetime");
    if (changetime !== null) {
      const [from, to, extra] = changetime.split("..");
      const start = Date.parse(from ?? "");
      const end = Date.parse(to ?? "");
      if (extra !== undefined || Number.isNaN(start) || Number.isNaN(end))
        return tracError(`TracError: ${changetime} is an invalid date, or the date format is not known.`);
      selected = selected.filter(
        (r) => r.changed && r.changed.getTime() >= start && r.changed.getTime() < end,
      );
    }
    return new HttpResponse(tracCsv(selected), { headers: { "Content-Type": "text/csv;charset=utf-8" } });
  });
}
