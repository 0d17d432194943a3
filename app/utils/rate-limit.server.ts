// Rate limits, counted in the database (rate-limiter-flexible's Prisma store), so
// every app server shares them. Beyond a limit the request gets 429 with a sentence
// saying what was limited and when to try again (docs/decisions/067).
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "./db.server";

type Limit = { points: number; seconds: number; refusal: string };

export const RATE_LIMITS = {
  /** per client address: demo and GitHub sign-in */
  signIn: { points: 10, seconds: 15 * 60, refusal: "Too many sign-in attempts from your network." },
  /** per person: offer pages (their links carry a secret token) */
  offerPage: { points: 30, seconds: 10 * 60, refusal: "Too many offer pages opened." },
  /** per sending address: GitHub webhook deliveries, before the signature is checked */
  webhook: { points: 120, seconds: 60, refusal: "Too many webhook deliveries from this source." },
  /** per organizer: "Sync now" */
  syncNow: {
    points: 3,
    seconds: 10 * 60,
    refusal: "You started “Sync now” several times in the last minutes.",
  },
  /** per organizer: the applications CSV */
  csvExport: { points: 10, seconds: 10 * 60, refusal: "Too many CSV exports in a short time." },
} satisfies Record<string, Limit>;

export type RateLimitName = keyof typeof RATE_LIMITS;

const limiters = new Map<RateLimitName, RateLimiterPrisma>();

function limiterFor(name: RateLimitName): RateLimiterPrisma {
  let limiter = limiters.get(name);
  if (!limiter) {
    const { points, seconds } = RATE_LIMITS[name];
    // `tableName` is the Prisma client's model property for model RateLimiterFlexible.
    limiter = new RateLimiterPrisma({
      storeClient: db,
      tableName: "rateLimiterFlexible",
      keyPrefix: name,
      points,
      duration: seconds,
    });
    limiters.set(name, limiter);
  }
  return limiter;
}

/**
 * The address a request came from, as the proxy in front of the servers reports it:
 * the last `X-Forwarded-For` entry is the one the (trusted) proxy appended.
 */
export function clientAddress(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for");
  const last = forwarded
    ?.split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .pop();
  return last || request.headers.get("x-real-ip")?.trim() || "direct";
}

function wait(ms: number): string {
  const minutes = Math.ceil(ms / 60_000);
  if (ms < 60_000) return `${Math.max(1, Math.ceil(ms / 1000))} seconds`;
  return minutes === 1 ? "a minute" : `${minutes} minutes`;
}

/** Counts one request for `key`; beyond the limit throws a 429 response with Retry-After. */
export async function enforceRateLimit(name: RateLimitName, key: string): Promise<void> {
  try {
    await limiterFor(name).consume(key);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) {
      // The counter store failed (database busy): let the request through rather than lock everyone out.
      console.error(`[rate-limit] ${name} could not be counted`, rejection);
      return;
    }
    const ms = rejection.msBeforeNext;
    throw new Response(`${RATE_LIMITS[name].refusal} Please wait ${wait(ms)} and try again.`, {
      status: 429,
      statusText: "Too many requests",
      headers: {
        "Retry-After": String(Math.max(1, Math.ceil(ms / 1000))),
        "Content-Type": "text/plain; charset=utf-8",
      },
    });
  }
}
