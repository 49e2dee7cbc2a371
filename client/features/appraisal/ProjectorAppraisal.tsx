import type { CSSProperties } from 'react';
import type { AppraisalView } from '../../../shared/appraisal/appraisalSchemas.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { AppraisalResultTable } from './AppraisalResultTable.js';
import './ProjectorAppraisal.css';

interface ProjectorAppraisalProps {
  appraisal: AppraisalView;
  name(userId: number): string;
}

/** Tables side by side: one up to 10 members, two up to 24, else three (a branch of 40). */
const columnsFor = (members: number) => (members <= 10 ? 1 : members <= 24 ? 2 : 3);

/**
 * The round on the room's screen while nobody speaks: the count of ballots while the vote is
 * open, the result once it is closed, sized to be read from the back of the room.
 */
export function ProjectorAppraisal({ appraisal, name }: ProjectorAppraisalProps) {
  const { t } = useI18n();
  const { result } = appraisal;
  if (appraisal.status === 'open') {
    return (
      <div className="projector-appraisal" data-testid="projector-appraisal" data-status="open">
        <p className="projector-appraisal__title">{t('projector.appraisalOpen')}</p>
        <p className="projector-appraisal__progress" data-testid="projector-appraisal-progress">
          {t('projector.appraisalProgress', {
            voted: appraisal.votedCount,
            expected: appraisal.voters.length,
          })}
        </p>
      </div>
    );
  }
  if (appraisal.status !== 'closed' || !result) return null;
  const columns = columnsFor(result.subjects.length);
  const rows = Math.ceil(result.subjects.length / columns);
  const parts = Array.from({ length: columns }, (_, i) =>
    result.subjects.slice(i * rows, (i + 1) * rows),
  );
  // A row is about 1.75em high: the rows and the table's heading fill at most ~45% of the
  // screen's height (the rest is the meeting's header, the title and the footer).
  const style = { '--result-font': `min(4.2vh, calc(26vh / ${rows + 1}))` } as CSSProperties;

  return (
    <div
      className="projector-appraisal"
      data-testid="projector-appraisal"
      data-status="closed"
      style={style}
    >
      <p className="projector-appraisal__title">{t('appraisal.resultHeading')}</p>
      <div className={`projector-appraisal__tables projector-appraisal__tables--${columns}`}>
        {parts.map((subjects, i) => (
          <AppraisalResultTable
            key={i}
            result={result}
            subjects={subjects}
            name={name}
            showTotals={i === 0}
            variant="projector"
          />
        ))}
      </div>
    </div>
  );
}
