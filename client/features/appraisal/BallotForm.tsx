import { Button } from 'antd';
import { useId, useState, type FormEvent } from 'react';
import {
  ballotProblem,
  maxExcellent,
  type BallotProblem,
} from '../../../shared/appraisal/appraisalRules.js';
import { GRADES, type Grade } from '../../../shared/appraisal/appraisalSchemas.js';
import { useI18n, type I18n } from '../../i18n/i18nContext.js';
import './BallotForm.css';

export type Grades = Record<string, Grade>;

interface BallotFormProps {
  /** The members appraised, in the order shown. */
  subjects: readonly number[];
  name(userId: number): string;
  /** The grades to start from: the ballot sent earlier on this page, else none. */
  initial: Grades;
  /** This replaces a ballot already cast. */
  changing: boolean;
  busy: boolean;
  /** Called only with a ballot that passes the rules (ballotProblem). */
  onSubmit(grades: Grades): void;
  onCancel(): void;
}

/**
 * The voter's ballot: a grade per member (four radio buttons a row), the count of 优秀 against
 * the third allowed, and the rules checked before anything is sent.
 */
export function BallotForm({
  subjects,
  name,
  initial,
  changing,
  busy,
  onSubmit,
  onCancel,
}: BallotFormProps) {
  const { t } = useI18n();
  const groupPrefix = useId();
  // Only the members of this round: an earlier draft may name others.
  const [grades, setGrades] = useState<Grades>(() =>
    Object.fromEntries(Object.entries(initial).filter(([id]) => subjects.includes(Number(id)))),
  );
  const [problem, setProblem] = useState<BallotProblem | null>(null);
  const max = maxExcellent(subjects.length);
  const excellent = Object.values(grades).filter((g) => g === 'excellent').length;

  const choose = (subjectId: number, grade: Grade) => {
    setGrades((before) => ({ ...before, [String(subjectId)]: grade }));
    setProblem(null);
  };
  const fillQualified = () => {
    setGrades((before) => ({
      ...Object.fromEntries(subjects.map((id) => [String(id), 'qualified' as Grade])),
      ...before,
    }));
    setProblem(null);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = ballotProblem(subjects, grades);
    setProblem(found);
    if (!found) onSubmit(grades);
  };

  return (
    <form className="ballot-form" data-testid="ballot-form" onSubmit={submit} noValidate>
      <p className="ballot-form__hint">{t('ballot.hint')}</p>
      <div className="ballot-form__rows">
        {subjects.map((subjectId) => {
          const group = `${groupPrefix}-${subjectId}`;
          const chosen = grades[String(subjectId)];
          return (
            <div
              key={subjectId}
              className={`ballot-form__row${chosen ? '' : ' ballot-form__row--open'}`}
              data-testid="ballot-row"
              data-subject-id={subjectId}
              data-grade={chosen ?? ''}
            >
              <span className="ballot-form__name">{name(subjectId)}</span>
              <div
                className="ballot-form__choices"
                role="radiogroup"
                aria-label={t('ballot.gradesOf', { name: name(subjectId) })}
              >
                {GRADES.map((grade) => (
                  <label
                    key={grade}
                    className={`ballot-form__choice ballot-form__choice--${grade}`}
                  >
                    <input
                      type="radio"
                      name={group}
                      value={grade}
                      checked={chosen === grade}
                      data-testid={`ballot-${grade}`}
                      onChange={() => choose(subjectId, grade)}
                    />
                    {t(`grade.${grade}`)}
                  </label>
                ))}
              </div>
            </div>
          );
        })}
      </div>
      <div className="ballot-form__status">
        <span
          className={`ballot-form__excellent${excellent > max ? ' ballot-form__excellent--over' : ''}`}
          data-testid="ballot-excellent-count"
          data-count={excellent}
          data-max={max}
          aria-live="polite"
        >
          {t('ballot.excellentCount', { count: excellent, max })}
        </span>
        <Button
          data-testid="ballot-fill"
          disabled={busy || Object.keys(grades).length >= subjects.length}
          onClick={fillQualified}
        >
          {t('ballot.fillQualified')}
        </Button>
      </div>
      {problem && (
        <p className="ballot-form__problem" role="alert" data-testid="ballot-problem">
          {describeProblem(problem, subjects.length, name, t)}
        </p>
      )}
      <div className="ballot-form__buttons">
        <Button onClick={onCancel}>{t('dialog.cancel')}</Button>
        <Button type="primary" htmlType="submit" data-testid="ballot-submit" disabled={busy}>
          {busy ? t('ballot.submitting') : t(changing ? 'ballot.submitChange' : 'ballot.submit')}
        </Button>
      </div>
    </form>
  );
}

function describeProblem(
  problem: BallotProblem,
  subjectCount: number,
  name: (userId: number) => string,
  t: I18n['t'],
): string {
  switch (problem.code) {
    case 'too_many_excellent':
      return problem.max === 0
        ? t('ballot.noExcellent', { count: subjectCount })
        : t('ballot.tooManyExcellent', {
            max: problem.max,
            count: subjectCount,
            chosen: problem.excellent,
          });
    case 'incomplete_ballot':
      return t('ballot.incomplete', {
        count: problem.missing.length,
        names: problem.missing.map(name).join('、'),
      });
    case 'unknown_subject':
      return t('ballot.unknownSubject');
  }
}
