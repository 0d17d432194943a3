import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { handleGitHubWebhook } from "~/issues/webhooks.server";
import { readBodyText, WEBHOOK_BODY_LIMIT } from "~/utils/request-body.server";
import { clientAddress, enforceRateLimit } from "~/utils/rate-limit.server";

// POST /webhooks/github. This route deliberately does not call requireUser: GitHub
// has no session, and it is exempt from the same-origin (CSRF) check because the
// X-Hub-Signature-256 HMAC over the raw body, verified against
// GITHUB_WEBHOOK_SECRET in handleGitHubWebhook, is what authorizes it. A request
// without a valid signature gets 401 and nothing is stored.
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return json({ message: "Use POST." }, { status: 405 });
  await enforceRateLimit("webhook", clientAddress(request));
  const rawBody = await readBodyText(request, WEBHOOK_BODY_LIMIT);
  const outcome = await handleGitHubWebhook(
    {
      signature: request.headers.get("x-hub-signature-256"),
      event: request.headers.get("x-github-event"),
      deliveryId: request.headers.get("x-github-delivery"),
    },
    rawBody,
  );
  return json({ message: outcome.message }, { status: outcome.status });
}

export async function loader(_args: LoaderFunctionArgs) {
  return json({ message: "GitHub webhooks are delivered here with POST." }, { status: 405 });
}
