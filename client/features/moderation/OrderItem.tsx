import { Button } from 'antd';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { PlannedSpeech } from '../../../shared/moderation/meetingState.js';
import { useI18n } from '../../i18n/i18nContext.js';
import type { SpeechText } from './useSpeechText.js';
import './OrderItem.css';

interface OrderItemProps {
  speech: PlannedSpeech;
  index: number;
  text: SpeechText;
  /** No dragging, starting or skipping (a command on its way, or the meeting not live). */
  disabled: boolean;
  /** Someone is speaking: this one cannot start yet. */
  speaking: boolean;
  onStart(): void;
  onSkip(): void;
}

/** One planned speech: a drag handle (mouse or keyboard), who and what, 开始 and 跳过. */
export function OrderItem({
  speech,
  index,
  text,
  disabled,
  speaking,
  onStart,
  onSkip,
}: OrderItemProps) {
  const { t } = useI18n();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition } =
    useSortable({
      id: speech.id,
      disabled,
      attributes: { roleDescription: t('order.roleDescription') },
    });
  const name = text.name(speech.speakerId);
  const label = text.label(speech);
  return (
    <li
      ref={setNodeRef}
      className={`order-item order-item--${speech.kind}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      data-testid="order-item"
      data-speech-id={speech.id}
      data-speaker-id={speech.speakerId}
      data-kind={speech.kind}
    >
      <button
        ref={setActivatorNodeRef}
        type="button"
        className="order-item__handle"
        data-testid="order-handle"
        {...attributes}
        {...listeners}
        aria-label={t('order.dragHandle', { n: index + 1, name, label })}
      >
        ⋮⋮
      </button>
      <span className="order-item__n">{index + 1}</span>
      <span className="order-item__name" data-testid="order-speaker">
        {name}
      </span>
      <span className="order-item__label" title={label}>
        {label}
      </span>
      <Button
        data-testid="order-start"
        disabled={disabled || speaking}
        title={speaking ? t('order.endFirst') : undefined}
        aria-label={t('order.startOf', { name, label })}
        onClick={onStart}
      >
        {t('order.start')}
      </Button>
      <Button
        data-testid="order-skip"
        disabled={disabled}
        aria-label={t('order.skipOf', { name, label })}
        onClick={onSkip}
      >
        {t('order.skip')}
      </Button>
    </li>
  );
}
