import {
  AUTOMATIC_VERSION_LABELS,
  type DocumentVersionView,
} from '../../../shared/documents/versionSchemas.js';
import type { I18n } from '../../i18n/i18nContext.js';
import { formatLocalTime } from '../admin/formatTime.js';

/**
 * The version's name as people read it: the server's own versions (会前定稿, 会议结束,
 * 恢复前自动保存) in the page's language, the host's as they typed it.
 */
export function versionName(version: DocumentVersionView, t: I18n['t']): string {
  if (version.kind !== 'manual' && version.label === AUTOMATIC_VERSION_LABELS[version.kind]) {
    return t(`versions.kind.${version.kind}`);
  }
  return version.label;
}

/** Who saved it: a person, or the server for the automatic ones it saves itself. */
export function versionAuthor(version: DocumentVersionView, t: I18n['t']): string {
  return version.createdBy?.displayName ?? t('versions.bySystem');
}

/** When it was saved, to the second: two versions may be saved within a minute. */
export function versionTime(version: DocumentVersionView): string {
  return formatLocalTime(version.createdAt);
}
