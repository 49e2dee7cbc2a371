import type { ErrorText } from './errorText.js';

/** Reading an uploaded file and writing it into a document. */
export const importErrorMessages = {
  unsupported_file_type: {
    zh: '只能导入 .docx、.txt 或 .md 文件。',
    en: 'Only .docx, .txt and .md files can be imported.',
  },
  'unsupported_file_type.old_word': {
    zh: '只能导入 .docx、.txt 或 .md 文件，请先另存为 .docx。',
    en: 'Only .docx, .txt and .md files can be imported; save the file as .docx first.',
  },
  'unsupported_file_type.json': {
    zh: '请直接上传文件本身。',
    en: 'Send the file itself as the request body.',
  },
  empty_file: { zh: '文件是空的，没有可导入的文字。', en: 'The file is empty.' },
  file_too_large: {
    zh: '文件超过 {size} MB，无法导入。',
    en: 'The file is larger than {size} MB.',
  },
  text_too_long: {
    zh: '文件文字超过 {max} 字，请分段导入。',
    en: 'The text is longer than {max} characters; import it in parts.',
  },
  not_a_docx: {
    zh: '文件不是有效的 Word 文档（.docx）。',
    en: 'The file is not a Word document (.docx).',
  },
  'not_a_docx.no_body': {
    zh: '文件不是有效的 Word 文档：缺少正文部件。',
    en: 'The file is not a Word document: it has no word/document.xml.',
  },
  docx_too_large: {
    zh: 'Word 文档正文过大（上限 {size} MB），请分成几个文件导入。',
    en: 'The body of the Word document is larger than {size} MB; split it into several files.',
  },
  'docx_too_large.unpacked': {
    zh: 'Word 文档解压后过大或文件过多（上限 {size} MB、{parts} 个部件）。',
    en: 'The Word document is too large when unpacked (at most {size} MB and {parts} parts).',
  },
  file_unreadable: {
    zh: '文件已损坏或格式无法识别。',
    en: 'The file cannot be read.',
  },
  'file_unreadable.docx': {
    zh: 'Word 文档已损坏或格式无法识别。',
    en: 'The Word document cannot be read.',
  },
  binary_file: {
    zh: '文件不是可识别的文本（应为 UTF-8 或 GB18030 编码）。',
    en: 'The file is not text in UTF-8 or GB18030.',
  },
  file_too_complex: {
    zh: '文件内容过于复杂，读取所需内存超过 {mb} MB，请分成几个文件导入。',
    en: 'The file is too complex: reading it needs more than {mb} MB; split it into several files.',
  },
  file_timed_out: {
    zh: '文件读取超过 {seconds} 秒，已停止，请分成几个文件导入。',
    en: 'Reading the file took longer than {seconds} s; split it into several files.',
  },
  import_busy: {
    zh: '您的上一个文件还在读取，请等它完成后再导入。',
    en: 'A file of yours is still being read; wait for it to finish.',
  },
  server_busy: {
    zh: '服务器正在读取其他文件，请稍后再试。',
    en: 'The server is busy reading other files; try again shortly.',
  },
  'forbidden.import_target': {
    zh: '只能导入到您可以编辑的对照检查材料（班子/支部材料或本人的材料）。',
    en: 'Import into a checking material you may write: the collective one or your own.',
  },
} as const satisfies Readonly<Record<string, ErrorText>>;
