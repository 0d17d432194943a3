import { formatDate, formatDateTime, isoDay } from "~/utils/time";

/** A date shown in the viewer's time zone, with the machine-readable instant. */
export function DateText({
  value,
  timeZone,
  withTime = false,
}: {
  value: string | Date;
  timeZone: string;
  withTime?: boolean;
}) {
  const iso = new Date(value).toISOString();
  return <time dateTime={iso}>{withTime ? formatDateTime(iso, timeZone) : formatDate(iso, timeZone)}</time>;
}

/**
 * A calendar day (a cohort's start or last day), stored as UTC midnight: the same day
 * for every viewer, whatever their time zone.
 */
export function DayText({ value }: { value: string | Date }) {
  return <time dateTime={isoDay(value)}>{formatDate(value, "UTC")}</time>;
}
