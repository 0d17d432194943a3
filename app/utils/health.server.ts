import { db } from "./db.server";

export async function checkDatabase(): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    await Promise.race([
      db.$queryRawUnsafe("SELECT 1"),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timed out after 3 s")), 3_000).unref()),
    ]);
    return { ok: true };
  } catch (error) {
    const e = error as Error & { code?: string; cause?: { code?: string; message?: string } };
    const text =
      e.message?.trim() || e.cause?.message || e.code || e.cause?.code || e.name || "unknown error";
    return { ok: false, reason: text.split("\n")[0].slice(0, 200) };
  }
}
