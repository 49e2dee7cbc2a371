import { Button } from 'antd';
import { useEffect } from 'react';
import { SOURCE_LABELS, STATUS_LABELS } from '../../../shared/rectifications/rectificationCodes.js';
import type { RectificationView } from '../../../shared/rectifications/rectificationViews.js';
import { describeApiError } from '../../api/describeApiError.js';
import { fetchMeetingRectifications } from '../../api/rectificationApi.js';
import { useResource } from '../../api/useResource.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { Link } from '../../routing/Link.js';
import { meetingPath } from '../../routing/routes.js';
import { Notice } from '../layout/Notice.js';
import { MeetingLoadStatus } from '../meetings/MeetingLoadStatus.js';
import { useMeeting } from '../meetings/useMeeting.js';
import './LedgerPrintPage.css';

/** The ledger's columns as the Excel file has them (docs/exports.md). */
const COLUMNS: ReadonlyArray<[string, (item: RectificationView) => string]> = [
  ['序号', (item) => String(item.seq)],
  ['问题来源', (item) => SOURCE_LABELS[item.source]],
  ['所属方面', (item) => item.aspect],
  ['问题表现', (item) => item.problem],
  ['整改目标', (item) => item.goal],
  ['整改措施', (item) => item.measures],
  ['责任领导', (item) => item.leader?.displayName ?? ''],
  ['责任人', (item) => item.owner.displayName],
  ['完成时限', (item) => (item.longTerm ? '长期坚持' : (item.deadline ?? ''))],
  ['状态', (item) => STATUS_LABELS[item.status]],
  [
    '进展情况',
    (item) =>
      item.latestProgress ? `${item.latestProgress.notedOn} ${item.latestProgress.note}` : '',
  ],
  [
    '销号',
    (item) =>
      item.verified
        ? `${new Intl.DateTimeFormat('en-CA').format(item.verified.at)} ${item.verified.by.displayName}`
        : '',
  ],
];

/**
 * `/meetings/:id/rectifications/print`: the meeting's 整改台账 as a plain table for paper, A4
 * landscape. The headers are the filed ledger's, in Chinese whatever the page's language.
 */
export function LedgerPrintPage({ meetingId }: { meetingId: number }) {
  const { t } = useI18n();
  const meeting = useMeeting(meetingId);
  const items = useResource(`rectifications:${meetingId}`, (signal) =>
    fetchMeetingRectifications(meetingId, signal),
  );
  const title = meeting.data ? `${meeting.data.title}整改台账` : t('rect.heading');

  useEffect(() => {
    document.title = title;
  }, [title]);

  if (!meeting.data) return <MeetingLoadStatus meeting={meeting} />;
  return (
    <div className="ledger-print" data-testid="ledger-print">
      <div className="ledger-print__tools">
        <Link href={meetingPath(meetingId)}>← {meeting.data.title}</Link>
        <Button type="primary" onClick={() => window.print()}>
          {t('rect.printNow')}
        </Button>
      </div>
      <h1 className="ledger-print__title">{title}</h1>
      {items.error !== null && (
        <Notice tone="error" onRetry={items.reload}>
          {t('common.loadFailed', { message: describeApiError(items.error, t) })}
        </Notice>
      )}
      {items.data && (
        <table className="ledger-print__table">
          <thead>
            <tr>
              {COLUMNS.map(([header]) => (
                <th key={header}>{header}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.data.map((item) => (
              <tr key={item.id} data-testid="ledger-print-row">
                {COLUMNS.map(([header, cell]) => (
                  <td key={header}>{cell(item)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
