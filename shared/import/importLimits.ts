/** What an upload to import may be: the bounds the server enforces and the client can show. */
export const ImportLimits = {
  /** The uploaded file itself. */
  maxFileBytes: 10 * 1024 * 1024,
  /** All entries of a .docx decompressed together; a zip's declared sizes are not believed. */
  maxDecompressedBytes: 50 * 1024 * 1024,
  /**
   * The XML of a .docx's body, styles, numbering and notes together: a real material has one or
   * two megabytes, and the server parses it in one go.
   */
  maxWordXmlBytes: 8 * 1024 * 1024,
  /** Entries in a .docx; real ones have a few dozen, a few hundred with many images. */
  maxZipEntries: 1000,
  /** Characters of text to import: what the 1 MB JSON body of the import itself can carry. */
  maxTextLength: 300_000,
  maxFileNameLength: 255,
  /**
   * Reading a file runs in a worker thread of its own, killed past either bound: a .docx of a
   * few hundred kilobytes can unpack to millions of XML nodes.
   */
  parseMemoryMb: 256,
  parseTimeoutMs: 20_000,
  /** Files read at once, by one person and by everyone (the server has a couple of cores). */
  parsesPerUser: 1,
  parsesAtOnce: 2,
} as const;

/** The file types that can be imported, by extension (lower case, without the dot). */
export const IMPORT_EXTENSIONS = ['docx', 'txt', 'md', 'markdown'] as const;
export type ImportExtension = (typeof IMPORT_EXTENSIONS)[number];
