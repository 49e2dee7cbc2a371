import { Button } from 'antd';
import { useState } from 'react';
import type { DocumentVersionView } from '../../../shared/documents/versionSchemas.js';
import { describeApiError } from '../../api/describeApiError.js';
import { useResource } from '../../api/useResource.js';
import { fetchVersion } from '../../api/versionsApi.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { ConfirmDialog } from '../layout/ConfirmDialog.js';
import { ModalDialog } from '../layout/ModalDialog.js';
import { Notice } from '../layout/Notice.js';
import { VersionContent } from './VersionContent.js';
import { versionAuthor, versionName, versionTime } from './versionText.js';
import './VersionViewer.css';

interface VersionViewerProps {
  /** The version as the list shows it; its content is loaded here. */
  version: DocumentVersionView;
  /** Hosts see 恢复此版本. */
  mayRestore: boolean;
  /** Why a host cannot restore now (the meeting is closed), or null. */
  restoreBlocked: string | null;
  /** Restores; resolves with 恢复前自动保存, rejects with the server's refusal. */
  onRestore(id: number): Promise<DocumentVersionView>;
  /** After the restore, with the version that was brought back. */
  onRestored(version: DocumentVersionView): void;
  onClose(): void;
}

/**
 * One saved version, read-only, in a dialog over the document; hosts may bring it back after
 * a confirmation that says what happens to the current text.
 */
export function VersionViewer({
  version,
  mayRestore,
  restoreBlocked,
  onRestore,
  onRestored,
  onClose,
}: VersionViewerProps) {
  const { t } = useI18n();
  const loaded = useResource(`version:${version.id}`, (signal) => fetchVersion(version.id, signal));
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = versionName(version, t);

  const restore = async () => {
    setBusy(true);
    setError(null);
    try {
      await onRestore(version.id);
      setConfirming(false);
      onRestored(version);
    } catch (failure) {
      setConfirming(false);
      setError(t('versions.restoreFailed', { message: describeApiError(failure, t) }));
    } finally {
      setBusy(false);
    }
  };

  let body;
  if (loaded.data) {
    body = (
      <VersionContent
        content={loaded.data.content}
        label={t('versions.viewer.contentLabel', { label: name })}
      />
    );
  } else if (loaded.error) {
    body = (
      <Notice tone="error" onRetry={loaded.reload} data-testid="version-load-error">
        {t('versions.viewer.loadFailed', { message: describeApiError(loaded.error, t) })}
      </Notice>
    );
  } else {
    body = <Notice tone="info">{t('common.loading')}</Notice>;
  }

  // The confirmation is a sibling, not a child: Escape there must not close the viewer too.
  return (
    <>
      <ModalDialog
        title={t('versions.viewer.heading')}
        onClose={onClose}
        className="version-viewer"
        width={900}
        data-testid="version-viewer"
      >
        <p className="version-viewer__banner" data-testid="version-banner">
          {t('versions.viewer.banner', { label: name, time: versionTime(version) })}
        </p>
        <p className="version-viewer__by">
          {t('versions.viewer.savedBy', { name: versionAuthor(version, t) })}
        </p>
        {body}
        {error && (
          <Notice tone="error" data-testid="version-restore-error">
            {error}
          </Notice>
        )}
        {mayRestore && restoreBlocked && (
          <Notice tone="info" data-testid="version-restore-blocked">
            {restoreBlocked}
          </Notice>
        )}
        <div className="version-viewer__buttons">
          {mayRestore && (
            <Button
              type="primary"
              data-testid="version-restore"
              disabled={busy || restoreBlocked !== null || !loaded.data}
              onClick={() => setConfirming(true)}
            >
              {busy ? t('versions.restoring') : t('versions.restore')}
            </Button>
          )}
          <Button data-testid="version-viewer-close" onClick={onClose} autoFocus>
            {t('versions.viewer.close')}
          </Button>
        </div>
      </ModalDialog>
      {confirming && (
        <ConfirmDialog
          title={t('versions.restore.heading', { label: name })}
          hint={t('versions.restore.hint')}
          confirmLabel={t('versions.restore')}
          busy={busy}
          onConfirm={() => void restore()}
          onCancel={() => setConfirming(false)}
          data-testid="version-restore-dialog"
          confirmTestId="version-restore-confirm"
        />
      )}
    </>
  );
}
