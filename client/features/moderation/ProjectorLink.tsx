import { useI18n } from '../../i18n/i18nContext.js';
import { projectorPath } from '../../routing/routes.js';

/** Opens the projector view in a window of its own, to be dragged onto the second screen. */
export function ProjectorLink({ meetingId, className }: { meetingId: number; className?: string }) {
  const { t } = useI18n();
  return (
    <a
      className={className}
      href={projectorPath(meetingId)}
      target="_blank"
      rel="noopener"
      data-testid="open-projector"
    >
      {t('moderation.openProjector')}
    </a>
  );
}
