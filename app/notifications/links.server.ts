// Links in notices and calendar feeds must be absolute to work from an e-mail or a
// calendar app: APP_URL (required in production), else the address the request came
// to, else — scheduled work and notices written outside a request in development —
// the address this server listens on (PORT and HOST), never a guessed port.
import { env } from "~/utils/env.server";

/** The address this server listens on, as a browser on the same machine reaches it. */
export function listeningUrl(): string {
  const { PORT, HOST } = env();
  const host =
    HOST === "0.0.0.0" || HOST === "::" || HOST === ""
      ? "localhost"
      : HOST.includes(":")
        ? `[${HOST}]`
        : HOST;
  return `http://${host}:${PORT}`;
}

export function appUrl(origin?: string | null): string {
  return (env().APP_URL || origin || listeningUrl()).replace(/\/$/, "");
}

/** Absolute link to a page of the app, for a notice. */
export function noticeLink(path: string, origin?: string | null): string {
  return `${appUrl(origin)}${path}`;
}
