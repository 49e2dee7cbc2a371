import type { Editor } from '@tiptap/core';
import { OutlineLevel } from '../../../shared/editor/openingStructure.js';
import type { MessageKey } from '../../i18n/messages.js';

/** One toolbar button: what it is called, TipTap's shortcut for it, and what it does. */
export interface ToolbarAction {
  /** Also the button's test id: `toolbar-<id>`. */
  id: string;
  label: MessageKey;
  /** A longer explanation for the tooltip, when the label alone could mislead. */
  hint?: MessageKey;
  /** The shortcut TipTap (or the collaboration extension) binds, in its own notation. */
  shortcut: string;
  /** Toggles show whether the selection is in that format; plain actions (undo) do not. */
  isActive?(editor: Editor): boolean;
  canRun(editor: Editor): boolean;
  run(editor: Editor): void;
}

const headingLabels: Record<number, MessageKey> = {
  [OutlineLevel.section]: 'editor.toolbar.heading2',
  [OutlineLevel.subsection]: 'editor.toolbar.heading3',
  [OutlineLevel.item]: 'editor.toolbar.heading4',
  [OutlineLevel.subitem]: 'editor.toolbar.heading5',
};

type Level = 2 | 3 | 4 | 5;

function headingAction(level: Level): ToolbarAction {
  return {
    id: `heading${level}`,
    label: headingLabels[level]!,
    shortcut: `Mod-Alt-${level}`,
    isActive: (editor) => editor.isActive('heading', { level }),
    canRun: (editor) => editor.can().toggleHeading({ level }),
    run: (editor) => editor.chain().focus().toggleHeading({ level }).run(),
  };
}

/**
 * The toolbar's groups. The numbering (一、（一）1.（1）) is typed text in official writing; the
 * levels only choose the heading's font. Undo and redo are the collaboration extension's: Yjs
 * undoes this person's own changes and leaves everyone else's in place.
 */
export const TOOLBAR_GROUPS: readonly (readonly ToolbarAction[])[] = [
  [
    {
      id: 'paragraph',
      label: 'editor.toolbar.paragraph',
      shortcut: 'Mod-Alt-0',
      isActive: (editor) => editor.isActive('paragraph') && !editor.isActive('listItem'),
      // Never disabled: "already body text" is what its pressed state says.
      canRun: () => true,
      run: (editor) => editor.chain().focus().setParagraph().run(),
    },
    headingAction(OutlineLevel.section),
    headingAction(OutlineLevel.subsection),
    headingAction(OutlineLevel.item),
    headingAction(OutlineLevel.subitem),
  ],
  [
    {
      id: 'bold',
      label: 'editor.toolbar.bold',
      shortcut: 'Mod-b',
      isActive: (editor) => editor.isActive('bold'),
      canRun: (editor) => editor.can().toggleBold(),
      run: (editor) => editor.chain().focus().toggleBold().run(),
    },
  ],
  [
    {
      id: 'bulletList',
      label: 'editor.toolbar.bulletList',
      shortcut: 'Mod-Shift-8',
      isActive: (editor) => editor.isActive('bulletList'),
      canRun: (editor) => editor.can().toggleBulletList(),
      run: (editor) => editor.chain().focus().toggleBulletList().run(),
    },
    {
      id: 'orderedList',
      label: 'editor.toolbar.orderedList',
      shortcut: 'Mod-Shift-7',
      isActive: (editor) => editor.isActive('orderedList'),
      canRun: (editor) => editor.can().toggleOrderedList(),
      run: (editor) => editor.chain().focus().toggleOrderedList().run(),
    },
  ],
  [
    {
      id: 'undo',
      label: 'editor.toolbar.undo',
      hint: 'editor.toolbar.undoHint',
      shortcut: 'Mod-z',
      canRun: (editor) => editor.can().undo(),
      run: (editor) => editor.chain().focus().undo().run(),
    },
    {
      id: 'redo',
      label: 'editor.toolbar.redo',
      hint: 'editor.toolbar.redoHint',
      shortcut: 'Mod-y',
      canRun: (editor) => editor.can().redo(),
      run: (editor) => editor.chain().focus().redo().run(),
    },
  ],
];

/** `Mod-Alt-2` → `Ctrl+Alt+2`, or `⌘⌥2` on a Mac, the way each platform writes shortcuts. */
export function shortcutText(shortcut: string, mac: boolean): string {
  const keys = shortcut.split('-').map((key) => {
    if (mac) return { Mod: '⌘', Alt: '⌥', Shift: '⇧' }[key] ?? key.toUpperCase();
    return { Mod: 'Ctrl' }[key] ?? (key.length === 1 ? key.toUpperCase() : key);
  });
  return keys.join(mac ? '' : '+');
}
