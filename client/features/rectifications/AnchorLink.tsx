import type { RectificationView } from '../../../shared/rectifications/rectificationViews.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { Link } from '../../routing/Link.js';
import { documentPagePath } from '../../routing/routes.js';
import './AnchorLink.css';

/**
 * 查看原文: the document the item was captured from, opened with the text selected (the
 * document page reads `?rectification=<id>`). Struck through when the text is gone.
 */
export function AnchorLink({ item }: { item: RectificationView }) {
  const { t } = useI18n();
  if (!item.anchor) return null;
  const gone = item.anchor.current === null;
  return (
    <Link
      className={`anchor-link${gone ? ' anchor-link--gone' : ''}`}
      href={`${documentPagePath(item.anchor.document)}?rectification=${item.id}`}
      title={item.anchor.current ?? item.anchor.quote}
      data-testid="rect-anchor-link"
    >
      {gone ? t('rect.anchorGone') : t('rect.anchorOpen')}
    </Link>
  );
}
