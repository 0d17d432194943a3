import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCohortRole } from "~/auth/permissions.server";
import { outcomeFigures, outcomesCsv } from "~/outcomes/figures.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["organizer"]);
  const csv = outcomesCsv(await outcomeFigures([access.cohort.id]));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${access.cohort.slug}-outcomes.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
