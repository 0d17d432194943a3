// Links in notices and calendar feeds must be absolute to work from an e-mail or a
// calendar app: APP_URL (required in production), else the address the request came
// to, else — scheduled work in development — localhost.
import { env } from "~/utils/env.server";

export function appUrl(origin?: string | null): string {
  return (env().APP_URL || origin || "http://localhost:3000").replace(/\/$/, "");
}

/** Absolute link to a page of the app, for a notice. */
export function noticeLink(path: string, origin?: string | null): string {
  return `${appUrl(origin)}${path}`;
}
