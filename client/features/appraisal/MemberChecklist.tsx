import { useId } from 'react';
import { useI18n } from '../../i18n/i18nContext.js';
import './MemberChecklist.css';

interface MemberChecklistProps {
  title: string;
  hint: string;
  /** Everyone who may be listed, in order. */
  members: readonly number[];
  chosen: readonly number[];
  name(userId: number): string;
  /** Beside the name, e.g. 请假; null for nothing. */
  note(userId: number): string | null;
  disabled(userId: number): boolean;
  onChange(chosen: number[]): void;
  'data-testid'?: string;
}

/** A titled list of checkboxes, one per member, with how many are chosen. */
export function MemberChecklist({
  title,
  hint,
  members,
  chosen,
  name,
  note,
  disabled,
  onChange,
  ...rest
}: MemberChecklistProps) {
  const { t } = useI18n();
  const hintId = useId();
  const toggle = (id: number, on: boolean) =>
    onChange(on ? [...chosen.filter((c) => c !== id), id] : chosen.filter((c) => c !== id));
  return (
    <fieldset
      className="member-checklist"
      aria-describedby={hintId}
      data-testid={rest['data-testid']}
      data-count={chosen.length}
    >
      <legend className="member-checklist__title">
        {title}
        <span className="member-checklist__count">
          {t('host.chosen', { count: chosen.length })}
        </span>
      </legend>
      <p id={hintId} className="member-checklist__hint">
        {hint}
      </p>
      <ul className="member-checklist__list">
        {members.map((id) => {
          const off = disabled(id);
          const extra = note(id);
          return (
            <li key={id}>
              <label
                className={`member-checklist__item${off ? ' member-checklist__item--off' : ''}`}
              >
                <input
                  type="checkbox"
                  data-testid="member-check"
                  data-user-id={id}
                  checked={chosen.includes(id)}
                  disabled={off}
                  onChange={(event) => toggle(id, event.target.checked)}
                />
                {name(id)}
                {extra && <span className="member-checklist__note">{extra}</span>}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
