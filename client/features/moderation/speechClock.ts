import type { Locale } from '../../i18n/messages.js';

const pad = (n: number) => String(n).padStart(2, '0');

function minutesAndSeconds(totalSeconds: number): string {
  return `${pad(Math.floor(totalSeconds / 60))}:${pad(totalSeconds % 60)}`;
}

/** A countdown's text: `04:59` while time is left, `+01:05` in overtime. */
export function formatRemaining(remainingMs: number): string {
  // Rounded up while counting down, so 00:00 shows only once the time is really up.
  return remainingMs >= 0
    ? minutesAndSeconds(Math.ceil(remainingMs / 1000))
    : `+${minutesAndSeconds(Math.floor(-remainingMs / 1000))}`;
}

/** How long a speech took, `12:04`. */
export function formatDuration(ms: number): string {
  return minutesAndSeconds(Math.round(ms / 1000));
}

/** A server time as the clock on the wall shows it, `14:05`. */
export function formatClockTime(epochMs: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(epochMs);
}
