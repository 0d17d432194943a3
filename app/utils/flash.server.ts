// One-time messages shown after a redirect ("Saved."), in their own cookie.
import { createCookie, redirect } from "@remix-run/node";
import { env } from "./env.server";

export type Flash = { kind: "success" | "error" | "info"; message: string };

const flashCookie = createCookie("cohort_flash", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  maxAge: 60,
  secrets: [env().SESSION_SECRET ?? "cohort-development-flash-secret"],
  secure: env().NODE_ENV === "production",
});

export async function flashHeader(flash: Flash): Promise<string> {
  return flashCookie.serialize(flash);
}

export async function redirectWithFlash(
  to: string,
  flash: Flash,
  init: ResponseInit = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await flashHeader(flash));
  return redirect(to, { ...init, headers });
}

export async function readFlash(request: Request): Promise<{ flash: Flash | null; clear: string | null }> {
  const value = (await flashCookie.parse(request.headers.get("Cookie"))) as Flash | null;
  if (!value) return { flash: null, clear: null };
  return { flash: value, clear: await flashCookie.serialize("", { maxAge: 0 }) };
}
