import { Button } from 'antd';
import { useId, useState } from 'react';
import type { DocumentVersionView } from '../../../shared/documents/versionSchemas.js';
import { describeApiError } from '../../api/describeApiError.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { Notice } from '../layout/Notice.js';
import { SaveVersionForm } from './SaveVersionForm.js';
import { VersionItem } from './VersionItem.js';
import { VersionViewer } from './VersionViewer.js';
import { useVersions } from './useVersions.js';
import { versionName } from './versionText.js';
import './VersionPanel.css';

interface VersionPanelProps {
  /** For the toggle's aria-controls. */
  id: string;
  /** `m/<meetingId>/<document>`. */
  document: string;
  /** The meeting's hosts (and its secretary) save and restore versions. */
  mayManage: boolean;
  /** Whether the caller may write the document now; a restore is a change to it. */
  canWrite: boolean;
  /** The meeting is closed: every document is final, nothing is restored. */
  closed: boolean;
}

interface Done {
  text: string;
  testId: string;
}

/**
 * 版本记录 beside the editor: the document's saved versions, newest first, each opening a
 * read-only view; hosts save the text as it is under a name.
 */
export function VersionPanel({ id, document, mayManage, canWrite, closed }: VersionPanelProps) {
  const { t } = useI18n();
  const headingId = useId();
  const { versions, error, loading, reload, save, restore } = useVersions(document);
  const [viewing, setViewing] = useState<DocumentVersionView | null>(null);
  const [done, setDone] = useState<Done | null>(null);

  let restoreBlocked: string | null = null;
  if (closed) restoreBlocked = t('versions.restore.closed');
  else if (!canWrite) restoreBlocked = t('versions.restore.readOnly');

  const loadFailed = error
    ? t('versions.loadFailed', { message: describeApiError(error, t) })
    : null;

  let list;
  if (versions === null) {
    list = loadFailed ? null : <Notice tone="info">{t('common.loading')}</Notice>;
  } else if (versions.length === 0) {
    list = (
      <p className="version-panel__empty" data-testid="versions-empty">
        {t('versions.empty')}
      </p>
    );
  } else {
    list = (
      <ul className="version-panel__list" data-testid="version-list">
        {versions.map((version) => (
          <VersionItem
            key={version.id}
            version={version}
            onOpen={(opened) => {
              setDone(null);
              setViewing(opened);
            }}
          />
        ))}
      </ul>
    );
  }

  return (
    <aside
      id={id}
      className="version-panel"
      aria-labelledby={headingId}
      data-testid="version-panel"
    >
      <div className="version-panel__bar">
        <h2 id={headingId} className="version-panel__title">
          {t('versions.heading')}
        </h2>
        <Button
          data-testid="versions-refresh"
          disabled={loading}
          onClick={() => {
            setDone(null);
            reload();
          }}
        >
          {t('versions.refresh')}
        </Button>
      </div>
      {mayManage && (
        <SaveVersionForm
          onSave={save}
          onSaved={(version) =>
            setDone({
              text: t('versions.saved', { label: versionName(version, t) }),
              testId: 'version-saved',
            })
          }
        />
      )}
      {done && (
        <Notice tone="done" data-testid={done.testId}>
          {done.text}
        </Notice>
      )}
      {loadFailed && (
        <Notice tone="error" onRetry={reload} data-testid="versions-error">
          {loadFailed}
        </Notice>
      )}
      {list}
      {viewing && (
        <VersionViewer
          version={viewing}
          mayRestore={mayManage}
          restoreBlocked={restoreBlocked}
          onRestore={restore}
          onRestored={(version) => {
            setViewing(null);
            setDone({
              text: t('versions.restored', { label: versionName(version, t) }),
              testId: 'version-restored',
            });
          }}
          onClose={() => setViewing(null)}
        />
      )}
    </aside>
  );
}
