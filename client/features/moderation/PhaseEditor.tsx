import { Button, Input } from 'antd';
import { useRef, useState } from 'react';
import type { MeetingState } from '../../../shared/moderation/meetingState.js';
import {
  ModerationLimits,
  PHASE_KINDS,
  type PhaseKind,
} from '../../../shared/moderation/moderationSchemas.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { ReorderButtons } from '../layout/ReorderButtons.js';
import type { CommandRunner } from './useCommandRunner.js';
import './PhaseEditor.css';

interface PhaseEditorProps {
  state: MeetingState;
  runner: CommandRunner;
  onDone(): void;
}

interface Row {
  /** React's key: the phase's id, or a local one for a new phase. */
  key: string;
  /** Kept for existing phases, so that their speaking orders survive the edit. */
  id?: string;
  title: string;
  kind: PhaseKind;
}

/** Titles, kinds and order of the phases, saved as one `setPhases`. */
export function PhaseEditor({ state, runner, onDone }: PhaseEditorProps) {
  const { t } = useI18n();
  const [rows, setRows] = useState<Row[]>(() =>
    state.phases.map((p) => ({ key: p.id, id: p.id, title: p.title, kind: p.kind })),
  );
  const added = useRef(0);
  const valid =
    rows.length > 0 &&
    rows.every((r) => r.title.trim().length > 0) &&
    rows.length <= ModerationLimits.maxPhases;

  const change = (index: number, patch: Partial<Row>) =>
    setRows(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const move = (index: number, by: number) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    next.splice(index + by, 0, row!);
    setRows(next);
  };
  const add = () => {
    added.current += 1;
    setRows([...rows, { key: `new-${added.current}`, title: '', kind: 'other' }]);
  };
  const save = async () => {
    const phases = rows.map(({ id, title, kind }) => ({
      ...(id ? { id } : {}),
      title: title.trim(),
      kind,
    }));
    if (await runner.run({ type: 'setPhases', phases }, { withVersion: true })) onDone();
  };

  return (
    <div className="phase-editor" data-testid="phase-editor">
      <ol className="phase-editor__rows">
        {rows.map((row, index) => {
          const n = index + 1;
          const inUse = row.id !== undefined && row.id === state.currentPhaseId;
          return (
            <li key={row.key} className="phase-editor__row" data-testid="phase-row">
              <Input
                data-testid="phase-title"
                aria-label={t('phases.titleOf', { n })}
                value={row.title}
                maxLength={ModerationLimits.maxPhaseTitleLength}
                onChange={(event) => change(index, { title: event.target.value })}
              />
              <select
                data-testid="phase-kind"
                aria-label={t('phases.kindOf', { n })}
                value={row.kind}
                onChange={(event) => change(index, { kind: event.target.value as PhaseKind })}
              >
                {PHASE_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`phaseKind.${kind}`)}
                  </option>
                ))}
              </select>
              <ReorderButtons
                index={index}
                count={rows.length}
                labels={{
                  up: t('phases.up', { n }),
                  down: t('phases.down', { n }),
                  remove: t('phases.remove', { n }),
                }}
                onMove={(by) => move(index, by)}
                onRemove={() => setRows(rows.filter((_, i) => i !== index))}
                // The phase being held cannot go; the server refuses it too.
                removeDisabled={inUse || rows.length === 1}
                removeTitle={inUse ? t('phases.inUse') : undefined}
                testIds={{ remove: 'phase-remove' }}
              />
            </li>
          );
        })}
      </ol>
      <div className="phase-editor__buttons">
        <Button
          data-testid="phase-add"
          disabled={rows.length >= ModerationLimits.maxPhases}
          onClick={add}
        >
          {t('phases.add')}
        </Button>
        <span className="phase-editor__spacer" />
        <Button onClick={onDone}>{t('dialog.cancel')}</Button>
        <Button
          type="primary"
          data-testid="phases-save"
          disabled={!valid || runner.busy}
          onClick={() => void save()}
        >
          {t('common.save')}
        </Button>
      </div>
      {!valid && <p className="phase-editor__problem">{t('phases.titleRequired')}</p>}
    </div>
  );
}
