// Delivering notices: kept without SMTP, retried with backoff when the mail
// server is down, never lost, sent once it is back.
import { describe, expect, it } from "vitest";
import {
  backoffMs,
  deliverDueNotices,
  MAX_ATTEMPTS,
  type MailMessage,
  type MailTransport,
} from "~/notifications/delivery.server";
import { queueNotice } from "~/notifications/outbox.server";
import * as outboxRoute from "~/routes/admin.outbox";
import { db } from "~/utils/db.server";
import { callRoute, jsonOf, makePerson, makeRequest, sessionCookieFor } from "../setup/factories";

function fakeTransport(failing: () => boolean) {
  const sent: MailMessage[] = [];
  const transport: MailTransport = {
    async send(message) {
      if (failing()) throw new Error("connect ECONNREFUSED 127.0.0.1:2525");
      sent.push(message);
    },
  };
  return { sent, transport };
}

describe("delivering the outbox", () => {
  it("keeps notices for reading when no mail server is configured", async () => {
    const person = await makePerson({ email: "kept@example.org" });
    await queueNotice({
      kind: "test",
      subject: "Kept one",
      bodyText: "Hello",
      personId: person.id,
      dedupeKey: "kept-1",
    });
    expect(
      await queueNotice({
        kind: "test",
        subject: "Kept one",
        bodyText: "Hello",
        personId: person.id,
        dedupeKey: "kept-1",
      }),
    ).toBe(false);
    const report = await deliverDueNotices({ transport: null });
    expect(report.kept).toBeGreaterThanOrEqual(1);
    const notice = await db.notice.findFirstOrThrow({ where: { subject: "Kept one" } });
    expect(notice).toMatchObject({ status: "kept", toEmail: "kept@example.org" });

    const admin = await makePerson({ isAdmin: true });
    const page = await jsonOf<{ notices: { subject: string; status: string; bodyText: string }[] }>(
      await callRoute(
        outboxRoute.loader,
        makeRequest("/admin/outbox?status=kept", { cookie: await sessionCookieFor(admin.id) }),
      ),
    );
    expect(page.notices.find((n) => n.subject === "Kept one")).toMatchObject({
      status: "kept",
      bodyText: "Hello",
    });
  });

  it("retries with growing pauses while the mail server is down and sends once it is back", async () => {
    const person = await makePerson({ email: "retry@example.org" });
    await queueNotice({ kind: "test", subject: "Retry me", bodyText: "Body", personId: person.id });
    let down = true;
    const { sent, transport } = fakeTransport(() => down);
    let now = new Date("2030-01-01T00:00:00Z");
    const notice = () => db.notice.findFirstOrThrow({ where: { subject: "Retry me" } });

    expect((await deliverDueNotices({ transport, now })).retried).toBe(1);
    let n = await notice();
    expect(n).toMatchObject({
      status: "queued",
      attempts: 1,
      lastError: "connect ECONNREFUSED 127.0.0.1:2525",
    });
    expect(n.nextAttemptAt.getTime() - now.getTime()).toBe(backoffMs(1));

    // Not due yet: nothing happens.
    expect(await deliverDueNotices({ transport, now: new Date(now.getTime() + 1000) })).toMatchObject({
      retried: 0,
      sent: 0,
    });

    now = new Date(n.nextAttemptAt.getTime() + 1);
    await deliverDueNotices({ transport, now });
    n = await notice();
    expect(n.attempts).toBe(2);
    expect(n.nextAttemptAt.getTime() - now.getTime()).toBe(backoffMs(2));
    expect(backoffMs(2)).toBeGreaterThan(backoffMs(1));

    down = false;
    now = new Date(n.nextAttemptAt.getTime() + 1);
    expect((await deliverDueNotices({ transport, now })).sent).toBe(1);
    n = await notice();
    expect(n).toMatchObject({ status: "sent", attempts: 3, lastError: null });
    expect(sent.map((m) => [m.to, m.subject])).toEqual([["retry@example.org", "Retry me"]]);
    // Sent once only.
    await deliverDueNotices({ transport, now: new Date(now.getTime() + 86_400_000) });
    expect(sent).toHaveLength(1);
  });

  it("gives up after the last attempt but keeps the notice, which an admin can queue again", async () => {
    const person = await makePerson({ email: "down@example.org" });
    await queueNotice({ kind: "test", subject: "Never lost", bodyText: "Body", personId: person.id });
    const { transport } = fakeTransport(() => true);
    let now = new Date("2031-01-01T00:00:00Z");
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await deliverDueNotices({ transport, now });
      now = new Date(now.getTime() + 7 * 60 * 60_000);
    }
    const failed = await db.notice.findFirstOrThrow({ where: { subject: "Never lost" } });
    expect(failed).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });

    const admin = await makePerson({ isAdmin: true });
    const response = await callRoute(
      outboxRoute.action,
      makeRequest("/admin/outbox", {
        cookie: await sessionCookieFor(admin.id),
        form: { intent: "retry", id: failed.id },
      }),
    );
    expect(response.status).toBe(302);
    expect(await db.notice.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({
      status: "queued",
      attempts: 0,
    });
  });

  it("two workers never send the same notice twice", async () => {
    const person = await makePerson({ email: "once@example.org" });
    await queueNotice({ kind: "test", subject: "Only once", bodyText: "Body", personId: person.id });
    const { sent, transport } = fakeTransport(() => false);
    const now = new Date("2032-01-01T00:00:00Z");
    await Promise.all([deliverDueNotices({ transport, now }), deliverDueNotices({ transport, now })]);
    expect(sent.filter((m) => m.subject === "Only once")).toHaveLength(1);
  });
});

