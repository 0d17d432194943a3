// MSW handlers for Django's Trac: the custom query as CSV, the way Trac writes it —
// a UTF-8 byte-order mark, column labels as headers, locale-formatted times, CRLF.
import { http, HttpResponse, type HttpHandler } from "msw";

export const TRAC = "https://code.djangoproject.com";

export type TracRow = { id: number; summary: string; status?: string; stage?: string; easy?: boolean; modified?: string };

export function tracCsv(rows: TracRow[]): string {
  const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const header = ["id", "Summary", "Status", "Triage Stage", "Easy pickings", "Modified"].join(",");
  const lines = rows.map((r) =>
    [String(r.id), quote(r.summary), r.status ?? "new", r.stage ?? "Accepted", r.easy === false ? "0" : "1", quote(r.modified ?? "11/20/2026 03:14:07 PM")].join(","),
  );
  return `\uFEFF${[header, ...lines].join("\r\n")}\r\n`;
}

/**
 * /query answers: the project query gets `rows`; an `id=1|2` query gets the
 * matching tickets from `byId` (tickets that left the query, e.g. closed).
 */
export function tracQueryHandler(rows: TracRow[], byId: TracRow[] = [], calls: string[] = []): HttpHandler {
  return http.get(`${TRAC}/query`, ({ request }) => {
    const url = new URL(request.url);
    calls.push(url.search);
    const ids = url.searchParams.get("id");
    const selected = ids ? [...rows, ...byId].filter((r) => ids.split("|").includes(String(r.id))) : rows;
    return new HttpResponse(tracCsv(selected), { headers: { "Content-Type": "text/csv;charset=utf-8" } });
  });
}
