import { Button, Drawer } from 'antd';
import { useEffect, useState } from 'react';
import type {
  PersonRef,
  RectificationDetailView,
  RectificationView,
} from '../../../shared/rectifications/rectificationViews.js';
import { describeApiError } from '../../api/describeApiError.js';
import {
  addProgress,
  fetchRectification,
  sendBackRectification,
  setRectificationStatus,
  updateRectification,
  verifyRectification,
} from '../../api/rectificationApi.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { Notice } from '../layout/Notice.js';
import { ProgressNotes } from './ProgressNotes.js';
import { draftFields, draftOf, isComplete, type RectificationDraft } from './rectificationDraft.js';
import { RectificationFacts } from './RectificationFacts.js';
import { RectificationFields } from './RectificationFields.js';
import { RectificationStatusTag } from './RectificationStatusTag.js';
import { StatusActions } from './StatusActions.js';
import './RectificationDrawer.css';

/** What the caller may do with the open item (rectificationAbilities of its meeting). */
export interface DrawerRights {
  edit: boolean;
  report: boolean;
  verify: boolean;
}

interface RectificationDrawerProps {
  itemId: number;
  rights: DrawerRights;
  people: readonly PersonRef[];
  aspects: readonly string[];
  onClose(): void;
  /** The item after a change made here, for the list behind. */
  onChanged(item: RectificationView): void;
}

/**
 * One item: its fields (editable by managers and the recorder), its progress notes, its
 * status, 销号 and 退回; every refusal shown in the UI's language (describeApiError).
 */
export function RectificationDrawer({
  itemId,
  rights,
  people,
  aspects,
  onClose,
  onChanged,
}: RectificationDrawerProps) {
  const { t } = useI18n();
  const [item, setItem] = useState<RectificationDetailView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [draft, setDraft] = useState<RectificationDraft | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    fetchRectification(itemId, abort.signal).then(setItem, (failure: unknown) => {
      if (!abort.signal.aborted) setError(describeApiError(failure, t));
    });
    return () => abort.abort();
  }, [itemId, t]);

  /** Runs a change; the answer replaces the item here and in the list. */
  const run = async (change: () => Promise<RectificationDetailView>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      const next = await change();
      setItem(next);
      onChanged(next);
      return true;
    } catch (failure) {
      setError(describeApiError(failure, t));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const verified = item?.verified != null;
  const mayEdit = rights.edit && !verified;
  return (
    <Drawer
      open
      size={560}
      onClose={onClose}
      title={item ? t('rect.itemTitle', { seq: item.seq }) : t('common.loading')}
      extra={
        item && (
          <RectificationStatusTag status={item.status} verified={verified} overdue={item.overdue} />
        )
      }
      rootClassName="rectification-drawer"
    >
      <div className="rectification-drawer__body" data-testid="rect-drawer">
        {error && (
          <Notice tone="error" data-testid="rect-error">
            {error}
          </Notice>
        )}
        {item?.sentBackReason && (
          <Notice tone="info" data-testid="rect-sent-back">
            {t('rect.sentBackBecause', { reason: item.sentBackReason })}
          </Notice>
        )}
        {item && draft ? (
          <div className="rectification-drawer__edit">
            <RectificationFields
              draft={draft}
              onChange={setDraft}
              people={people}
              aspects={aspects}
            />
            <div className="rectification-drawer__buttons">
              <Button onClick={() => setDraft(null)}>{t('dialog.cancel')}</Button>
              <Button
                type="primary"
                data-testid="rect-save"
                disabled={busy || !isComplete(draft)}
                onClick={() => {
                  const body = { source: draft.source, ...draftFields(draft) };
                  void run(() => updateRectification(item.id, body)).then((done) => {
                    if (done) setDraft(null);
                  });
                }}
              >
                {t('rect.save')}
              </Button>
            </div>
          </div>
        ) : (
          item && (
            <>
              <RectificationFacts item={item} />
              {mayEdit && (
                <Button
                  className="rectification-drawer__edit-button"
                  data-testid="rect-edit"
                  onClick={() => setDraft(draftOf(item))}
                >
                  {t('rect.edit')}
                </Button>
              )}
            </>
          )
        )}
        {item && (
          <StatusActions
            key={`${item.id}:${item.status}`}
            item={item}
            mayReport={rights.report}
            mayVerify={rights.verify}
            busy={busy}
            onStatus={(status) => void run(() => setRectificationStatus(item.id, status))}
            onVerify={() => void run(() => verifyRectification(item.id))}
            onSendBack={(reason) => run(() => sendBackRectification(item.id, reason))}
          />
        )}
        {item && (
          <ProgressNotes
            progress={item.progress}
            busy={busy}
            onAdd={
              rights.report && !verified
                ? (note, notedOn) => run(() => addProgress(item.id, { note, notedOn }))
                : null
            }
          />
        )}
      </div>
    </Drawer>
  );
}
