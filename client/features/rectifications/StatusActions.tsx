import { Button, Input } from 'antd';
import { RectificationLimits } from '../../../shared/rectifications/rectificationSchemas.js';
import { useId, useState } from 'react';
import {
  RECTIFICATION_STATUSES,
  STATUS_LABELS,
  VERIFIABLE_STATUSES,
  type RectificationStatus,
} from '../../../shared/rectifications/rectificationCodes.js';
import type { RectificationView } from '../../../shared/rectifications/rectificationViews.js';
import { useI18n } from '../../i18n/i18nContext.js';
import './StatusActions.css';

interface StatusActionsProps {
  item: RectificationView;
  /** The owner, leader and managers move the status. */
  mayReport: boolean;
  /** The secretary, deputy and hosts close items off (销号) or send them back. */
  mayVerify: boolean;
  busy: boolean;
  onStatus(status: RectificationStatus): void;
  onVerify(): void;
  onSendBack(reason: string): Promise<boolean>;
}

/** 状态 for those who report, 销号 and 退回 for those who verify. */
export function StatusActions({
  item,
  mayReport,
  mayVerify,
  busy,
  onStatus,
  onVerify,
  onSendBack,
}: StatusActionsProps) {
  const { t } = useI18n();
  const id = useId();
  const [status, setStatus] = useState<RectificationStatus>(item.status);
  const [reason, setReason] = useState('');
  const [sendingBack, setSendingBack] = useState(false);
  const verified = item.verified !== null;
  const completed = VERIFIABLE_STATUSES.includes(item.status);

  return (
    <div className="status-actions">
      {mayReport && !verified && (
        <div className="status-actions__row">
          <label htmlFor={`${id}-status`}>{t('rect.status')}</label>
          <select
            id={`${id}-status`}
            data-testid="rect-status-select"
            value={status}
            onChange={(event) => setStatus(event.target.value as RectificationStatus)}
          >
            {RECTIFICATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
          <Button
            data-testid="rect-status-save"
            disabled={busy || status === item.status}
            onClick={() => onStatus(status)}
          >
            {t('rect.setStatus')}
          </Button>
        </div>
      )}
      {mayVerify && completed && (
        <div className="status-actions__row">
          {!verified && (
            <Button type="primary" data-testid="rect-verify" disabled={busy} onClick={onVerify}>
              {t('rect.verify')}
            </Button>
          )}
          {!sendingBack && (
            <Button data-testid="rect-send-back" onClick={() => setSendingBack(true)}>
              {t('rect.sendBack')}
            </Button>
          )}
        </div>
      )}
      {mayVerify && completed && sendingBack && (
        <div className="status-actions__send-back">
          <Input.TextArea
            aria-label={t('rect.sendBackReason')}
            placeholder={t('rect.sendBackReason')}
            data-testid="rect-send-back-reason"
            autoSize={{ minRows: 2, maxRows: 4 }}
            maxLength={RectificationLimits.maxTextLength}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
          <div className="status-actions__row">
            <Button onClick={() => setSendingBack(false)}>{t('dialog.cancel')}</Button>
            <Button
              danger
              data-testid="rect-send-back-confirm"
              disabled={busy || reason.trim() === ''}
              onClick={() => {
                void onSendBack(reason.trim()).then((done) => {
                  if (!done) return;
                  setSendingBack(false);
                  setReason('');
                });
              }}
            >
              {t('rect.sendBackConfirm')}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
