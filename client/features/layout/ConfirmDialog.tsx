import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18nContext.js';
import { ModalDialog } from './ModalDialog.js';
import './ConfirmDialog.css';

interface ConfirmDialogProps {
  title: string;
  /** What confirming does, under the title. */
  hint: string;
  confirmLabel: string;
  /** Disables the confirm button while the confirmed action runs. */
  busy?: boolean;
  onConfirm(): void;
  /** Escape or 取消: the caller unmounts the dialog. */
  onCancel(): void;
  /** More lines between the hint and the buttons, e.g. an error. */
  children?: ReactNode;
  'data-testid'?: string;
  confirmTestId?: string;
}

/** A modal question before an action that cannot be taken back; 取消 has the focus. */
export function ConfirmDialog({
  title,
  hint,
  confirmLabel,
  busy = false,
  onConfirm,
  onCancel,
  children,
  confirmTestId,
  ...rest
}: ConfirmDialogProps) {
  const { t } = useI18n();
  return (
    <ModalDialog title={title} onClose={onCancel} data-testid={rest['data-testid']}>
      <p className="confirm-dialog__hint">{hint}</p>
      {children}
      <div className="confirm-dialog__buttons">
        <Button onClick={onCancel} autoFocus>
          {t('dialog.cancel')}
        </Button>
        <Button
          type="primary"
          danger
          data-testid={confirmTestId}
          disabled={busy}
          onClick={onConfirm}
        >
          {confirmLabel}
        </Button>
      </div>
    </ModalDialog>
  );
}
