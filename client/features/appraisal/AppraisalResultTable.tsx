import type { AppraisalResult, SubjectResult } from '../../../shared/appraisal/appraisalSchemas.js';
import { GRADES } from '../../../shared/appraisal/appraisalSchemas.js';
import { useI18n, type I18n } from '../../i18n/i18nContext.js';
import './AppraisalResultTable.css';

interface AppraisalResultTableProps {
  result: AppraisalResult;
  name(userId: number): string;
  /** The members to list; all of the result's by default (the projector splits them). */
  subjects?: readonly SubjectResult[];
  /** The line with the number of ballots; off for the second half on the projector. */
  showTotals?: boolean;
  /** `appraisal-result--projector`: large, light on dark. */
  variant?: 'page' | 'projector';
}

/** Per member the votes for each grade and the grade by majority; a tie is the branch's call. */
export function AppraisalResultTable({
  result,
  name,
  subjects = result.subjects,
  showTotals = true,
  variant = 'page',
}: AppraisalResultTableProps) {
  const { t } = useI18n();
  return (
    <div className={`appraisal-result appraisal-result--${variant}`} data-testid="appraisal-result">
      {showTotals && (
        <p
          className="appraisal-result__totals"
          data-testid="result-totals"
          data-ballots={result.ballots}
          data-paper={result.paperBallots}
        >
          {t('result.ballots', { count: result.ballots })}
          {result.paperBallots > 0 && (
            <span data-testid="result-paper">
              {t('result.paperIncluded', { count: result.paperBallots })}
            </span>
          )}
        </p>
      )}
      <div className="data-table appraisal-result__table">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('result.member')}</th>
              {GRADES.map((grade) => (
                <th key={grade} scope="col" className="appraisal-result__count">
                  {t(`grade.${grade}`)}
                </th>
              ))}
              <th scope="col">{t('result.grade')}</th>
            </tr>
          </thead>
          <tbody>
            {subjects.map((row) => (
              <tr
                key={row.subjectId}
                data-testid="result-row"
                data-subject-id={row.subjectId}
                data-grade={row.grade ?? (row.tie.length > 0 ? 'tie' : 'none')}
              >
                <th scope="row" className="appraisal-result__name">
                  {name(row.subjectId)}
                </th>
                {GRADES.map((grade) => (
                  <td
                    key={grade}
                    className="appraisal-result__count"
                    data-testid={`result-count-${grade}`}
                  >
                    {row.counts[grade]}
                  </td>
                ))}
                <td
                  className={`appraisal-result__grade${row.grade ? '' : ' appraisal-result__grade--open'}`}
                  data-testid="result-grade"
                >
                  {gradeText(row, t)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function gradeText(row: SubjectResult, t: I18n['t']): string {
  if (row.grade) return t(`grade.${row.grade}`);
  if (row.tie.length > 0) {
    return t('result.tie', { grades: row.tie.map((g) => t(`grade.${g}`)).join(' / ') });
  }
  return t('result.noVotes');
}
