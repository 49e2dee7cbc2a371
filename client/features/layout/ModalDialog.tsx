import { useEffect, useId, useRef, type ReactNode } from 'react';
import './ModalDialog.css';

interface ModalDialogProps {
  title: string;
  /** Escape, or the caller's cancel button: the caller unmounts the dialog. */
  onClose(): void;
  children: ReactNode;
  /** Added to `modal-dialog`, e.g. for a wider dialog. */
  className?: string;
  'data-testid'?: string;
}

/**
 * A native modal <dialog>, open while mounted: the browser traps focus, closes on Escape and
 * returns focus to the button that opened it.
 */
export function ModalDialog({ title, onClose, children, className, ...rest }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    // StrictMode mounts twice; showModal() on an open dialog would throw.
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog
      ref={ref}
      className={`modal-dialog${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      data-testid={rest['data-testid']}
      onCancel={(event) => {
        // React decides when it goes: unmounting removes it from the top layer.
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="modal-dialog__title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
