import { SLOTS_PER_DAY, slotKey, WEEKDAYS } from "~/availability/slots";

/**
 * A week of half-hour checkboxes in the viewer's time zone. Works without
 * JavaScript (each slot is a named checkbox, "mon-09:30"), with the keyboard
 * (Tab/Space) and on a phone (one day per column, scrolls sideways).
 * `localSlots` is the 336-character local-week string to pre-check.
 */
export function AvailabilityGrid({ name = "slot", localSlots, timeZone, readOnly = false, caption }: { name?: string; localSlots: string; timeZone: string; readOnly?: boolean; caption?: string }) {
  const hours = Array.from({ length: SLOTS_PER_DAY }, (_, i) => i);
  return (
    <div className="availability table-scroll">
      <table className="availability-grid">
        <caption>{caption ?? `Weekly availability, shown in ${timeZone}`}</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            {WEEKDAYS.map((d) => <th scope="col" key={d}>{d.slice(0, 3)}</th>)}
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
                        <span aria-label={`${day} ${label}: ${on ? "available" : "not available"}`}>{on ? "●" : ""}</span>
                      ) : (
                        <input type="checkbox" name={name} value={slotKey(index)} defaultChecked={on} aria-label={`${day} ${label}`} />
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