describe("sending with nodemailer over SMTP", () => {
  it("hands notices to a real SMTP server, and keeps them queued while it is unreachable", async () => {
    const { createServer } = await import("node:net");
    const { smtpTransport } = await import("~/notifications/delivery.server");
    const received: string[] = [];
    // A minimal SMTP server on localhost: enough of the protocol for nodemailer.
    const server = createServer((socket) => {
      let inData = false;
      let data = "";
      socket.write("220 localhost ESMTP test\r\n");
      socket.on("data", (chunk) => {
        for (const line of chunk.toString().split("\r\n")) {
          if (inData) {
            if (line === ".") {
              inData = false;
              received.push(data);
              data = "";
              socket.write("250 OK queued\r\n");
            } else data += `${line}\n`;
            continue;
          }
          if (!line) continue;
          const verb = line.slice(0, 4).toUpperCase();
          if (verb === "EHLO" || verb === "HELO") socket.write("250 localhost\r\n");
          else if (verb === "MAIL" || verb === "RCPT" || verb === "RSET" || verb === "NOOP")
            socket.write("250 OK\r\n");
          else if (verb === "DATA") {
            inData = true;
            socket.write("354 End data with <CR><LF>.<CR><LF>\r\n");
          } else if (verb === "QUIT") {
            socket.write("221 Bye\r\n");
            socket.end();
          } else socket.write("502 Not implemented\r\n");
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const person = await makePerson({ email: "smtp@example.org" });
      await queueNotice({
        kind: "offer",
        subject: "You are accepted to Session 9",
        bodyText: "Please confirm.",
        personId: person.id,
      });
      const now = new Date("2033-01-01T00:00:00Z");

      // Nothing listens on this port: the notice stays queued with the error.
      const closed = await deliverDueNotices({ transport: smtpTransport("smtp://127.0.0.1:1"), now });
      expect(closed.retried).toBe(1);
      const waiting = await db.notice.findFirstOrThrow({
        where: { subject: "You are accepted to Session 9" },
      });
      expect(waiting.status).toBe("queued");
      expect(waiting.lastError).toBeTruthy();

      const report = await deliverDueNotices({
        transport: smtpTransport(`smtp://127.0.0.1:${port}`),
        now: new Date(now.getTime() + backoffMs(1) + 1),
      });
      expect(report.sent).toBe(1);
      expect(received).toHaveLength(1);
      expect(received[0]).toContain("Subject: You are accepted to Session 9");
      expect(received[0]).toContain("smtp@example.org");
      expect(
        (await db.notice.findFirstOrThrow({ where: { subject: "You are accepted to Session 9" } })).status,
      ).toBe("sent");
    } finally {
      server.close();
    }
  });
});
