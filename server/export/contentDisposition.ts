/** The content types of the files the server exports. */
export const EXPORT_CONTENT_TYPE = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  markdown: 'text/markdown; charset=utf-8',
} as const;

/**
 * `attachment` with the file's name both ways: `filename*=UTF-8''…` (RFC 5987/6266) for every
 * current browser and client, and an ASCII `filename` for those that read only that one.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A title as a file name: no path separators or characters Windows refuses. */
export function safeFileName(title: string): string {
  return (
    title
      .replace(/[\\/:*?"<>|]+/g, '_')
      .replace(/\p{Cc}+/gu, '_')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 120) || 'export'
  );
}
