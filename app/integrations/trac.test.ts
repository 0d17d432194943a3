import { describe, expect, it } from "vitest";
import { tracCsv, tracQueryHandler, TRAC } from "../../tests/mocks/trac";
import { mockServer } from "../../tests/mocks/server";
import { http, HttpResponse } from "msw";
import { createTrac, parseCsv, parseTicketsCsv, parseTracTime, TracError } from "./trac.server";

describe("Trac CSV", () => {
  it("drops the byte-order mark and maps column labels", () => {
    const csv = tracCsv([
      {
        id: 35890,
        summary: 'Document that "bulk_create()" ignores db_default, on SQLite',
        modified: "11/20/2026 03:14:07 PM",
      },
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [ticket] = parseTicketsCsv(csv, TRAC);
    expect(ticket).toEqual({
      number: 35890,
      title: 'Document that "bulk_create()" ignores db_default, on SQLite',
      url: "https://code.djangoproject.com/ticket/35890",
      status: "new",
      stage: "Accepted",
      easy: true,
      state: "open",
      updatedAt: new Date("2026-11-20T15:14:07Z"),
    });
  });

  it("reads quoted fields with line breaks", () => {
    expect(parseCsv('a,b\r\n"x\r\ny","z ""q"""\r\n')).toEqual([
      ["a", "b"],
      ["x\r\ny", 'z "q"'],
    ]);
  });

  it("reads locale-formatted times", () => {
    expect(parseTracTime("11/20/2026 03:14:07 PM")).toEqual(new Date("2026-11-20T15:14:07Z"));
    expect(parseTracTime("11/20/2026 12:05:00 AM")).toEqual(new Date("2026-11-20T00:05:00Z"));
    expect(parseTracTime("20/11/2026 15:14:07")).toEqual(new Date("2026-11-20T15:14:07Z"));
    expect(parseTracTime("20.11.2026 15:14")).toEqual(new Date("2026-11-20T15:14:00Z"));
    expect(parseTracTime("Nov 20, 2026, 3:14:07 PM")).toEqual(new Date("2026-11-20T15:14:07Z"));
    expect(parseTracTime("2026-11-20T15:14:07+01:00")).toEqual(new Date("2026-11-20T14:14:07Z"));
    expect(parseTracTime("sometime")).toBeNull();
  });

  it("refuses an answer that is not a ticket table (e.g. a login page)", () => {
    expect(() => parseTicketsCsv("<html><body>Log in</body></html>", TRAC)).toThrow(TracError);
  });

  it("queries with explicit columns and reads the answer", async () => {
    const calls: string[] = [];
    mockServer.use(
      tracQueryHandler(
        [
          { id: 36105, summary: "Remove unneeded str() calls" },
          { id: 36120, summary: "Clarify timezone.now()", status: "assigned" },
        ],
        [],
        calls,
      ),
    );
    const tickets = await createTrac().query(TRAC, "status=!closed&stage=Accepted&easy=1");
    expect(tickets.map((t) => t.number)).toEqual([36105, 36120]);
    const params = new URLSearchParams(calls[0]);
    expect(params.get("format")).toBe("csv");
    expect(params.getAll("col")).toEqual(["id", "summary", "status", "stage", "easy", "changetime"]);
    expect(params.get("status")).toBe("!closed");
  });

  it("retries a 5xx and reports an unknown ticket", async () => {
    let calls = 0;
    mockServer.use(
      http.get(`${TRAC}/query`, () => {
        calls += 1;
        return calls === 1
          ? new HttpResponse("Bad gateway", { status: 502 })
          : new HttpResponse(tracCsv([]), { headers: { "Content-Type": "text/csv" } });
      }),
    );
    await expect(createTrac({ timeScale: 1 }).ticket(TRAC, 99999999)).rejects.toMatchObject({
      kind: "not_found",
    });
    expect(calls).toBe(2);
  });
});
