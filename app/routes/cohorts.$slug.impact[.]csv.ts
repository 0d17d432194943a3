import type { LoaderFunctionArgs } from "@remix-run/node";
import { impactCsv, impactReport } from "~/outcomes/impact.server";

// Public like the impact page: aggregate figures only.
export async function loader({ params }: LoaderFunctionArgs) {
  const report = await impactReport(params.slug ?? "");
  return new Response(impactCsv(report), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${report.cohort.slug}-impact.csv"`,
    },
  });
}
