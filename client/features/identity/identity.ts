import type { MessageKey } from '../../i18n/messages.js';

/** How a person appears to others: the name on their caret and in the member list. */
export interface Identity {
  name: string;
  color: string;
}

export interface PaletteColour {
  hex: string;
  label: MessageKey;
}

// Six-digit hex only: TipTap's caret extension renders any other colour format as transparent.
// All dark enough to carry white label text.
export const palette: readonly PaletteColour[] = [
  { hex: '#c62828', label: 'colour.red' },
  { hex: '#ad1457', label: 'colour.rose' },
  { hex: '#6a1b9a', label: 'colour.purple' },
  { hex: '#283593', label: 'colour.indigo' },
  { hex: '#1565c0', label: 'colour.blue' },
  { hex: '#00695c', label: 'colour.teal' },
  { hex: '#2e7d32', label: 'colour.green' },
  { hex: '#6d4c41', label: 'colour.brown' },
];

// Per user: people who share a computer each keep their own colour.
const storageKey = (userId: number) => `shenghuohui.colour.${userId}`;

/** Until chosen, a colour fixed by the account, so a person looks the same on every computer. */
export function defaultColour(userId: number): string {
  return palette[Math.abs(userId) % palette.length]?.hex ?? '#1565c0';
}

export function isPaletteColour(value: unknown): value is string {
  return palette.some((colour) => colour.hex === value);
}

/** The colour this user chose on this computer, or their default one. */
export function loadColour(userId: number): string {
  try {
    const stored = localStorage.getItem(storageKey(userId));
    if (isPaletteColour(stored)) return stored;
  } catch {
    // Disabled storage: the default still works.
  }
  return defaultColour(userId);
}

export function saveColour(userId: number, colour: string): void {
  try {
    localStorage.setItem(storageKey(userId), colour);
  } catch {
    // Kept for this page only.
  }
}
