import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type PointerEvent } from "react";
import { SLOTS_PER_DAY, SLOTS_PER_WEEK, slotKey, WEEKDAYS } from "~/availability/slots";

/**
 * Where a key press moves the focus in the grid (rows are half-hours, columns
 * days), or null when the key is not a grid key. Edges stop rather than wrap.
 */
export function slotAfterKey(index: number, key: string): number | null {
  const day = Math.floor(index / SLOTS_PER_DAY);
  const row = index % SLOTS_PER_DAY;
  switch (key) {
    case "ArrowUp":
      return row > 0 ? index - 1 : index;
    case "ArrowDown":
      return row < SLOTS_PER_DAY - 1 ? index + 1 : index;
    case "ArrowLeft":
      return day > 0 ? index - SLOTS_PER_DAY : index;
    case "ArrowRight":
      return day < WEEKDAYS.length - 1 ? index + SLOTS_PER_DAY : index;
    case "Home":
      return day * SLOTS_PER_DAY;
    case "End":
      return day * SLOTS_PER_DAY + SLOTS_PER_DAY - 1;
    default:
      return null;
  }
}

/**
 * The slots a drag from `from` to `to` covers: every half-hour between the two rows
 * on every day between the two columns, as on a paper timetable.
 */
export function slotsInDrag(from: number, to: number): number[] {
  const [d1, d2] = [Math.floor(from / SLOTS_PER_DAY), Math.floor(to / SLOTS_PER_DAY)].sort((a, b) => a - b);
  const [r1, r2] = [from % SLOTS_PER_DAY, to % SLOTS_PER_DAY].sort((a, b) => a - b);
  const slots: number[] = [];
  for (let d = d1; d <= d2; d++) for (let r = r1; r <= r2; r++) slots.push(d * SLOTS_PER_DAY + r);
  return slots;
}

type Drag = {
  pointerId: number;
  start: number;
  last: number;
  tick: boolean;
  before: boolean[];
  moved: boolean;
};

const slotInput = (element: Element | null): HTMLInputElement | null =>
  element?.closest("td")?.querySelector<HTMLInputElement>("input[data-slot]") ?? null;

/**
 * A week of half-hour checkboxes in the viewer's time zone. Works without
 * JavaScript (each slot is a named checkbox, "mon-09:30"). With JavaScript the
 * grid is one stop in the Tab order: arrow keys move, Space ticks, Shift+arrow
 * ticks (or clears) a run of slots. Dragging across cells with a mouse, pen or
 * finger (pointer events) ticks or clears every cell of the rectangle dragged over,
 * as the first cell decides. Each whole cell is a tap target on a phone.
 * `localSlots` is the 336-character local-week string to pre-check; `onHoursChange`
 * hears the hours ticked after every change.
 */
