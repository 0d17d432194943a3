import { useEffect, useState, type KeyboardEvent } from "react";
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
 * A week of half-hour checkboxes in the viewer's time zone. Works without
 * JavaScript (each slot is a named checkbox, "mon-09:30"). With JavaScript the
 * grid is one stop in the Tab order: arrow keys move, Space ticks, Shift+arrow
 * ticks (or clears) a run of slots. Each whole cell is a tap target on a phone.
 * `localSlots` is the 336-character local-week string to pre-check.
 */
export function AvailabilityGrid({
  name = "slot",
  localSlots,
  timeZone,
  readOnly = false,
  caption,
}: {
  name?: string;
  localSlots: string;
  timeZone: string;
  readOnly?: boolean;
  caption?: string;
}) {
  const hours = Array.from({ length: SLOTS_PER_DAY }, (_, i) => i);
  // Roving focus only once hydrated: without JavaScript every checkbox stays tabbable.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const firstOn = localSlots.indexOf("1");
  const [active, setActive] = useState(firstOn >= 0 && firstOn < SLOTS_PER_WEEK ? firstOn : 0);
  const hintId = `${name}-grid-keys`;

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
  }

  return (
    <div className="availability table-scroll">
      {readOnly ? null : (
        <p id={hintId} className="help">
          Click or tap a cell to tick it. With a keyboard: Tab into the grid, move with the arrow keys, tick
          with Space; Shift+arrow ticks a run of half-hours.
        </p>
      )}
      <table
        className="availability-grid"
        onKeyDown={readOnly ? undefined : onKeyDown}
        aria-describedby={readOnly ? undefined : hintId}
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
