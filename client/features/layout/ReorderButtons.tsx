import { Button } from 'antd';
import { useI18n } from '../../i18n/i18nContext.js';

interface ReorderButtonsProps {
  index: number;
  /** How many rows the list has: the last one cannot move down. */
  count: number;
  /** The buttons' accessible names, each naming the row. */
  labels: { up: string; down: string; remove: string };
  onMove(by: -1 | 1): void;
  onRemove(): void;
  removeDisabled?: boolean;
  /** Why the row cannot be removed, shown on hover. */
  removeTitle?: string;
  testIds?: { up?: string; down?: string; remove?: string };
}

/**
 * ↑, ↓ and 删除 for one row of an ordered list. A fragment: the buttons stay the row's own
 * children, which the rows' grid and flex layouts count on.
 */
export function ReorderButtons({
  index,
  count,
  labels,
  onMove,
  onRemove,
  removeDisabled,
  removeTitle,
  testIds = {},
}: ReorderButtonsProps) {
  const { t } = useI18n();
  return (
    <>
      <Button
        data-testid={testIds.up}
        aria-label={labels.up}
        title={t('aspects.upTitle')}
        disabled={index === 0}
        onClick={() => onMove(-1)}
      >
        ↑
      </Button>
      <Button
        data-testid={testIds.down}
        aria-label={labels.down}
        title={t('aspects.downTitle')}
        disabled={index === count - 1}
        onClick={() => onMove(1)}
      >
        ↓
      </Button>
      <Button
        data-testid={testIds.remove}
        aria-label={labels.remove}
        disabled={removeDisabled}
        title={removeTitle}
        onClick={onRemove}
      >
        {t('aspects.removeShort')}
      </Button>
    </>
  );
}
