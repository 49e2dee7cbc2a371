import { useCallback, useState } from 'react';
import type { CommandInput, SendOptions } from '../../collab/MeetingConnection.js';
import type { MeetingChannel } from '../../collab/useMeetingChannel.js';
import { describeRefusal } from '../../api/describeApiError.js';
import { useI18n } from '../../i18n/i18nContext.js';

export interface CommandRunner {
  /** Sends the commands one after another, stopping at the first refusal; true if all applied. */
  run(commands: CommandInput | CommandInput[], options?: SendOptions): Promise<boolean>;
  /** A command is on its way: buttons wait, so that a double click does not skip a speaker. */
  busy: boolean;
  /** Why the last command was refused, for the person who sent it. */
  error: string | null;
  dismiss(): void;
}

/** Sends moderation commands and turns refusals into a message. */
export function useCommandRunner(send: MeetingChannel['send']): CommandRunner {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(
    async (commands: CommandInput | CommandInput[], options?: SendOptions) => {
      setBusy(true);
      setError(null);
      try {
        for (const command of Array.isArray(commands) ? commands : [commands]) {
          const result = await send(command, options);
          if (result.ok) continue;
          if (result.error === null) setError(t('moderation.noAnswer'));
          // The new state is already on screen: the host looks again and retries.
          else if (result.error.code === 'conflict') {
            setError(t('moderation.conflict'));
          } else setError(t('moderation.refused', { message: describeRefusal(result.error, t) }));
          return false;
        }
        return true;
      } finally {
        setBusy(false);
      }
    },
    [send, t],
  );
  const dismiss = useCallback(() => setError(null), []);
  return { run, busy, error, dismiss };
}
