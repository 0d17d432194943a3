// A GitHub webhook delivery as GitHub sends it: signed body, event and delivery headers,
// no Origin and no cookie (GitHub is cross-site and has no session).
import { sign } from "@octokit/webhooks-methods";
import * as webhook from "../../app/routes/webhooks.github";
import { callRoute } from "../setup/factories";

export function signedDelivery(
  secret: string,
  event: string,
  id: string,
  payload: unknown,
  options: { secret?: string; signature?: string } = {},
) {
  return async () => {
    const body = JSON.stringify(payload);
    const signature = options.signature ?? (await sign(options.secret ?? secret, body));
    const request = new Request("http://localhost:3000/webhooks/github", {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "X-GitHub-Event": event,
        "X-GitHub-Delivery": id,
        "X-Hub-Signature-256": signature,
        "User-Agent": "GitHub-Hookshot/abc",
      },
      body,
    });
    return callRoute(webhook.action, request);
  };
}