export function AvailabilityGrid({
  name = "slot",
  localSlots,
  timeZone,
  readOnly = false,
  caption,
  onHoursChange,
}: {
  name?: string;
  localSlots: string;
  timeZone: string;
  readOnly?: boolean;
  caption?: string;
  onHoursChange?: (hours: number) => void;
}) {
  const hours = Array.from({ length: SLOTS_PER_DAY }, (_, i) => i);
  // Roving focus only once hydrated: without JavaScript every checkbox stays tabbable.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const firstOn = localSlots.indexOf("1");
  const [active, setActive] = useState(firstOn >= 0 && firstOn < SLOTS_PER_WEEK ? firstOn : 0);
  const hintId = `${name}-grid-keys`;
  const tableRef = useRef<HTMLTableElement>(null);
  const drag = useRef<Drag | null>(null);
  const swallowClick = useRef(false);

  const inputs = () => [...(tableRef.current?.querySelectorAll<HTMLInputElement>("input[data-slot]") ?? [])];
  /** Each checkbox at its slot index (the page lists them row by row, slots count day by day). */
  const bySlot = () => {
    const slots: HTMLInputElement[] = [];
    for (const box of inputs()) slots[Number(box.dataset.slot)] = box;
    return slots;
  };
  const report = () => onHoursChange?.(inputs().filter((i) => i.checked).length / 2);

  function onPointerDown(event: PointerEvent<HTMLTableElement>) {
    swallowClick.current = false;
    if (event.pointerType === "mouse" && event.button !== 0) return;
    const input = slotInput(event.target as Element);
    if (!input) return;
    const start = Number(input.dataset.slot);
    const boxes = bySlot();
    drag.current = {
      pointerId: event.pointerId,
      start,
      last: start,
      tick: !input.checked,
      before: boxes.map((b) => b.checked),
      moved: false,
    };
  }

  function onPointerMove(event: PointerEvent<HTMLTableElement>) {
    const d = drag.current;
    if (!d || d.pointerId !== event.pointerId) return;
    // The button was let go outside the grid: that drag is over.
    if (event.pointerType === "mouse" && event.buttons === 0) {
      drag.current = null;
      return;
    }
    // A finger's events stay with the cell it touched first; ask what is under it now.
    const input = slotInput(document.elementFromPoint(event.clientX, event.clientY));
    if (!input || !tableRef.current?.contains(input)) return;
    const at = Number(input.dataset.slot);
    if (at === d.last) return;
    d.last = at;
    d.moved = true;
    const covered = new Set(slotsInDrag(d.start, at));
    for (const box of inputs()) {
      const i = Number(box.dataset.slot);
      box.checked = covered.has(i) ? d.tick : d.before[i];
    }
    report();
  }

  function onPointerEnd(event: PointerEvent<HTMLTableElement>) {
    const d = drag.current;
    if (!d || d.pointerId !== event.pointerId) return;
    drag.current = null;
    if (!d.moved) return;
    // The drag already set the first cell; the click that ends it must not undo that.
    const first = bySlot()[d.start];
    if (first) first.checked = d.tick;
    swallowClick.current = true;
    report();
  }

  function onClickCapture(event: MouseEvent<HTMLTableElement>) {
    if (!swallowClick.current) return;
    swallowClick.current = false;
    event.preventDefault();
    event.stopPropagation();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    const from = event.target instanceof HTMLInputElement ? Number(event.target.dataset.slot) : NaN;
    if (Number.isNaN(from)) return;
    const to = slotAfterKey(from, event.key);
    if (to === null) return;
    event.preventDefault();
    const target = event.currentTarget.querySelector<HTMLInputElement>(`input[data-slot="${to}"]`);
    if (!target) return;
    if (event.shiftKey && to !== from) target.checked = (event.target as HTMLInputElement).checked;
    setActive(to);
    target.focus();
    report();
  }

  return (
    <div className="availability table-scroll">
      {readOnly ? null : (
        <p id={hintId} className="help">
          Click or tap a cell to tick it, or drag across cells to tick (or clear) them all. With a keyboard:
          Tab into the grid, move with the arrow keys, tick with Space; Shift+arrow ticks a run of half-hours.
          On a touch screen, scroll by swiping over the times on the left.
        </p>
      )}
      <table
        ref={tableRef}
        className={readOnly ? "availability-grid" : "availability-grid editable"}
        aria-describedby={readOnly ? undefined : hintId}
        {...(readOnly
          ? {}
          : {
              onKeyDown,
              onPointerDown,
              onPointerMove,
              onPointerUp: onPointerEnd,
              onPointerCancel: onPointerEnd,
              onClickCapture,
              onChange: report,
            })}
      >
        <caption>{caption ?? `Weekly availability, shown in ${timeZone}`}</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            {WEEKDAYS.map((d) => (
              <th scope="col" key={d}>
                {d.slice(0, 3)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {hours.map((row) => {
            const label = slotKey(row).slice(4);
            return (
              <tr key={row}>
                <th scope="row">{label}</th>
                {WEEKDAYS.map((day, d) => {
                  const index = d * SLOTS_PER_DAY + row;
                  const on = localSlots[index] === "1";
                  return (
                    <td key={day} className={on ? "slot-on" : "slot-off"}>
                      {readOnly ? (
                        <>
                          <span aria-hidden="true">{on ? "●" : ""}</span>
                          <span className="sr-only">{on ? "available" : "not available"}</span>
                        </>
                      ) : (
                        <label className="slot">
                          <input
                            type="checkbox"
                            name={name}
                            value={slotKey(index)}
                            defaultChecked={on}
                            aria-label={`${day} ${label}`}
                            data-slot={index}
                            tabIndex={hydrated ? (index === active ? 0 : -1) : undefined}
                            onFocus={() => setActive(index)}
                          />
                        </label>
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
