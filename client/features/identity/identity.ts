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

export const maxNameLength = 32;
const storageKey = 'shenghuohui.identity';

export function randomGuestName(): string {
  return `访客 ${1000 + Math.floor(Math.random() * 9000)}`;
}

function randomColour(): string {
  return palette[Math.floor(Math.random() * palette.length)]?.hex ?? '#1565c0';
}

function isIdentity(value: unknown): value is Identity {
  if (typeof value !== 'object' || value === null) return false;
  const { name, color } = value as Record<string, unknown>;
  return (
    typeof name === 'string' &&
    name.trim().length > 0 &&
    name.length <= maxNameLength &&
    palette.some((c) => c.hex === color)
  );
}

/** The stored identity, or a new random guest that is stored at once so it survives a reload. */
export function loadIdentity(): Identity {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(storageKey) ?? 'null');
    if (isIdentity(stored)) return stored;
  } catch {
    // Unreadable or disabled storage: fall through to a fresh guest.
  }
  const fresh = { name: randomGuestName(), color: randomColour() };
  saveIdentity(fresh);
  return fresh;
}

export function saveIdentity(identity: Identity): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(identity));
  } catch {
    // Kept for this page only.
  }
}

/** What others see: a blank name falls back to a guest name rather than an empty label. */
export function displayName(identity: Identity): string {
  return identity.name.trim() || '访客';
}
