import type { ExportDocument } from './exportBlocks.js';
import type { LedgerRow } from './ledgerColumns.js';
import type { LedgerOptions } from './renderLedgerXlsx.js';

/**
 * The Word and Excel writers, loaded on first use: docx and exceljs are some 20 MB of heap that
 * an instance which never exports should not carry (nor scan at every garbage collection).
 */
export const fileWriters = {
  async docx(doc: ExportDocument): Promise<Buffer> {
    return (await import('./renderDocx.js')).renderDocx(doc);
  },
  async ledgerXlsx(title: string, rows: LedgerRow[], options?: LedgerOptions): Promise<Buffer> {
    return (await import('./renderLedgerXlsx.js')).renderLedgerXlsx(title, rows, options);
  },
};
