import { Button } from 'antd';
import { useCallback, useState } from 'react';
import { useI18n } from '../../i18n/i18nContext.js';
import type { ImportDialog, ImportDialogProps } from './ImportDialog.js';
import type { ImportNotice } from './useImportFlow.js';
import './ImportMaterialButton.css';

interface ImportMaterialButtonProps extends Omit<ImportDialogProps, 'onClose' | 'onImported'> {
  /** The import was written, or the dialog could not be loaded: the page says so. */
  onNotice(notice: ImportNotice): void;
}

// Its own function, so that the build's preload wrapper (which also fetches the dialog's CSS)
// is what the handlers below see: chained onto import() they would only see the script.
function loadDialog() {
  return import('./ImportDialog.js');
}

/**
 * 导入材料 on a checking material the caller may write, and the dialog it opens. The dialog
 * (upload, preview, checks of the answers) is fetched on first use, so the document page
 * stays as light as it was; a fetch that fails (offline, or the app updated meanwhile) is
 * said and can be tried again, rather than taking the page with it as a failed React.lazy would.
 */
export function ImportMaterialButton({ onNotice, ...dialog }: ImportMaterialButtonProps) {
  const { t } = useI18n();
  const [Dialog, setDialog] = useState<typeof ImportDialog | null>(null);
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const imported = useCallback(
    (notice: ImportNotice) => {
      setOpen(false);
      onNotice(notice);
    },
    [onNotice],
  );

  const openDialog = () => {
    setOpen(true);
    if (Dialog) return;
    loadDialog().then(
      // A function component is itself a function: hand it to the setter wrapped.
      (module) => setDialog(() => module.ImportDialog),
      () => {
        setOpen(false);
        onNotice({ tone: 'error', text: t('import.loadFailed') });
      },
    );
  };

  return (
    <>
      <Button
        className="import-material-button"
        data-testid="import-open"
        title={t('import.openHint')}
        loading={open && !Dialog}
        onClick={openDialog}
      >
        {t('import.open')}
      </Button>
      {open && Dialog && <Dialog {...dialog} onClose={close} onImported={imported} />}
    </>
  );
}
