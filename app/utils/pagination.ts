// Long lists are shown a page at a time (docs/decisions/075): the loader sends one
// page of rows and the totals, never every row of a cohort of thousands.
export type PageInfo = {
  page: number;
  pages: number;
  perPage: number;
  total: number;
  from: number;
  to: number;
};

/** The page number asked for in `?page=` (1 when missing or not a positive whole number). */
export function pageParam(url: URL, name = "page"): number {
  const n = Number(url.searchParams.get(name));
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/** The window of `total` rows shown on `page` (clamped to the last page). */
export function pageWindow(total: number, page: number, perPage: number): PageInfo & { skip: number } {
  const pages = Math.max(1, Math.ceil(total / perPage));
  const current = Math.min(Math.max(1, page), pages);
  const skip = (current - 1) * perPage;
  return {
    page: current,
    pages,
    perPage,
    total,
    from: total === 0 ? 0 : skip + 1,
    to: Math.min(total, skip + perPage),
    skip,
  };
}

/** One page of rows already in memory, with where it sits in the whole list. */
export function paginate<T>(rows: T[], page: number, perPage: number): { rows: T[]; page: PageInfo } {
  const { skip, ...info } = pageWindow(rows.length, page, perPage);
  return { rows: rows.slice(skip, skip + perPage), page: info };
}
