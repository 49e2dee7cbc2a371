import { SOURCE_LABELS } from '../../../shared/rectifications/rectificationCodes.js';
import type { RectificationView } from '../../../shared/rectifications/rectificationViews.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { AnchorLink } from './AnchorLink.js';
import './RectificationFacts.css';

/** An item's fields as the ledger prints them, for reading. */
export function RectificationFacts({ item }: { item: RectificationView }) {
  const { t, locale } = useI18n();
  const rows: Array<[string, string, string]> = [
    ['source', t('rect.source'), SOURCE_LABELS[item.source]],
    ['aspect', t('rect.aspect'), item.aspect],
    ['problem', t('rect.problem'), item.problem],
    ['goal', t('rect.goal'), item.goal],
    ['measures', t('rect.measures'), item.measures],
    ['leader', t('rect.leader'), item.leader?.displayName ?? ''],
    ['owner', t('rect.owner'), item.owner.displayName],
    ['deadline', t('rect.deadline'), item.longTerm ? t('rect.longTerm') : (item.deadline ?? '')],
  ];
  if (item.subject) rows.push(['subject', t('rect.subject'), item.subject.displayName]);
  if (item.verified) {
    const at = new Date(item.verified.at).toLocaleDateString(locale);
    rows.push(['verified', t('rect.verifiedBy'), `${at} ${item.verified.by.displayName}`]);
  }
  return (
    <dl className="rectification-facts" data-testid="rect-facts">
      {rows.map(([key, label, value]) => (
        <div key={key} className="rectification-facts__row">
          <dt>{label}</dt>
          <dd data-testid={`rect-fact-${key}`}>{value || '—'}</dd>
        </div>
      ))}
      {item.anchor && (
        <div className="rectification-facts__row">
          <dt>{t('rect.anchor')}</dt>
          <dd>
            <q>{item.anchor.current ?? item.anchor.quote}</q> <AnchorLink item={item} />
          </dd>
        </div>
      )}
    </dl>
  );
}
