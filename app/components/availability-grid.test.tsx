import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { emptySlots, SLOTS_PER_DAY, slotIndexFromKey } from "~/availability/slots";
import { AvailabilityGrid, slotAfterKey, slotsInDrag } from "./availability-grid";

const at = (key: string) => slotIndexFromKey(key)!;

describe("the availability grid with a keyboard", () => {
  it("arrow keys move a half-hour up or down and a day left or right, stopping at the edges", () => {
    expect(slotAfterKey(at("mon-09:00"), "ArrowDown")).toBe(at("mon-09:30"));
    expect(slotAfterKey(at("mon-09:00"), "ArrowUp")).toBe(at("mon-08:30"));
    expect(slotAfterKey(at("mon-09:00"), "ArrowRight")).toBe(at("tue-09:00"));
    expect(slotAfterKey(at("sun-09:00"), "ArrowLeft")).toBe(at("sat-09:00"));
    // no wrapping from Monday midnight into Sunday night, or from 23:30 into the next day
    expect(slotAfterKey(at("mon-00:00"), "ArrowUp")).toBe(at("mon-00:00"));
    expect(slotAfterKey(at("mon-23:30"), "ArrowDown")).toBe(at("mon-23:30"));
    expect(slotAfterKey(at("mon-10:00"), "ArrowLeft")).toBe(at("mon-10:00"));
    expect(slotAfterKey(at("sun-10:00"), "ArrowRight")).toBe(at("sun-10:00"));
    expect(slotAfterKey(at("wed-10:00"), "Home")).toBe(at("wed-00:00"));
    expect(slotAfterKey(at("wed-10:00"), "End")).toBe(2 * SLOTS_PER_DAY + SLOTS_PER_DAY - 1);
    expect(slotAfterKey(at("wed-10:00"), "a")).toBeNull();
  });

  it("without JavaScript every slot is a named checkbox in the Tab order, and the whole cell can be tapped", () => {
    const html = renderToStaticMarkup(<AvailabilityGrid localSlots={emptySlots()} timeZone="Asia/Beirut" />);
    expect(html.match(/type="checkbox"/g)).toHaveLength(7 * SLOTS_PER_DAY);
    expect(html).not.toContain("tabindex");
    expect(html).toMatch(/<label class="slot"><input type="checkbox" name="slot" [^>]*value="mon-09:00"/);
    expect(html).toContain("move with the arrow keys");
    expect(html).toContain("drag across cells");
  });

  it("shows a read-only grid without checkboxes or keyboard hint", () => {
    const html = renderToStaticMarkup(<AvailabilityGrid localSlots={emptySlots()} timeZone="UTC" readOnly />);
    expect(html).not.toContain("checkbox");
    expect(html).not.toContain("arrow keys");
  });
});

describe("dragging across the grid", () => {
  it("covers every half-hour between the two rows on every day between the two columns", () => {
    expect(slotsInDrag(at("mon-09:00"), at("mon-10:00"))).toEqual([
      at("mon-09:00"),
      at("mon-09:30"),
      at("mon-10:00"),
    ]);
    // dragged up and to the left: the same rectangle
    expect(slotsInDrag(at("wed-10:00"), at("tue-09:30")).sort((a, b) => a - b)).toEqual(
      [at("tue-09:30"), at("tue-10:00"), at("wed-09:30"), at("wed-10:00")].sort((a, b) => a - b),
    );
    expect(slotsInDrag(at("sun-23:30"), at("sun-23:30"))).toEqual([at("sun-23:30")]);
  });
});
