import type { LoaderFunctionArgs } from "@remix-run/node";

// Demo people have no GitHub avatar: draw their initials. Public, like any image.
export async function loader({ params }: LoaderFunctionArgs) {
  const login =
    (params.file ?? "")
      .replace(/\.svg$/, "")
      .replace(/[^a-z0-9-]/gi, "")
      .slice(0, 39) || "?";
  let hash = 0;
  for (const ch of login) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  const hue = hash % 360;
  const initials = login.replace(/-/g, "").slice(0, 2).toUpperCase();
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><rect width="64" height="64" fill="hsl(${hue},45%,42%)"/><text x="32" y="41" font-family="sans-serif" font-size="26" fill="#fff" text-anchor="middle">${initials}</text></svg>`;
  return new Response(svg, {
    headers: { "Content-Type": "image/svg+xml", "Cache-Control": "public, max-age=86400" },
  });
}
