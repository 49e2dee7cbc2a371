/** `yyyy-mm-dd hh:mm` in the browser's time zone, as a meeting's time is read in the room. */
export function formatMeetingTime(epochMs: number): string {
  return toDateTimeLocal(epochMs).replace('T', ' ');
}

/** The value of `<input type="datetime-local">` for a moment: local `yyyy-mm-ddThh:mm`. */
export function toDateTimeLocal(epochMs: number): string {
  const at = new Date(epochMs);
  return (
    `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}` +
    `T${pad(at.getHours())}:${pad(at.getMinutes())}`
  );
}

/**
 * A `datetime-local` value as ISO 8601 with the browser's offset on that date (the API wants
 * an offset, and the room's clock is the browser's), e.g. `2026-12-20T09:00:00+08:00`;
 * null for an empty or malformed value.
 */
export function fromDateTimeLocal(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, year, month, day, hours, minutes] = match.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const at = new Date(year, month - 1, day, hours, minutes);
  if (Number.isNaN(at.getTime())) return null;
  // getTimezoneOffset is minutes behind UTC: -480 in China.
  const offset = -at.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${toDateTimeLocal(at.getTime())}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
