// A tiny stand-in for GitHub's REST API for the browser tests (the app runs in its
// own process, so MSW cannot reach it). Any pull request it is asked about is a
// Django pull request by Oliver Walsh fixing Trac ticket #36105; listings are empty;
// anything of the owner "outage" is refused with 401.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export async function startMockGitHub(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    // Repositories of "outage": GitHub refuses the server's token, as when it was revoked.
    if (url.pathname.startsWith("/repos/outage/")) {
      res.writeHead(401, { "content-type": "application/json" });
      res.end(
        JSON.stringify({ message: "Bad credentials", documentation_url: "https://docs.github.com/rest" }),
      );
      return;
    }
    const pull = url.pathname.match(/^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)$/);
    let body: unknown = [];
    if (pull) {
      const [, owner, repo, number] = pull;
      body = {
        number: Number(number),
        html_url: `https://github.com/${owner}/${repo}/pull/${number}`,
        title: "Fixed #36105 -- Removed unneeded str() calls in admin template tags.",
        body: "The values are already strings; see ticket-36105.",
        user: { login: "owalsh" },
        state: "open",
        draft: false,
        merged: false,
        merged_at: null,
        closed_at: null,
        created_at: new Date(Date.now() - 3_600_000).toISOString(),
        updated_at: new Date(Date.now() - 600_000).toISOString(),
        additions: 18,
        deletions: 11,
        changed_files: 2,
      };
    } else if (!url.pathname.startsWith("/repos/")) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: "Not Found" }));
      return;
    }
    res.writeHead(200, {
      "content-type": "application/json; charset=utf-8",
      etag: `W/"${url.pathname.length}"`,
      "x-ratelimit-remaining": "4999",
    });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
