import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarForToken } from "~/teams/teams.server";

// A member's private calendar feed, /calendar/<token>.ics. Calendar apps cannot sign
// in, so the unguessable token is the credential (docs/decisions/021): GET only,
// nothing but the team's meeting in it, and the member can replace the token.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const file = params.file ?? "";
  const token = file.endsWith(".ics") ? file.slice(0, -4) : "";
  const body = token ? await calendarForToken(token, new URL(request.url).origin) : null;
  if (!body)
    return new Response("There is no calendar at this address.", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="team-meetings.ics"',
      "Cache-Control": "private, max-age=900",
      "X-Robots-Tag": "noindex",
    },
  });
}
