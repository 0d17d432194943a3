import { createBaseSqlite, usingPostgres } from "./database";

export default async function setup(): Promise<void> {
  if (usingPostgres()) {
    console.log(
      `\n  Integration tests run on PostgreSQL (${process.env.TEST_POSTGRES_URL}), one schema per test file.\n`,
    );
  }
  await createBaseSqlite();
}
