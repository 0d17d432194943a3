import type { LoaderFunctionArgs } from "@remix-run/node";
import { avatarSvg } from "~/people/avatar.server";

// Demo people have no GitHub avatar: draw the initials of their name. Public, like any image.
export async function loader({ params }: LoaderFunctionArgs) {
  const login =
    (params.file ?? "")
      .replace(/\.svg$/, "")
      .replace(/[^a-z0-9-]/gi, "")
      .slice(0, 39) || "?";
  return new Response(await avatarSvg(login), {
    headers: { "Content-Type": "image/svg+xml", "Cache-Control": "public, max-age=3600" },
  });
}
