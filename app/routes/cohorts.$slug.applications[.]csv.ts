import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportApplicationsCsv } from "~/applications/export.server";
import { requireCohortRole } from "~/auth/permissions.server";
import { enforceRateLimit } from "~/utils/rate-limit.server";

// Organizers only: the file includes e-mail addresses and sensitive answers.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["organizer"]);
  await enforceRateLimit("csvExport", access.person.id);
  const csv = await exportApplicationsCsv(access.cohort.id, access.person.id);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${access.cohort.slug}-applications.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
