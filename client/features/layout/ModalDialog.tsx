import { Modal } from 'antd';
import type { ReactNode } from 'react';
import './ModalDialog.css';

interface ModalDialogProps {
  title: string;
  /** Escape, the close button or the caller's cancel button: the caller unmounts the dialog. */
  onClose(): void;
  children: ReactNode;
  /** Added to the dialog, e.g. for a layout of its own. */
  className?: string;
  /** In pixels; the kit's 520 by default. */
  width?: number;
  'data-testid'?: string;
}

/**
 * The kit's modal dialog, open while mounted: it traps focus, closes on Escape and returns focus
 * to the button that opened it. A click beside it does not close it: forms would lose their input.
 */
export function ModalDialog({
  title,
  onClose,
  children,
  className,
  width,
  ...rest
}: ModalDialogProps) {
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      footer={null}
      maskClosable={false}
      width={width}
      rootClassName={['modal-dialog', className].filter(Boolean).join(' ')}
      modalRender={(node) => <div data-testid={rest['data-testid']}>{node}</div>}
    >
      {children}
    </Modal>
  );
}
