/**
 * Names a Chinese message may keep in Latin letters: file formats and products a person sees
 * written that way (Word, Excel, .docx), units and encodings, and a key on the keyboard.
 */
export const LATIN_ALLOWED = new Set([
  'Word',
  'Excel',
  'CSV',
  'Markdown',
  'docx',
  'txt',
  'md',
  'MB',
  'UTF',
  'GB',
  'Esc',
]);

/** The Latin words of `text` outside its `{param}` placeholders that are not allowed. */
export function foreignWords(text: string): string[] {
  const words = text.replace(/\{\w+\}/g, '').match(/[A-Za-z]+/g) ?? [];
  return words.filter((w) => !LATIN_ALLOWED.has(w));
}

export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}
