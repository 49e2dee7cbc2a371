import { CloseCode } from '../../../shared/sync/closeCodes.js';
import type { ConnectionState } from '../../collab/useConnectionState.js';
import { useI18n } from '../../i18n/i18nContext.js';
import type { MessageKey } from '../../i18n/messages.js';
import './ConnectionStatus.css';

// The moderation channel (ModeratePage) shows its phase here too; it has no local copy.
type ShownState = Omit<ConnectionState, 'keptLocally'> & { keptLocally?: boolean };

// Close codes after which the provider gives up, with the reason a person can act on.
const closeReasons = new Map<number, MessageKey>([
  [CloseCode.badDocumentName, 'closed.badDocumentName'],
  [CloseCode.unauthenticated, 'closed.unauthenticated'],
  [CloseCode.forbidden, 'closed.forbidden'],
  [CloseCode.unknownDocument, 'closed.unknownDocument'],
  [CloseCode.awarenessTooLarge, 'closed.awarenessTooLarge'],
  [CloseCode.malformedMessage, 'closed.malformedMessage'],
  [CloseCode.missingDependencies, 'closed.missingDependencies'],
  [CloseCode.documentTooDeep, 'closed.documentTooDeep'],
]);

/**
 * The sync connection's state (useConnectionState.ts says what each means), and why it ended
 * if the server refused it for good. `data-kept-locally` tells whether every change is in this
 * browser's copy yet, which is what makes 离线 safe to reload.
 */
export function ConnectionStatus({ state }: { state: ShownState }) {
  const { t } = useI18n();
  const reason =
    state.closeCode === null
      ? null
      : t(closeReasons.get(state.closeCode) ?? 'closed.other', { code: state.closeCode });
  return (
    <div className="connection-status">
      <span
        className={`connection-status__badge connection-status__badge--${state.phase}`}
        data-testid="connection-status"
        data-phase={state.phase}
        data-kept-locally={state.keptLocally}
        role="status"
        title={t('status.label')}
      >
        {t(`status.${state.phase}`)}
      </span>
      {reason && <span className="connection-status__reason">{reason}</span>}
    </div>
  );
}
