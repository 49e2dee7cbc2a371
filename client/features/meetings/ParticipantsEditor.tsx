import { Button } from 'antd';
import { useId, useMemo, useState } from 'react';
import type { MeetingDetailView } from '../../../shared/meetings/meetingSchemas.js';
import { describeApiError } from '../../api/describeApiError.js';
import { fetchCandidates, setParticipants } from '../../api/meetingApi.js';
import { useResource } from '../../api/useResource.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { Notice } from '../layout/Notice.js';
import {
  choicesFrom,
  choicesToEntries,
  isBranchMember,
  isInMeeting,
  type ParticipantChoice,
} from './participantChoices.js';
import { ParticipantRow } from './ParticipantRow.js';
import './ParticipantsEditor.css';

interface ParticipantsEditorProps {
  meeting: MeetingDetailView;
  onSaved(meeting: MeetingDetailView): void;
}

type Outcome = { kind: 'saved' } | { kind: 'error'; message: string } | null;

/**
 * Who takes part and how (managers only): every candidate with 参会人员 / 列席人员 / 督导组 /
 * 不参加, plus 主持人 and 记录人; saved as one list. People from outside the branch are listed
 * on request, since an organisation has many more accounts than a branch.
 */
export function ParticipantsEditor({ meeting, onSaved }: ParticipantsEditorProps) {
  const { t } = useI18n();
  const id = useId();
  const candidates = useResource(`candidates:${meeting.id}`, (signal) =>
    fetchCandidates(meeting.id, signal),
  );
  const baseline = useMemo(
    () => (candidates.data ? choicesFrom(candidates.data, meeting.participants) : null),
    [candidates.data, meeting.participants],
  );
  const [edited, setEdited] = useState<ParticipantChoice[] | null>(null);
  const [showOthers, setShowOthers] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  if (candidates.error !== null && !baseline) {
    return (
      <Notice tone="error" onRetry={candidates.reload}>
        {t('common.loadFailed', { message: describeApiError(candidates.error, t) })}
      </Notice>
    );
  }
  if (!baseline) return <Notice tone="info">{t('common.loading')}</Notice>;

  const rows = edited ?? baseline;
  const entries = choicesToEntries(rows);
  const dirty = JSON.stringify(entries) !== JSON.stringify(choicesToEntries(baseline));
  // Outsiders already in the meeting stay in view, or they could not be taken out again.
  const shown = rows.filter(
    (choice) => showOthers || isBranchMember(choice) || isInMeeting(choice),
  );
  const hidden = rows.length - shown.length;
  const count = (pick: (choice: ParticipantChoice) => boolean) => rows.filter(pick).length;
  const hosts = count((c) => c.host);
  const recorders = count((c) => c.recorder);

  const change = (next: ParticipantChoice) => {
    setOutcome(null);
    setEdited(rows.map((choice) => (choice.userId === next.userId ? next : choice)));
  };

  const save = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const saved = await setParticipants(meeting.id, entries);
      setEdited(null);
      setOutcome({ kind: 'saved' });
      onSaved(saved);
    } catch (failure) {
      setOutcome({
        kind: 'error',
        message: t('participants.saveFailed', { message: describeApiError(failure, t) }),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="participants-editor" data-testid="participants-editor">
      <div className="data-table">
        <table aria-describedby={`${id}-summary`}>
          <thead>
            <tr>
              <th scope="col">{t('users.displayName')}</th>
              <th scope="col">{t('participants.branchRole')}</th>
              <th scope="col">{t('participants.attendance')}</th>
              <th scope="col">{t('meeting.role.host')}</th>
              <th scope="col">{t('meeting.role.recorder')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((choice) => (
              <ParticipantRow
                key={choice.userId}
                choice={choice}
                disabled={busy}
                onChange={change}
              />
            ))}
          </tbody>
        </table>
      </div>
      <label className="participants-editor__others">
        <input
          type="checkbox"
          data-testid="participants-show-others"
          checked={showOthers}
          onChange={(event) => setShowOthers(event.target.checked)}
        />
        {t('participants.showOthers', { count: hidden })}
      </label>
      <p id={`${id}-summary`} className="participants-editor__summary">
        {t('participants.summary', {
          participants: count((c) => c.attendance === 'participant'),
          attendees: count((c) => c.attendance === 'attendee'),
          supervisors: count((c) => c.attendance === 'supervisor'),
          hosts,
          recorders,
        })}
      </p>
      {(hosts === 0 || recorders === 0) && (
        <Notice tone="info">{t('participants.needHostAndRecorder')}</Notice>
      )}
      {outcome?.kind === 'saved' && (
        <Notice tone="done" data-testid="participants-saved">
          {t('participants.saved')}
        </Notice>
      )}
      {outcome?.kind === 'error' && (
        <Notice tone="error" data-testid="participants-error">
          {outcome.message}
        </Notice>
      )}
      <div className="participants-editor__buttons">
        <Button
          type="primary"
          data-testid="participants-save"
          disabled={busy || !dirty}
          onClick={() => void save()}
        >
          {busy ? t('common.saving') : t('participants.save')}
        </Button>
        <Button disabled={busy || !dirty} onClick={() => setEdited(null)}>
          {t('participants.discard')}
        </Button>
      </div>
    </div>
  );
}
