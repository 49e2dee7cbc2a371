import { describe, expect, it } from 'vitest';
import { shortcutText, TOOLBAR_GROUPS } from '../../../../client/features/editor/toolbarActions.js';
import { translate } from '../../../../client/i18n/messages.js';

describe('the editor toolbar', () => {
  it('names the heading levels after the numbering of official writing', () => {
    const labels = TOOLBAR_GROUPS.flat().map((action) => translate('zh-CN', action.label));
    expect(labels).toEqual([
      '正文',
      '一级标题（一、）',
      '二级标题（（一））',
      '三级标题（1.）',
      '四级标题（（1））',
      '加粗',
      '无序列表',
      '有序列表',
      '撤销',
      '重做',
    ]);
  });

  it("offers TipTap's own shortcuts, written the way each platform writes them", () => {
    const shortcuts = Object.fromEntries(
      TOOLBAR_GROUPS.flat().map((action) => [action.id, shortcutText(action.shortcut, false)]),
    );
    expect(shortcuts).toEqual({
      paragraph: 'Ctrl+Alt+0',
      heading2: 'Ctrl+Alt+2',
      heading3: 'Ctrl+Alt+3',
      heading4: 'Ctrl+Alt+4',
      heading5: 'Ctrl+Alt+5',
      bold: 'Ctrl+B',
      bulletList: 'Ctrl+Shift+8',
      orderedList: 'Ctrl+Shift+7',
      undo: 'Ctrl+Z',
      redo: 'Ctrl+Y',
    });
    expect(shortcutText('Mod-Alt-2', true)).toBe('⌘⌥2');
    expect(shortcutText('Mod-Shift-7', true)).toBe('⌘⇧7');
  });
});
