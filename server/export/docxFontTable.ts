import { FONT } from './gbt9704.js';

const WORD_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/**
 * word/fontTable.xml naming each font with its stand-in (`w:altName`), charset GB2312 (86):
 * where 仿宋_GB2312 is not installed Word and WPS then set the text in FangSong, not in whatever
 * the system picks. docx writes an empty table unless it embeds fonts, so this replaces it.
 */
export function fontTableXml(): string {
  const fonts = Object.values(FONT)
    .map(
      ({ name, fallback }) =>
        `<w:font w:name="${name}"><w:altName w:val="${fallback}"/><w:charset w:val="86"/>` +
        `<w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="${WORD_NS}">${fonts}</w:fonts>`;
}
