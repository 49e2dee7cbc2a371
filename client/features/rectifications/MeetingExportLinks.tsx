import { meetingExportUrl } from '../../api/rectificationApi.js';
import { useI18n } from '../../i18n/i18nContext.js';
import type { MessageKey } from '../../i18n/messages.js';
import { Link } from '../../routing/Link.js';
import { rectificationPrintPath } from '../../routing/routes.js';
import './MeetingExportLinks.css';

const FILES: ReadonlyArray<[string, MessageKey]> = [
  ['minutes.docx', 'rect.export.minutesDocx'],
  ['minutes.md', 'rect.export.minutesMd'],
  ['report.docx', 'rect.export.report'],
  ['rectifications.xlsx', 'rect.export.ledger'],
];

/** 导出: plain links to the meeting's files (the browser downloads them), and 打印. */
export function MeetingExportLinks({ meetingId }: { meetingId: number }) {
  const { t } = useI18n();
  return (
    <nav className="meeting-export-links" aria-label={t('rect.export.label')}>
      {FILES.map(([file, label]) => (
        <a
          key={file}
          href={meetingExportUrl(meetingId, file)}
          download
          data-testid="export-link"
          data-file={file}
        >
          {t(label)}
        </a>
      ))}
      <Link href={rectificationPrintPath(meetingId)} data-testid="rect-print-link">
        {t('rect.print')}
      </Link>
    </nav>
  );
}
