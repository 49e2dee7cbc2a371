import { Button, Input } from 'antd';
import { MeetingLimits } from '../../../shared/meetings/meetingSchemas.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { ReorderButtons } from '../layout/ReorderButtons.js';
import './AspectsEditor.css';

interface AspectsEditorProps {
  /** Labelled by the caller's heading or legend. */
  labelledBy: string;
  value: readonly string[];
  onChange(aspects: string[]): void;
}

/** 对照检查的方面: an ordered list of headings to add to, remove from and reorder. */
export function AspectsEditor({ labelledBy, value, onChange }: AspectsEditorProps) {
  const { t } = useI18n();
  const trimmed = value.map((a) => a.trim());

  const replace = (index: number, aspect: string) =>
    onChange(value.map((old, i) => (i === index ? aspect : old)));
  const remove = (index: number) => onChange(value.filter((_, i) => i !== index));
  const move = (index: number, by: -1 | 1) => {
    const next = [...value];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved ?? '');
    onChange(next);
  };

  return (
    <div className="aspects-editor" data-testid="aspects-editor">
      {value.length === 0 && <p className="aspects-editor__empty">{t('aspects.empty')}</p>}
      <ol className="aspects-editor__list" aria-labelledby={labelledBy}>
        {value.map((aspect, index) => {
          const text = trimmed[index] ?? '';
          const invalid = text === '' || trimmed.indexOf(text) !== index;
          return (
            // The position is the identity: moving an aspect moves its text between rows.
            <li key={index} className="aspects-editor__row">
              <span className="aspects-editor__number">{index + 1}.</span>
              <Input
                data-testid="aspect-input"
                value={aspect}
                onChange={(event) => replace(index, event.target.value)}
                aria-label={t('aspects.item', { n: index + 1 })}
                aria-invalid={invalid}
                maxLength={MeetingLimits.maxAspectLength}
              />
              <ReorderButtons
                index={index}
                count={value.length}
                labels={{
                  up: t('aspects.up', { n: index + 1 }),
                  down: t('aspects.down', { n: index + 1 }),
                  remove: t('aspects.remove', { n: index + 1 }),
                }}
                onMove={(by) => move(index, by)}
                onRemove={() => remove(index)}
                testIds={{ up: 'aspect-up', down: 'aspect-down', remove: 'aspect-remove' }}
              />
            </li>
          );
        })}
      </ol>
      <Button
        className="aspects-editor__add"
        data-testid="aspect-add"
        disabled={value.length >= MeetingLimits.maxAspects}
        onClick={() => onChange([...value, ''])}
      >
        {t('aspects.add')}
      </Button>
    </div>
  );
}
