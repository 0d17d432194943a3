// Runs a table of routes × roles: every allowed role gets through, every other role
// gets a 403 (or, when signed out, a redirect to sign-in). Each area's table test
// (tests/permissions/*.test.ts) lists its routes with the roles allowed.
import { expect, it } from "vitest";
import { callRoute, makeRequest } from "../setup/factories";
import { WORLD_ROLES, type World, type WorldRole } from "./world";

type RouteModule = {
  loader?: (args: never) => unknown;
  action?: (args: never) => unknown;
};

export type AccessRow = {
  /** what a person would call the page */
  name: string;
  module: () => Promise<RouteModule>;
  path: (world: World) => string;
  params: (world: World) => Record<string, string>;
  method?: "GET" | "POST";
  form?: (world: World) => Record<string, string>;
  allowed: readonly WorldRole[] | "everyone";
  /** only when it differs from "what the participant or otherNavigator may" (see world.ts) */
  dual?: boolean;
};

export function isAllowed(row: AccessRow, role: WorldRole): boolean {
  if (row.allowed === "everyone") return true;
  if (role === "dual")
    return row.dual ?? (row.allowed.includes("participant") || row.allowed.includes("otherNavigator"));
  return row.allowed.includes(role);
}

export function isDenied(response: Response): "login" | "forbidden" | false {
  if (response.status === 403) return "forbidden";
  const location = response.headers.get("Location") ?? "";
  if (response.status >= 300 && response.status < 400 && location.startsWith("/login")) return "login";
  return false;
}

export function accessTable(rows: AccessRow[], world: () => World): void {
  for (const row of rows) {
    for (const role of WORLD_ROLES) {
      const allowed = isAllowed(row, role);
      it(`${row.method ?? "GET"} ${row.name}: ${role} is ${allowed ? "allowed" : "refused"}`, async () => {
        const w = world();
        const mod = await row.module();
        const fn = (row.method === "POST" ? mod.action : mod.loader) as Parameters<typeof callRoute>[0];
        const request = makeRequest(row.path(w), {
          cookie: w.cookies[role] || undefined,
          form: row.method === "POST" ? (row.form?.(w) ?? {}) : undefined,
        });
        const response = await callRoute(fn, request, row.params(w));
        const denied = isDenied(response);
        if (allowed) {
          expect(denied, `${role} should reach ${row.name} (status ${response.status})`).toBe(false);
          expect(response.status).toBeLessThan(500);
        } else {
          expect(denied, `${role} should be refused ${row.name} (status ${response.status})`).toBe(
            role === "anonymous" ? "login" : "forbidden",
          );
        }
      });
    }
  }
}
