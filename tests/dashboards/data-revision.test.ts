// The heavy pages' data is kept in memory only while nothing changed (decision 079):
// every committed write that can change a page bumps the data revision, whichever way
// it reaches the database (a Prisma query, a transaction, raw SQL); a rolled-back
// transaction, a read, a session or rate-limit write do not. Run on both databases.
import { describe, expect, it } from "vitest";
import { changesPages } from "~/utils/data-revision.server";
import { db, transaction } from "~/utils/db.server";
import { keptUntilChanged } from "~/utils/kept-pages.server";
import { withReadScope } from "~/utils/request-scope.server";
import { makePerson } from "../setup/factories";

async function revision(): Promise<string | null> {
  const rows = await db.dataRevision.findMany();
  return rows[0] ? `${rows[0].epoch}:${rows[0].n}` : null;
}

async function changes(write: () => Promise<unknown>): Promise<boolean> {
  await db.person.count(); // connected
  const before = await revision();
  await write().catch(() => undefined);
  return (await revision()) !== before;
}

describe("the data revision", () => {
  it("moves with every committed write a page could show, whichever way it is made", async () => {
    const person = await makePerson({ login: "rev-one" });
    expect(
      await changes(() => db.person.update({ where: { id: person.id }, data: { name: "Renamed" } })),
    ).toBe(true);
    expect(
      await changes(() =>
        transaction(async (tx) => {
          await tx.person.update({ where: { id: person.id }, data: { name: "In a transaction" } });
          await tx.person.update({ where: { id: person.id }, data: { timeZone: "Europe/Paris" } });
        }),
      ),
    ).toBe(true);
    expect(
      await changes(() =>
        db.$executeRawUnsafe(`UPDATE "Person" SET "name" = 'Raw' WHERE "id" = '${person.id}'`),
      ),
    ).toBe(true);
    expect(await changes(() => db.person.deleteMany({ where: { login: "nobody-at-all" } }))).toBe(true);
  });

  it("stays put for reads, rolled-back transactions and session writes", async () => {
    const person = await makePerson({ login: "rev-two" });
    expect(await changes(() => db.person.findMany({ include: { memberships: true } }))).toBe(false);
    expect(
      await changes(() =>
        db.$transaction(async (tx) => {
          await tx.person.update({ where: { id: person.id }, data: { name: "Never kept" } });
          throw new Error("changed my mind");
        }),
      ),
    ).toBe(false);
    expect((await db.person.findUniqueOrThrow({ where: { id: person.id } })).name).not.toBe("Never kept");
    expect(
      await changes(() =>
        db.authSession.create({
          data: {
            id: "rev-session",
            secretHash: Buffer.from("not a real secret"),
            personId: person.id,
            expiresAt: new Date(Date.now() + 60_000),
          },
        }),
      ),
    ).toBe(false);
  });

  it("tells writes from reads by their SQL", () => {
    expect(changesPages(`SELECT "id" FROM "Cohort" WHERE "id" = $1 FOR UPDATE`)).toBe(false);
    expect(changesPages("INSERT INTO `main`.`Reflection` (`id`) VALUES (?)")).toBe(true);
    expect(changesPages(`UPDATE "public"."AuthSession" SET "lastVerifiedAt" = $1`)).toBe(false);
    expect(changesPages(`DELETE FROM "RateLimiterFlexible" WHERE "expire" < $1`)).toBe(false);
    expect(changesPages(`WITH moved AS (UPDATE "Offer" SET "rank" = 1 RETURNING 1) SELECT 1`)).toBe(true);
    expect(changesPages(`CREATE TABLE "X" ("id" TEXT)`)).toBe(true);
  });
});

describe("data kept while unchanged", () => {
  it("is loaded again after a write, and never outside a page view", async () => {
    const person = await makePerson({ login: "rev-three", name: "First name" });
    let loads = 0;
    const page = () =>
      withReadScope(() =>
        keptUntilChanged(`test-page:${person.id}`, async () => {
          loads++;
          return (await db.person.findUniqueOrThrow({ where: { id: person.id } })).name;
        }),
      );
    await db.person.update({ where: { id: person.id }, data: { timeZone: "Asia/Tokyo" } });
    expect(await page()).toBe("First name");
    expect(await page()).toBe("First name");
    expect(loads).toBe(1);

    await db.person.update({ where: { id: person.id }, data: { name: "Second name" } });
    expect(await page()).toBe("Second name");
    expect(loads).toBe(2);

    await transaction((tx) => tx.person.update({ where: { id: person.id }, data: { name: "Third name" } }));
    expect(await page()).toBe("Third name");

    // outside a read-only request (a form post, a job) it always loads
    const before = loads;
    await keptUntilChanged(`test-page:${person.id}`, async () => loads++);
    expect(loads).toBe(before + 1);
  });
});
