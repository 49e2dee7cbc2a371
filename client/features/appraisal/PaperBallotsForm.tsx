import { Button } from 'antd';
import { useState, type FormEvent } from 'react';
import { maxExcellent } from '../../../shared/appraisal/appraisalRules.js';
import {
  GRADES,
  type AppraisalCallerView,
  type Grade,
  type PaperBallots,
} from '../../../shared/appraisal/appraisalSchemas.js';
import { setPaperBallots } from '../../api/appraisalApi.js';
import { useI18n, type I18n } from '../../i18n/i18nContext.js';
import { describeAppraisalError } from './describeAppraisalError.js';
import './PaperBallotsForm.css';

interface PaperBallotsFormProps {
  meetingId: number;
  appraisal: AppraisalCallerView;
  name(userId: number): string;
  onSaved(answer: AppraisalCallerView): void;
}

type Draft = { ballots: string; counts: Record<string, Record<Grade, string>> };

function draftOf(appraisal: AppraisalCallerView): Draft {
  const paper = appraisal.paper;
  return {
    ballots: String(paper?.ballots ?? 0),
    counts: Object.fromEntries(
      appraisal.subjects.map((id) => {
        const counts = paper?.counts[String(id)];
        return [id, Object.fromEntries(GRADES.map((g) => [g, String(counts?.[g] ?? 0)]))];
      }),
    ) as Draft['counts'],
  };
}

const count = (text: string): number | null =>
  /^\s*\d{1,5}\s*$/.test(text) ? Number(text.trim()) : null;

/** The paper slips as counted by hand: how many, and per member the votes for each grade. */
export function PaperBallotsForm({ meetingId, appraisal, name, onSaved }: PaperBallotsFormProps) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => draftOf(appraisal));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'error' | 'done'; text: string } | null>(null);

  const setCount = (id: number, grade: Grade, text: string) => {
    setDraft((d) => ({
      ...d,
      counts: { ...d.counts, [id]: { ...d.counts[id]!, [grade]: text } },
    }));
    setMessage(null);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkPaper(draft, appraisal, name, t);
    if (typeof checked === 'string') {
      setMessage({ tone: 'error', text: checked });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      onSaved(await setPaperBallots(meetingId, checked));
      setMessage({ tone: 'done', text: t('paper.saved') });
    } catch (failure) {
      setMessage({ tone: 'error', text: describeAppraisalError(failure, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="paper-ballots" data-testid="paper-ballots" open={appraisal.paper !== null}>
      <summary className="paper-ballots__summary">{t('paper.heading')}</summary>
      <form className="paper-ballots__form" onSubmit={save} noValidate>
        <p className="paper-ballots__hint">{t('paper.hint')}</p>
        <label className="paper-ballots__slips">
          {t('paper.ballots')}
          <input
            type="number"
            min={0}
            inputMode="numeric"
            data-testid="paper-slips"
            value={draft.ballots}
            onChange={(e) => {
              setDraft({ ...draft, ballots: e.target.value });
              setMessage(null);
            }}
          />
        </label>
        <div className="data-table paper-ballots__table">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('result.member')}</th>
                {GRADES.map((grade) => (
                  <th key={grade} scope="col">
                    {t(`grade.${grade}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {appraisal.subjects.map((id) => (
                <tr key={id} data-testid="paper-row" data-subject-id={id}>
                  <th scope="row">{name(id)}</th>
                  {GRADES.map((grade) => (
                    <td key={grade}>
                      <input
                        type="number"
                        min={0}
                        inputMode="numeric"
                        aria-label={t('paper.countOf', {
                          name: name(id),
                          grade: t(`grade.${grade}`),
                        })}
                        data-testid={`paper-${grade}`}
                        value={draft.counts[id]?.[grade] ?? '0'}
                        onChange={(e) => setCount(id, grade, e.target.value)}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {message && (
          <p
            className={`paper-ballots__message paper-ballots__message--${message.tone}`}
            role={message.tone === 'error' ? 'alert' : 'status'}
            data-testid="paper-message"
          >
            {message.text}
          </p>
        )}
        <div className="paper-ballots__buttons">
          <Button htmlType="submit" data-testid="paper-save" disabled={busy}>
            {t('paper.save')}
          </Button>
        </div>
      </form>
    </details>
  );
}

/** The counts to send, or what is wrong with them (the rules of paperProblem, in words). */
function checkPaper(
  draft: Draft,
  { subjects, voters, votedCount }: AppraisalCallerView,
  name: (userId: number) => string,
  t: I18n['t'],
): PaperBallots | string {
  const ballots = count(draft.ballots);
  if (ballots === null) return t('paper.invalid');
  // A slip stands for a voter who did not vote on a device.
  if (ballots + votedCount > voters.length) {
    return t('paper.tooManyBallots', { ballots, voted: votedCount, voters: voters.length });
  }
  const counts: PaperBallots['counts'] = {};
  let excellent = 0;
  for (const id of subjects) {
    const row = {} as Record<Grade, number>;
    for (const grade of GRADES) {
      const n = count(draft.counts[id]?.[grade] ?? '0');
      if (n === null) return t('paper.invalid');
      row[grade] = n;
    }
    const sum = GRADES.reduce((s, g) => s + row[g], 0);
    if (sum > ballots) return t('paper.overBallots', { name: name(id), sum, ballots });
    excellent += row.excellent;
    counts[String(id)] = row;
  }
  const max = ballots * maxExcellent(subjects.length);
  if (excellent > max) return t('paper.tooManyExcellent', { count: excellent, ballots, max });
  return { ballots, counts };
}
