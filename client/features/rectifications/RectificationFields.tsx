import { Input } from 'antd';
import { RectificationLimits } from '../../../shared/rectifications/rectificationSchemas.js';
import { useId } from 'react';
import {
  RECTIFICATION_SOURCES,
  SOURCE_LABELS,
} from '../../../shared/rectifications/rectificationCodes.js';
import type { PersonRef } from '../../../shared/rectifications/rectificationViews.js';
import { useI18n } from '../../i18n/i18nContext.js';
import type { RectificationDraft } from './rectificationDraft.js';
import './RectificationFields.css';

interface RectificationFieldsProps {
  draft: RectificationDraft;
  onChange(draft: RectificationDraft): void;
  /** Who may own or lead an item: the meeting's people. */
  people: readonly PersonRef[];
  /** The meeting's 对照检查的方面, offered for 所属方面 (anything else may be typed). */
  aspects: readonly string[];
  /** Hides 问题来源 where the server sets it (an accepted proposal is 自查). */
  fixedSource?: boolean;
}

/** The fields of an item, as creating, editing and accepting a proposal fill them in. */
export function RectificationFields({
  draft,
  onChange,
  people,
  aspects,
  fixedSource = false,
}: RectificationFieldsProps) {
  const { t } = useI18n();
  const id = useId();
  const set = <K extends keyof RectificationDraft>(key: K, value: RectificationDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const person = (value: string) => (value === '' ? null : Number(value));

  return (
    <div className="rectification-fields" data-testid="rectification-fields">
      {!fixedSource && (
        <>
          <label htmlFor={`${id}-source`}>{t('rect.source')}</label>
          <select
            id={`${id}-source`}
            data-testid="rect-source"
            value={draft.source}
            onChange={(event) => set('source', event.target.value as RectificationDraft['source'])}
          >
            {RECTIFICATION_SOURCES.map((source) => (
              <option key={source} value={source}>
                {SOURCE_LABELS[source]}
              </option>
            ))}
          </select>
        </>
      )}
      <label htmlFor={`${id}-aspect`}>{t('rect.aspect')}</label>
      <Input
        id={`${id}-aspect`}
        data-testid="rect-aspect"
        list={`${id}-aspects`}
        value={draft.aspect}
        maxLength={RectificationLimits.maxAspectLength}
        onChange={(event) => set('aspect', event.target.value)}
      />
      <datalist id={`${id}-aspects`}>
        {aspects.map((aspect) => (
          <option key={aspect} value={aspect} />
        ))}
      </datalist>
      <label htmlFor={`${id}-problem`}>{t('rect.problem')}</label>
      <Input.TextArea
        id={`${id}-problem`}
        data-testid="rect-problem"
        autoSize={{ minRows: 2, maxRows: 6 }}
        value={draft.problem}
        maxLength={RectificationLimits.maxTextLength}
        onChange={(event) => set('problem', event.target.value)}
      />
      <label htmlFor={`${id}-goal`}>{t('rect.goal')}</label>
      <Input.TextArea
        id={`${id}-goal`}
        data-testid="rect-goal"
        autoSize={{ minRows: 1, maxRows: 4 }}
        value={draft.goal}
        maxLength={RectificationLimits.maxTextLength}
        onChange={(event) => set('goal', event.target.value)}
      />
      <label htmlFor={`${id}-measures`}>{t('rect.measures')}</label>
      <Input.TextArea
        id={`${id}-measures`}
        data-testid="rect-measures"
        autoSize={{ minRows: 1, maxRows: 6 }}
        value={draft.measures}
        maxLength={RectificationLimits.maxTextLength}
        onChange={(event) => set('measures', event.target.value)}
      />
      <label htmlFor={`${id}-owner`}>{t('rect.owner')}</label>
      <select
        id={`${id}-owner`}
        data-testid="rect-owner"
        value={draft.ownerUserId ?? ''}
        onChange={(event) => set('ownerUserId', person(event.target.value))}
      >
        <option value="" disabled>
          {t('rect.chooseOwner')}
        </option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.displayName}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-leader`}>{t('rect.leader')}</label>
      <select
        id={`${id}-leader`}
        data-testid="rect-leader"
        value={draft.leaderUserId ?? ''}
        onChange={(event) => set('leaderUserId', person(event.target.value))}
      >
        <option value="">{t('rect.noLeader')}</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.displayName}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-deadline`}>{t('rect.deadline')}</label>
      <div className="rectification-fields__deadline">
        <input
          id={`${id}-deadline`}
          type="date"
          data-testid="rect-deadline"
          value={draft.longTerm ? '' : draft.deadline}
          disabled={draft.longTerm}
          onChange={(event) => set('deadline', event.target.value)}
        />
        <label>
          <input
            type="checkbox"
            data-testid="rect-long-term"
            checked={draft.longTerm}
            onChange={(event) => set('longTerm', event.target.checked)}
          />{' '}
          {t('rect.longTerm')}
        </label>
      </div>
    </div>
  );
}
