import { describe, expect, it } from "vitest";
import { pageParam, paginate, pageWindow } from "./pagination";

describe("pagination", () => {
  it("shows rows 51–100 of 120 on page 2 of 3", () => {
    const rows = Array.from({ length: 120 }, (_, i) => i + 1);
    const { rows: shown, page } = paginate(rows, 2, 50);
    expect(shown[0]).toBe(51);
    expect(shown.at(-1)).toBe(100);
    expect(page).toEqual({ page: 2, pages: 3, perPage: 50, total: 120, from: 51, to: 100 });
  });

  it("a page past the end shows the last page, and an empty list one empty page", () => {
    expect(pageWindow(120, 9, 50)).toMatchObject({ page: 3, from: 101, to: 120, skip: 100 });
    expect(pageWindow(0, 4, 50)).toMatchObject({ page: 1, pages: 1, from: 0, to: 0 });
  });

  it("reads ?page= and falls back to 1 for nonsense", () => {
    expect(pageParam(new URL("http://x/?page=3"))).toBe(3);
    for (const bad of ["0", "-2", "2.5", "abc", ""])
      expect(pageParam(new URL(`http://x/?page=${bad}`))).toBe(1);
  });
});
