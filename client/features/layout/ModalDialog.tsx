import { Modal } from 'antd';
import { useEffect, type ReactNode } from 'react';
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
  useEffect(() => holdPageInert(), []);
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

/**
 * Makes the page behind the dialogs inert while any is open, as a native modal <dialog> does:
 * keys typed while a dialog shows must never reach the live editor underneath. The dialogs
 * themselves are portals outside #root; the count of open ones lives on #root itself.
 */
function holdPageInert(): () => void {
  const root = document.getElementById('root');
  if (!root) return () => {};
  const open = Number(root.dataset.openDialogs ?? '0') + 1;
  root.dataset.openDialogs = String(open);
  root.inert = true;
  if (root.contains(document.activeElement)) (document.activeElement as HTMLElement).blur();
  return () => {
    const left = Number(root.dataset.openDialogs ?? '1') - 1;
    root.dataset.openDialogs = String(left);
    if (left === 0) root.inert = false;
  };
}
