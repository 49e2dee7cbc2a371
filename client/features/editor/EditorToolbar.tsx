import { Button } from 'antd';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { Fragment, useRef, type KeyboardEvent } from 'react';
import { useI18n } from '../../i18n/i18nContext.js';
import { shortcutText, TOOLBAR_GROUPS, type ToolbarAction } from './toolbarActions.js';
import './EditorToolbar.css';

interface ButtonState {
  active: boolean | null;
  enabled: boolean;
}

function buttonStates(editor: Editor): Record<string, ButtonState> {
  const states: Record<string, ButtonState> = {};
  for (const action of TOOLBAR_GROUPS.flat()) {
    states[action.id] = {
      active: action.isActive ? action.isActive(editor) : null,
      // Not editor.isEditable: the toolbar is only shown to those who may write, and the
      // editor turns editable without a transaction that would refresh this state.
      enabled: action.canRun(editor),
    };
  }
  return states;
}

const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/**
 * The formatting buttons above the editor: body text, the four heading levels of official
 * writing, bold, lists, and undo/redo of one's own changes. One tab stop; the arrow keys move
 * between buttons, as in any toolbar.
 */
export function EditorToolbar({ editor }: { editor: Editor }) {
  const { t } = useI18n();
  const toolbar = useRef<HTMLDivElement>(null);
  const states = useEditorState({ editor, selector: ({ editor: e }) => buttonStates(e) });
  const mac = isMac();

  const title = (action: ToolbarAction) => {
    const keys = shortcutText(action.shortcut, mac);
    const name = t('editor.toolbar.withShortcut', { label: t(action.label), keys });
    return action.hint ? `${name} ${t(action.hint)}` : name;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = Array.from(toolbar.current?.querySelectorAll('button') ?? []).filter(
      (button) => !button.disabled,
    );
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      event.key === 'ArrowRight'
        ? (at + 1) % buttons.length
        : event.key === 'ArrowLeft'
          ? (at - 1 + buttons.length) % buttons.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? buttons.length - 1
              : null;
    if (next === null || at === -1) return;
    event.preventDefault();
    buttons[next]?.focus();
  };

  return (
    <div
      ref={toolbar}
      className="editor-toolbar"
      role="toolbar"
      aria-label={t('editor.toolbar.label')}
      data-testid="editor-toolbar"
      onKeyDown={onKeyDown}
    >
      {TOOLBAR_GROUPS.map((group, groupIndex) => (
        <Fragment key={group[0]!.id}>
          {groupIndex > 0 && <span className="editor-toolbar__separator" aria-hidden="true" />}
          {group.map((action, index) => {
            const state = states[action.id];
            return (
              <Button
                key={action.id}
                type="text"
                className="editor-toolbar__button"
                data-testid={`toolbar-${action.id}`}
                title={title(action)}
                aria-pressed={state?.active ?? undefined}
                disabled={!state?.enabled}
                // Only the first button is a tab stop; the arrow keys reach the others.
                tabIndex={groupIndex === 0 && index === 0 ? 0 : -1}
                // Keep the editor's selection: a click must not move the focus off the text.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => action.run(editor)}
              >
                {t(action.label)}
              </Button>
            );
          })}
        </Fragment>
      ))}
    </div>
  );
}
