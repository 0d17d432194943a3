import { json } from "@remix-run/node";
import { checkDatabase } from "~/utils/health.server";

export async function loader() {
  // Public by design: load balancers call it without a session.
  const result = await checkDatabase();
  const headers = { "Cache-Control": "no-store" };
  if (result.ok) return json({ status: "ok", db: "ok" }, { headers });
  return json({ status: "error", db: "unreachable", reason: result.reason }, { status: 503, headers });
}
