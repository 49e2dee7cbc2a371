import { Button } from 'antd';
import { useState } from 'react';
import type { MeetingState } from '../../../shared/moderation/meetingState.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { PanelCard } from './PanelCard.js';
import { PhaseEditor } from './PhaseEditor.js';
import type { CommandRunner } from './useCommandRunner.js';
import './PhaseList.css';

interface PhaseListProps {
  state: MeetingState;
  runner: CommandRunner;
  live: boolean;
}

/** The procedure: each phase with 开始; 编辑环节 edits the list as a whole. */
export function PhaseList({ state, runner, live }: PhaseListProps) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const off = runner.busy || !live;

  return (
    <PanelCard
      title={t('phases.heading')}
      data-testid="phase-list"
      actions={
        !editing && (
          <Button data-testid="phases-edit" disabled={off} onClick={() => setEditing(true)}>
            {t('phases.edit')}
          </Button>
        )
      }
    >
      {editing ? (
        <PhaseEditor state={state} runner={runner} onDone={() => setEditing(false)} />
      ) : (
        <ol className="phase-list">
          {state.phases.map((phase) => {
            const current = phase.id === state.currentPhaseId;
            const started = state.queues[phase.id] !== undefined;
            return (
              <li
                key={phase.id}
                className={`phase-list__item${current ? ' phase-list__item--current' : ''}`}
                data-testid="phase-item"
                data-phase-id={phase.id}
                data-phase-kind={phase.kind}
                data-current={current}
                aria-current={current ? 'step' : undefined}
              >
                <span className="phase-list__title">{phase.title}</span>
                <span className="phase-list__kind">{t(`phaseKind.${phase.kind}`)}</span>
                {current ? (
                  <span className="phase-list__now">{t('phases.current')}</span>
                ) : (
                  <Button
                    data-testid="phase-start"
                    // A phase starts between speeches; the server refuses it otherwise too.
                    disabled={off || state.current !== null}
                    title={state.current ? t('phases.endSpeechFirst') : undefined}
                    onClick={() =>
                      void runner.run(
                        { type: 'startPhase', phaseId: phase.id },
                        { withVersion: true },
                      )
                    }
                  >
                    {started ? t('phases.resume') : t('phases.start')}
                  </Button>
                )}
                {phase.notes && (
                  // Generated text (the 通报 phase's report on last year's items) to read out from.
                  <p className="phase-list__notes" data-testid="phase-notes">
                    {phase.notes}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </PanelCard>
  );
}
