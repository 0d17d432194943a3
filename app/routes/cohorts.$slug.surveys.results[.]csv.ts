import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCohortRole } from "~/auth/permissions.server";
import { surveyResults, surveyResultsCsv } from "~/surveys/surveys.server";
import { enforceRateLimit } from "~/utils/rate-limit.server";

// Organizers only: counts per question and group (groups below three people left out).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ["organizer"]);
  await enforceRateLimit("csvExport", access.person.id);
  const csv = surveyResultsCsv(await surveyResults(access));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${access.cohort.slug}-survey-results.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
