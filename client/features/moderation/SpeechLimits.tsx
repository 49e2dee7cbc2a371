import { useState } from 'react';
import type { MeetingState } from '../../../shared/moderation/meetingState.js';
import {
  ModerationLimits,
  SPEECH_KINDS,
  type SpeechKind,
} from '../../../shared/moderation/moderationSchemas.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { PanelCard } from './PanelCard.js';
import type { CommandRunner } from './useCommandRunner.js';
import './SpeechLimits.css';

interface SpeechLimitsProps {
  state: MeetingState;
  runner: CommandRunner;
  live: boolean;
}

const minSeconds = 10;

/** Speaking time per kind of speech, in minutes; applies to the speeches started after it. */
export function SpeechLimits({ state, runner, live }: SpeechLimitsProps) {
  const { t } = useI18n();
  // What is typed per kind until it is saved (on Enter or leaving the field).
  const [drafts, setDrafts] = useState<Partial<Record<SpeechKind, string>>>({});
  const off = runner.busy || !live;

  const commit = async (kind: SpeechKind) => {
    const draft = drafts[kind];
    if (draft === undefined) return;
    const seconds = Math.round(Number(draft) * 60);
    const valid =
      Number.isFinite(seconds) &&
      seconds >= minSeconds &&
      seconds <= ModerationLimits.maxSpeechSeconds;
    if (valid && seconds !== state.limits[kind]) {
      if (!(await runner.run({ type: 'setLimit', kind, seconds }))) return;
    }
    setDrafts(({ [kind]: _, ...rest }) => rest);
  };

  return (
    <PanelCard title={t('limits.heading')} data-testid="speech-limits">
      <p className="speech-limits__hint">{t('limits.hint')}</p>
      <div className="speech-limits">
        {SPEECH_KINDS.map((kind) => (
          <label key={kind} className="speech-limits__row" data-testid="limit-row" data-kind={kind}>
            <span className="speech-limits__kind" title={t(`speechKind.${kind}`)}>
              {t(`speechKind.${kind}`)}
            </span>
            <input
              type="number"
              data-testid="limit-minutes"
              min={0.5}
              max={ModerationLimits.maxSpeechSeconds / 60}
              step={0.5}
              disabled={off}
              value={drafts[kind] ?? String(state.limits[kind] / 60)}
              onChange={(event) => setDrafts({ ...drafts, [kind]: event.target.value })}
              onBlur={() => void commit(kind)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') void commit(kind);
              }}
            />
            <span className="speech-limits__unit">{t('limits.minutes')}</span>
          </label>
        ))}
      </div>
    </PanelCard>
  );
}
