import { z } from 'zod';
import { documentNameSchema } from '../sync/documentName.js';
import { ImportLimits } from './importLimits.js';
import type {
  OutlineItem,
  OutlineSection,
  OutlineSubsection,
  OutlineWarning,
  ParsedOutline,
} from './outlineTypes.js';
import type { ProposedMeasure } from './proposedMeasures.js';

/** The text to import: what a file gave or what was pasted, line numbers as written. */
export const importTextSchema = z
  .string()
  .max(ImportLimits.maxTextLength)
  .refine((text) => text.trim() !== '', '没有可导入的文字 (no text)');

/** `X-File-Name` of `POST /api/meetings/:id/import/extract`, once percent-decoded. */
export const importFileNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(ImportLimits.maxFileNameLength)
  // eslint-disable-next-line no-control-regex -- a name with controls or a path is refused
  .refine((name) => !/[\u0000-\u001f/\\]/.test(name), 'invalid file name');

/** `POST /api/meetings/:id/import/preview`: pasted text, parsed and not written. */
export const importPreviewRequestSchema = z.object({ text: importTextSchema }).strict();
export type ImportPreviewRequest = z.infer<typeof importPreviewRequestSchema>;

/** `replace` makes the document hold the import; `append` adds it after what is there. */
export const IMPORT_MODES = ['replace', 'append'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** `POST /api/meetings/:id/import`: the text, parsed and written into one document. */
export const importRequestSchema = z
  .object({
    document: documentNameSchema,
    mode: z.enum(IMPORT_MODES),
    text: importTextSchema,
  })
  .strict();
export type ImportRequest = z.infer<typeof importRequestSchema>;

const outlineItemSchema: z.ZodType<OutlineItem> = z.object({
  ordinal: z.number().int().nullable(),
  marker: z.string().nullable(),
  text: z.string(),
  examples: z.array(z.string()),
  line: z.number().int(),
});

const outlineSubsectionSchema: z.ZodType<OutlineSubsection> = z.lazy(() =>
  z.object({
    heading: z.string(),
    numbering: z.string(),
    level: z.union([z.literal(3), z.literal(4), z.literal(5)]),
    aspect: z.string().nullable(),
    paragraphs: z.array(z.string()),
    items: z.array(outlineItemSchema),
    children: z.array(outlineSubsectionSchema),
    line: z.number().int(),
  }),
);

const outlineSectionSchema: z.ZodType<OutlineSection> = z.object({
  heading: z.string(),
  numbering: z.string(),
  kind: z.enum(['last-rectification', 'problems', 'causes', 'measures', 'other']),
  paragraphs: z.array(z.string()),
  items: z.array(outlineItemSchema),
  subsections: z.array(outlineSubsectionSchema),
  line: z.number().int(),
});

const outlineWarningSchema: z.ZodType<OutlineWarning> = z.object({
  line: z.number().int(),
  code: z.enum(['skipped-ordinal', 'repeated-ordinal', 'mixed-markers', 'no-sections']),
  message: z.string(),
});

/** A parsed outline as the routes answer it (shared/import/outlineTypes.ts). */
export const parsedOutlineSchema: z.ZodType<ParsedOutline> = z.object({
  title: z.string().nullable(),
  preamble: z.array(z.string()),
  sections: z.array(outlineSectionSchema),
  warnings: z.array(outlineWarningSchema),
});

/** A measure of the material that can become a rectification item. */
export const proposedMeasureSchema: z.ZodType<ProposedMeasure> = z.object({
  text: z.string(),
  aspect: z.string().nullable(),
  heading: z.string().nullable(),
});

/** The answer of `…/import/extract`: the file's text and how it parses. */
export const importExtractResponseSchema = z.object({
  text: z.string(),
  outline: parsedOutlineSchema,
});
export type ImportExtractResponse = z.infer<typeof importExtractResponseSchema>;

/** The answer of `…/import/preview`. */
export const importPreviewResponseSchema = z.object({ outline: parsedOutlineSchema });
export type ImportPreviewResponse = z.infer<typeof importPreviewResponseSchema>;

/** The answer of `…/import`: what was written, and the measures it proposes as items. */
export const importResponseSchema = z.object({
  outline: parsedOutlineSchema,
  proposals: z.array(proposedMeasureSchema),
});
export type ImportResponse = z.infer<typeof importResponseSchema>;
