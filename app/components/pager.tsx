// "Showing 51–100 of 2,900 · Previous · Next" under a long list; keeps the other
// search parameters (filters, sort) in the links.
import { Link, useLocation } from "@remix-run/react";
import type { PageInfo } from "~/utils/pagination";

export function Pager({ page, noun, param = "page" }: { page: PageInfo; noun: string; param?: string }) {
  const location = useLocation();
  if (page.total === 0) return null;
  const to = (n: number) => {
    const params = new URLSearchParams(location.search);
    if (n === 1) params.delete(param);
    else params.set(param, String(n));
    const search = params.toString();
    return search ? `?${search}` : location.pathname;
  };
  const number = (n: number) => n.toLocaleString("en-US");
  return (
    <nav className="pager actions" aria-label={`Pages of ${noun}`}>
      <span>
        Showing {number(page.from)}–{number(page.to)} of {number(page.total)} {noun}
        {page.pages > 1 ? ` (page ${page.page} of ${page.pages})` : ""}
      </span>
      {page.page > 1 ? (
        <Link to={to(page.page - 1)} rel="prev">
          Previous
        </Link>
      ) : null}
      {page.page < page.pages ? (
        <Link to={to(page.page + 1)} rel="next">
          Next
        </Link>
      ) : null}
    </nav>
  );
}
