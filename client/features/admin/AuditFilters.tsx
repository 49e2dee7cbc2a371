import { useId } from 'react';
import type { AdminUserView } from '../../../shared/auth/authSchemas.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { auditActionLabel, knownAuditActions } from './auditActions.js';
import './AuditFilters.css';

/** The filters as the form holds them: strings, '' for "any". */
export interface AuditFilterFields {
  action: string;
  actorId: string;
  fromDate: string;
  toDate: string;
}

export const noAuditFilter: AuditFilterFields = {
  action: '',
  actorId: '',
  fromDate: '',
  toDate: '',
};

interface AuditFiltersProps {
  value: AuditFilterFields;
  onChange(value: AuditFilterFields): void;
  /** For the 操作人 choice; empty until the list has loaded. */
  users: AdminUserView[];
}

/** 操作, 操作人 and a date range; each change applies at once. */
export function AuditFilters({ value, onChange, users }: AuditFiltersProps) {
  const { t } = useI18n();
  const id = useId();
  const set = (field: keyof AuditFilterFields) => (next: string) =>
    onChange({ ...value, [field]: next });

  return (
    <fieldset className="audit-filters" data-testid="audit-filters">
      <legend className="audit-filters__legend">{t('audit.filters')}</legend>
      <div className="audit-filters__field">
        <label htmlFor={`${id}-action`}>{t('audit.action')}</label>
        <select
          id={`${id}-action`}
          data-testid="audit-filter-action"
          value={value.action}
          onChange={(event) => set('action')(event.target.value)}
        >
          <option value="">{t('audit.all')}</option>
          {knownAuditActions.map((action) => (
            <option key={action} value={action}>
              {t(auditActionLabel(action))}
            </option>
          ))}
        </select>
      </div>
      <div className="audit-filters__field">
        <label htmlFor={`${id}-actor`}>{t('audit.actor')}</label>
        <select
          id={`${id}-actor`}
          data-testid="audit-filter-actor"
          value={value.actorId}
          onChange={(event) => set('actorId')(event.target.value)}
        >
          <option value="">{t('audit.all')}</option>
          {users.map((user) => (
            <option key={user.id} value={String(user.id)}>
              {t('users.who', { name: user.displayName, username: user.username })}
            </option>
          ))}
        </select>
      </div>
      <div className="audit-filters__field">
        <label htmlFor={`${id}-from`}>{t('audit.from')}</label>
        <input
          id={`${id}-from`}
          data-testid="audit-filter-from"
          type="date"
          value={value.fromDate}
          max={value.toDate || undefined}
          onChange={(event) => set('fromDate')(event.target.value)}
        />
      </div>
      <div className="audit-filters__field">
        <label htmlFor={`${id}-to`}>{t('audit.to')}</label>
        <input
          id={`${id}-to`}
          data-testid="audit-filter-to"
          type="date"
          value={value.toDate}
          min={value.fromDate || undefined}
          onChange={(event) => set('toDate')(event.target.value)}
        />
      </div>
    </fieldset>
  );
}
