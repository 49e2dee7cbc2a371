import { Tag } from 'antd';
import {
  STATUS_LABELS,
  type RectificationStatus,
} from '../../../shared/rectifications/rectificationCodes.js';
import { useI18n } from '../../i18n/i18nContext.js';

const COLOURS: Record<RectificationStatus, string> = {
  'not-started': 'default',
  'in-progress': 'blue',
  done: 'green',
  'long-term': 'cyan',
  'extension-requested': 'orange',
};

interface RectificationStatusTagProps {
  status: RectificationStatus;
  verified: boolean;
  overdue: boolean;
}

/** 状态 as the ledger names it, 已销号 once verified, and 已逾期 beside it when overdue. */
export function RectificationStatusTag({ status, verified, overdue }: RectificationStatusTagProps) {
  const { t } = useI18n();
  return (
    <span data-testid="rect-status" data-status={status} data-verified={verified}>
      <Tag color={COLOURS[status]}>{STATUS_LABELS[status]}</Tag>
      {verified && <Tag color="green">{t('rect.verified')}</Tag>}
      {overdue && (
        <Tag color="red" data-testid="rect-overdue">
          {t('rect.overdue')}
        </Tag>
      )}
    </span>
  );
}
