import type { Editor } from '@tiptap/core';
import { Button } from 'antd';
import { useEffect, useState } from 'react';
import type { MeetingDetailView } from '../../../shared/meetings/meetingSchemas.js';
import type { RectificationAnchorInput } from '../../../shared/rectifications/rectificationSchemas.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { Notice } from '../layout/Notice.js';
import { NewRectificationDialog } from './NewRectificationDialog.js';
import { emptyDraft } from './rectificationDraft.js';
import { meetingPeople } from './meetingPeople.js';
import { rectificationAbilities } from './rectificationAbilities.js';
import { selectionAnchor } from './selectionAnchor.js';
import { useRevealLinkedText } from './useRevealLinkedText.js';
import './DocumentRectification.css';

interface DocumentRectificationProps {
  meeting: MeetingDetailView;
  documentName: string;
  /** The document's editor once it is up. */
  editor: Editor | null;
}

/** Whether the editor has text selected, re-rendering as the selection moves. */
function useHasSelection(editor: Editor | null): boolean {
  const [selected, setSelected] = useState(false);
  useEffect(() => {
    if (!editor) return;
    const update = () => setSelected(!editor.state.selection.empty);
    update();
    editor.on('selectionUpdate', update);
    return () => {
      editor.off('selectionUpdate', update);
    };
  }, [editor]);
  return selected;
}

/**
 * In a document: 设为整改事项 on the selected text, for those who record items, and the
 * selection of an item's text when the page was opened from its link (`?rectification=<id>`).
 */
export function DocumentRectification({
  meeting,
  documentName,
  editor,
}: DocumentRectificationProps) {
  const { t } = useI18n();
  const selected = useHasSelection(editor);
  const [anchor, setAnchor] = useState<RectificationAnchorInput | null>(null);
  const [recorded, setRecorded] = useState<number | null>(null);
  const revealed = useRevealLinkedText(editor);
  const rights = rectificationAbilities(meeting);
  // Private notes are nobody else's: the server refuses links into them.
  const shared = !documentName.split('/')[2]?.startsWith('notes');
  const mayCreate = rights.edit && shared && meeting.status !== 'draft';

  return (
    <div className="document-rectification">
      {mayCreate && (
        <Button
          size="small"
          data-testid="rect-from-selection"
          disabled={!editor || !selected}
          // Keeps the editor's selection: a click would otherwise take the focus first.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            if (editor) setAnchor(selectionAnchor(editor, documentName));
          }}
        >
          {t('rect.fromSelection')}
        </Button>
      )}
      {recorded !== null && (
        <Notice tone="done" data-testid="rect-recorded">
          {t('rect.recorded', { seq: recorded })}
        </Notice>
      )}
      {revealed?.state === 'shown' && (
        <Notice tone="info" data-testid="rect-revealed">
          {t('rect.revealed', { seq: revealed.seq })}
        </Notice>
      )}
      {revealed?.state === 'gone' && (
        <Notice tone="info" data-testid="rect-reveal-gone">
          {t('rect.revealGone', { seq: revealed.seq })}
        </Notice>
      )}
      {anchor && (
        <NewRectificationDialog
          meetingId={meeting.id}
          initial={{ ...emptyDraft, problem: anchor.quote }}
          context={{ anchor }}
          people={meetingPeople(meeting)}
          aspects={meeting.aspects}
          origin={anchor.quote}
          onClose={() => setAnchor(null)}
          onCreated={(item) => {
            setRecorded(item.seq);
            setAnchor(null);
          }}
        />
      )}
    </div>
  );
}
