import { isRouteErrorResponse } from "@remix-run/react";

const TITLES: Record<number, string> = {
  400: "Request refused",
  403: "Not allowed",
  404: "Page not found",
  413: "Too large",
  429: "Too many requests",
};

/** The heading (also the page's <title>) and the sentence an error page shows. */
export function errorPage(error: unknown): { title: string; message: string } {
  const fallback = "We are sorry — an unexpected error happened. It has been logged; please try again.";
  if (!isRouteErrorResponse(error) || error.status >= 500)
    return { title: "Something went wrong", message: fallback };
  const said = typeof error.data === "string" && error.data ? error.data : null;
  if (error.status === 404) return { title: TITLES[404], message: said ?? "We could not find that page." };
  if (error.status === 403)
    return { title: TITLES[403], message: said ?? "You do not have permission to see this page." };
  return {
    title: TITLES[error.status] ?? (error.statusText || "Request refused"),
    message: said ?? fallback,
  };
}
