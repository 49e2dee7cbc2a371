import { Button } from 'antd';
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { useMemo, useState } from 'react';
import type { MeetingState } from '../../../shared/moderation/meetingState.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { ConfirmDialog } from '../layout/ConfirmDialog.js';
import { InsertSpeechForm } from './InsertSpeechForm.js';
import { currentPhase, currentQueue } from './meetingProgress.js';
import { OrderItem } from './OrderItem.js';
import { PanelCard } from './PanelCard.js';
import type { CommandRunner } from './useCommandRunner.js';
import type { SpeechText } from './useSpeechText.js';
import './SpeakingOrder.css';

interface SpeakingOrderProps {
  state: MeetingState;
  text: SpeechText;
  runner: CommandRunner;
  live: boolean;
}

/**
 * The current phase's speaking order: drag to reorder (mouse or keyboard), start any one, skip,
 * insert, or generate it afresh. Changes carry the state's version, so two hosts are serialised.
 */
export function SpeakingOrder({ state, text, runner, live }: SpeakingOrderProps) {
  const { t } = useI18n();
  const phase = currentPhase(state);
  const queue = currentQueue(state);
  // A drop shows at once; the server's next state replaces it, a refusal drops it.
  const [moved, setMoved] = useState<{ version: number; ids: string[] } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [inserting, setInserting] = useState(false);
  const ids = moved?.version === state.version ? moved.ids : queue.map((s) => s.id);
  const byId = new Map(queue.map((s) => [s.id, s]));
  const items = ids.flatMap((id) => byId.get(id) ?? []);
  const off = runner.busy || !live;

  const sensors = useSensors(
    // A few pixels before a drag starts, so that a click on the handle stays a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const announcements = useAnnouncements(state, text);

  if (!phase) {
    return (
      <PanelCard title={t('order.heading')} data-testid="speaking-order">
        <p className="speaking-order__empty">{t('order.noPhase')}</p>
      </PanelCard>
    );
  }

  const onDragEnd = async ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = ids.indexOf(String(active.id));
    const to = ids.indexOf(String(over.id));
    if (from === -1 || to === -1) return;
    setMoved({ version: state.version, ids: arrayMove(ids, from, to) });
    const ok = await runner.run(
      { type: 'moveSpeech', phaseId: phase.id, speechId: String(active.id), toIndex: to },
      { withVersion: true },
    );
    if (!ok) setMoved(null);
  };

  return (
    <PanelCard
      title={t('order.headingOf', { phase: phase.title })}
      data-testid="speaking-order"
      actions={
        <>
          <span className="speaking-order__count">{t('order.count', { count: queue.length })}</span>
          <Button
            data-testid="order-insert"
            aria-expanded={inserting}
            disabled={off}
            onClick={() => setInserting(!inserting)}
          >
            {t('order.insert')}
          </Button>
          <Button data-testid="order-regenerate" disabled={off} onClick={() => setConfirming(true)}>
            {t('order.regenerate')}
          </Button>
        </>
      }
    >
      {inserting && (
        <InsertSpeechForm
          state={state}
          phaseId={phase.id}
          text={text}
          runner={runner}
          onDone={() => setInserting(false)}
        />
      )}
      {items.length === 0 ? (
        <p className="speaking-order__empty" data-testid="order-empty">
          {t('order.empty')}
        </p>
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          accessibility={{
            announcements,
            screenReaderInstructions: { draggable: t('order.instructions') },
          }}
          onDragEnd={(event) => void onDragEnd(event)}
        >
          <SortableContext items={ids} strategy={verticalListSortingStrategy}>
            <ol className="speaking-order__items" data-testid="order-items">
              {items.map((speech, index) => (
                <OrderItem
                  key={speech.id}
                  speech={speech}
                  index={index}
                  text={text}
                  disabled={off}
                  speaking={state.current !== null}
                  onStart={() => void runner.run({ type: 'startSpeech', speechId: speech.id })}
                  onSkip={() =>
                    void runner.run(
                      { type: 'removeSpeech', phaseId: phase.id, speechId: speech.id },
                      { withVersion: true },
                    )
                  }
                />
              ))}
            </ol>
          </SortableContext>
        </DndContext>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('order.regenerateHeading')}
          hint={t('order.regenerateHint')}
          confirmLabel={t('order.regenerate')}
          busy={runner.busy}
          onConfirm={() => {
            setConfirming(false);
            void runner.run({ type: 'regenerateOrder', phaseId: phase.id }, { withVersion: true });
          }}
          onCancel={() => setConfirming(false)}
          data-testid="regenerate-dialog"
          confirmTestId="regenerate-confirm"
        />
      )}
    </PanelCard>
  );
}

/** What a screen reader hears while a speech is dragged with the keyboard. */
function useAnnouncements(state: MeetingState, text: SpeechText): Announcements {
  const { t } = useI18n();
  return useMemo(() => {
    const queue = currentQueue(state);
    const describe = (id: string | number) => {
      const speech = queue.find((s) => s.id === id);
      return speech ? `${text.name(speech.speakerId)} ${text.label(speech)}` : String(id);
    };
    const position = (id: string | number) => queue.findIndex((s) => s.id === id) + 1;
    return {
      onDragStart: ({ active }) => t('order.pickedUp', { what: describe(active.id) }),
      onDragOver: ({ active, over }) =>
        over ? t('order.movedTo', { what: describe(active.id), n: position(over.id) }) : undefined,
      onDragEnd: ({ active, over }) =>
        over ? t('order.dropped', { what: describe(active.id), n: position(over.id) }) : undefined,
      onDragCancel: ({ active }) => t('order.cancelled', { what: describe(active.id) }),
    };
  }, [state, text, t]);
}
