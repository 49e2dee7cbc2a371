import { Input } from 'antd';
import { RectificationLimits } from '../../../shared/rectifications/rectificationSchemas.js';
import { useId } from 'react';
import {
  RECTIFICATION_STATUSES,
  STATUS_LABELS,
  type RectificationStatus,
} from '../../../shared/rectifications/rectificationCodes.js';
import type { PersonRef } from '../../../shared/rectifications/rectificationViews.js';
import type { LedgerFilters } from '../../api/rectificationApi.js';
import { useI18n } from '../../i18n/i18nContext.js';
import './LedgerFilterBar.css';

interface LedgerFilterBarProps {
  filters: LedgerFilters;
  /** A new filter starts from page 1. */
  onChange(filters: LedgerFilters): void;
  meetings: ReadonlyArray<{ id: number; title: string }>;
  people: readonly PersonRef[];
}

/** 会议, 状态, 责任人, 所属方面 and 仅看逾期 above the branch ledger. */
export function LedgerFilterBar({ filters, onChange, meetings, people }: LedgerFilterBarProps) {
  const { t } = useI18n();
  const id = useId();
  const set = (patch: Partial<LedgerFilters>) => onChange({ ...filters, ...patch, page: 1 });
  const optionalNumber = (value: string) => (value === '' ? undefined : Number(value));

  return (
    <div className="ledger-filter-bar" data-testid="ledger-filters">
      <label htmlFor={`${id}-meeting`}>{t('ledger.meeting')}</label>
      <select
        id={`${id}-meeting`}
        data-testid="ledger-filter-meeting"
        value={filters.meetingId ?? ''}
        onChange={(event) => set({ meetingId: optionalNumber(event.target.value) })}
      >
        <option value="">{t('ledger.all')}</option>
        {meetings.map((m) => (
          <option key={m.id} value={m.id}>
            {m.title}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-status`}>{t('rect.status')}</label>
      <select
        id={`${id}-status`}
        data-testid="ledger-filter-status"
        value={filters.status ?? ''}
        onChange={(event) =>
          set({
            status:
              event.target.value === '' ? undefined : (event.target.value as RectificationStatus),
          })
        }
      >
        <option value="">{t('ledger.all')}</option>
        {RECTIFICATION_STATUSES.map((status) => (
          <option key={status} value={status}>
            {STATUS_LABELS[status]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-owner`}>{t('rect.owner')}</label>
      <select
        id={`${id}-owner`}
        data-testid="ledger-filter-owner"
        value={filters.ownerId ?? ''}
        onChange={(event) => set({ ownerId: optionalNumber(event.target.value) })}
      >
        <option value="">{t('ledger.all')}</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.displayName}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-aspect`}>{t('rect.aspect')}</label>
      <Input
        id={`${id}-aspect`}
        data-testid="ledger-filter-aspect"
        allowClear
        maxLength={RectificationLimits.maxAspectLength}
        value={filters.aspect ?? ''}
        onChange={(event) => set({ aspect: event.target.value || undefined })}
      />
      <label className="ledger-filter-bar__overdue">
        <input
          type="checkbox"
          data-testid="ledger-filter-overdue"
          checked={filters.overdue === true}
          onChange={(event) => set({ overdue: event.target.checked ? true : undefined })}
        />{' '}
        {t('ledger.overdueOnly')}
      </label>
    </div>
  );
}
