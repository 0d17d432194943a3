// Settings are read once and checked with zod; a bad one stops the server with one
// clear line instead of failing later on a request.
import { z } from "zod";

const booleanish = z
  .enum(["1", "0", "true", "false", ""])
  .optional()
  .transform((value) => value === "1" || value === "true");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .default("file:./prisma/data/cohort.db")
    .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), {
      message: "must start with file: (SQLite) or postgres:// / postgresql://",
    }),
  APP_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  GITHUB_CLIENT_ID: z.string().min(1).optional(),
  GITHUB_CLIENT_SECRET: z.string().min(1).optional(),
  GITHUB_API_URL: z.string().url().default("https://api.github.com"),
  GITHUB_WEB_URL: z.string().url().default("https://github.com"),
  GITHUB_TOKEN: z.string().min(1).optional(),
  GITHUB_WEBHOOK_SECRET: z.string().min(1).optional(),
  TRAC_URL: z.string().url().default("https://code.djangoproject.com"),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Cohort <cohort@localhost>"),
  SYNC_INTERVAL_MINUTES: z.coerce.number().int().min(0).default(15),
  RUN_SCHEDULER: booleanish,
  MIGRATE_ON_START: z
    .enum(["1", "0", "true", "false"])
    .default("1")
    .transform((value) => value === "1" || value === "true"),
});

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`Configuration error: ${issue.path.join(".")} ${issue.message}`);
  }
  const env = result.data;
  if (env.NODE_ENV === "production") {
    const missing = [
      !env.GITHUB_CLIENT_ID && "GITHUB_CLIENT_ID",
      !env.GITHUB_CLIENT_SECRET && "GITHUB_CLIENT_SECRET",
      !env.SESSION_SECRET && "SESSION_SECRET",
      // Notices written by scheduled work (expired offers, reminders, digests) have no
      // request to take an address from; their links must not point at localhost.
      !env.APP_URL && "APP_URL",
    ].filter(Boolean);
    if (missing.length > 0) {
      throw new Error(
        `Configuration error: production needs ${missing.join(", ")} (GitHub sign-in, a session secret and the public address); see README "Configuration".`,
      );
    }
  }
  return env;
}

let cached: Env | undefined;

/** The checked settings. Tests may change process.env and call resetEnv(). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function resetEnv(): void {
  cached = undefined;
}

export function isProduction(): boolean {
  return env().NODE_ENV === "production";
}

/** Demo sign-in exists only outside production and without a GitHub OAuth app. */
export function demoSignInEnabled(): boolean {
  const e = env();
  return e.NODE_ENV !== "production" && !(e.GITHUB_CLIENT_ID && e.GITHUB_CLIENT_SECRET);
}
