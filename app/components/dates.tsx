import { formatDate, formatDateTime } from "~/utils/time";

/** A date shown in the viewer's time zone, with the machine-readable instant. */
export function DateText({ value, timeZone, withTime = false }: { value: string | Date; timeZone: string; withTime?: boolean }) {
  const iso = new Date(value).toISOString();
  return <time dateTime={iso}>{withTime ? formatDateTime(iso, timeZone) : formatDate(iso, timeZone)}</time>;
}
