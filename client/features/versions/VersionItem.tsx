import { Button } from 'antd';
import type { DocumentVersionView } from '../../../shared/documents/versionSchemas.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { versionAuthor, versionName, versionTime } from './versionText.js';
import './VersionItem.css';

interface VersionItemProps {
  version: DocumentVersionView;
  onOpen(version: DocumentVersionView): void;
}

/** One saved version in the list: its name, whether the server saved it, when and who. */
export function VersionItem({ version, onOpen }: VersionItemProps) {
  const { t } = useI18n();
  const name = versionName(version, t);
  const automatic = version.kind !== 'manual';
  return (
    <li className="version-item" data-testid="version-item" data-kind={version.kind}>
      <Button
        type="primary"
        className="version-item__open"
        onClick={() => onOpen(version)}
        aria-label={t('versions.open', { label: name })}
      >
        <span className="version-item__head">
          <span className="version-item__name" data-testid="version-name" title={name}>
            {name}
          </span>
          {automatic && (
            <span
              className="version-item__badge"
              data-testid="version-kind-badge"
              title={t('versions.automaticHint')}
            >
              {t('versions.automatic')}
            </span>
          )}
        </span>
        <span className="version-item__meta">
          {versionTime(version)} · {versionAuthor(version, t)}
        </span>
      </Button>
    </li>
  );
}
