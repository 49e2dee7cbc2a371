/**
 * The small block model every export is rendered from: minutes, report, materials and ledger
 * content are assembled into it, and each writer (Word, Markdown) renders it. A `\n` inside an
 * inline's text is a hard line break within its paragraph. Asterisks are redactions (`**局`)
 * and are kept as text by every writer.
 */
export type ExportInline = { text: string; bold?: boolean };

export type ExportBlock =
  /** 1 = 一、 (黑体), 2 = （一） (楷体_GB2312), 3 = 1., 4 = （1） (仿宋); the text carries its own number. */
  | { type: 'heading'; level: 1 | 2 | 3 | 4; text: string }
  | {
      type: 'paragraph';
      inlines: ExportInline[];
      /** First-line indent of two characters; default true. */
      indent?: boolean;
      align?: 'left' | 'center' | 'right';
    }
  /** `start` is the first number of an ordered list (default 1). */
  | { type: 'list'; ordered: boolean; items: ExportInline[][]; start?: number }
  /** 会议名称：… 时间：… as a borderless label/value block. */
  | { type: 'fields'; rows: [label: string, value: string][] }
  | { type: 'table'; header: string[]; rows: string[][] }
  | { type: 'pageBreak' };

export interface ExportDocument {
  title: string;
  subtitle?: string;
  blocks: ExportBlock[];
}
