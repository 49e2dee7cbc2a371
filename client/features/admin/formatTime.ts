/** `yyyy-mm-dd hh:mm:ss` in the browser's time zone, as people in the meeting room read times. */
export function formatLocalTime(epochMs: number): string {
  const at = new Date(epochMs);
  return `${formatLocalDate(at)} ${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
}

/** `yyyy-mm-dd` of a local date, the value format of `<input type="date">`. */
export function formatLocalDate(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/**
 * Epoch ms of local midnight starting `yyyy-mm-dd`, plus `days`; undefined for an empty or
 * malformed value. Local, not UTC: a day picked here is the admin's day.
 */
export function localDayStart(value: string, days = 0): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  return new Date(year, month - 1, day + days).getTime();
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
