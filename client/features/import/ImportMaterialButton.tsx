import { Button } from 'antd';
import { lazy, Suspense, useCallback, useState } from 'react';
import { useI18n } from '../../i18n/i18nContext.js';
import type { ImportDialogProps } from './ImportDialog.js';
import type { ImportNotice } from './useImportFlow.js';
import './ImportMaterialButton.css';

// The dialog (upload, preview, zod checks of the answers) loads on first use: the document
// page's first paint stays as light as it was.
const ImportDialog = lazy(() =>
  import('./ImportDialog.js').then((module) => ({ default: module.ImportDialog })),
);

type ImportMaterialButtonProps = Omit<ImportDialogProps, 'onClose'>;

/** 导入材料 on a checking material the caller may write, and the dialog it opens. */
export function ImportMaterialButton({ onImported, ...dialog }: ImportMaterialButtonProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const imported = useCallback(
    (notice: ImportNotice) => {
      setOpen(false);
      onImported(notice);
    },
    [onImported],
  );

  return (
    <>
      <Button
        className="import-material-button"
        data-testid="import-open"
        title={t('import.openHint')}
        onClick={() => setOpen(true)}
      >
        {t('import.open')}
      </Button>
      {open && (
        <Suspense fallback={null}>
          <ImportDialog {...dialog} onClose={close} onImported={imported} />
        </Suspense>
      )}
    </>
  );
}
