// Reflection answers written before prompts had ids (keyed by the prompt's words) are
// moved to the prompt's id by a migration, on both databases, so a later rename of the
// prompt keeps them attached.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { listMigrations, type Provider } from "../../app/utils/migrations.server";
import { parseAnswers, parsePrompts } from "../../app/reflections/rules";

const MIGRATION = "reflection_answers_by_prompt_id";
const prompts = JSON.stringify(["What I worked on", "What I learned", "What is blocking me"]);
const legacyAnswers = JSON.stringify({
  "What I worked on": "Wrote a test for bulk_update().",
  "What is blocking me": 'Nothing — "quotes" and ünïcode survive.',
  "A prompt removed long ago": "Kept under its own words.",
});
const expected = {
  p1: "Wrote a test for bulk_update().",
  p3: 'Nothing — "quotes" and ünïcode survive.',
  "A prompt removed long ago": "Kept under its own words.",
};

function split(provider: Provider) {
  const all = listMigrations(provider);
  const at = all.findIndex((m) => m.name.endsWith(MIGRATION));
  expect(at, `${provider} has the ${MIGRATION} migration`).toBeGreaterThan(0);
  return { before: all.slice(0, at), migration: all[at] };
}

const insertCohort = `INSERT INTO "Cohort" ("id", "slug", "name", "applicationsOpenAt", "applicationsCloseAt", "startsOn", "updatedAt", "reflectionPrompts")`;

describe("reflection answers move from the prompt's words to its id", () => {
  it("on SQLite", () => {
    const { before, migration } = split("sqlite");
    const db = new Database(path.join(mkdtempSync(path.join(tmpdir(), "cohort-prompt-ids-")), "m.db"));
    for (const m of before) db.exec(m.sql);
    db.pragma("foreign_keys = OFF");
    const now = new Date().toISOString();
    db.prepare(`${insertCohort} VALUES ('c1', 's1', 'Session', ?, ?, ?, ?, ?)`).run(
      now,
      now,
      now,
      now,
      prompts,
    );
    db.prepare(
      `INSERT INTO "Reflection" ("id", "cohortId", "personId", "week", "answers", "updatedAt") VALUES ('r1', 'c1', 'x', 1, ?, ?), ('r2', 'c1', 'x', 2, '{}', ?)`,
    ).run(legacyAnswers, now, now);
    db.exec(migration.sql);
    const rows = db.prepare(`SELECT id, answers FROM "Reflection" ORDER BY id`).all() as {
      id: string;
      answers: string;
    }[];
    expect(JSON.parse(rows[0].answers)).toEqual(expected);
    expect(rows[1].answers).toBe("{}");
    const cohort = db.prepare(`SELECT "reflectionPrompts" FROM "Cohort"`).get() as {
      reflectionPrompts: string;
    };
    expect(parsePrompts(cohort.reflectionPrompts).map((p) => p.id)).toEqual(["p1", "p2", "p3"]);
    db.close();
  });

  it("on PostgreSQL", async () => {
    const { before, migration } = split("postgresql");
    const pg = new PGlite();
    for (const m of before) await pg.exec(m.sql);
    await pg.exec(`SET session_replication_role = replica`);
    await pg.query(`${insertCohort} VALUES ('c1', 's1', 'Session', now(), now(), now(), now(), $1)`, [
      prompts,
    ]);
    await pg.query(
      `INSERT INTO "Reflection" ("id", "cohortId", "personId", "week", "answers", "updatedAt") VALUES ('r1', 'c1', 'x', 1, $1, now()), ('r2', 'c1', 'x', 2, '{}', now())`,
      [legacyAnswers],
    );
    await pg.exec(migration.sql);
    const rows = await pg.query<{ id: string; answers: string }>(
      `SELECT id, answers FROM "Reflection" ORDER BY id`,
    );
    expect(parseAnswers(rows.rows[0].answers)).toEqual(expected);
    expect(rows.rows[1].answers).toBe("{}");
    await pg.close();
  }, 180_000); // PGlite builds the whole schema in WebAssembly first
});
