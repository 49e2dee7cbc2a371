import { useEffect } from 'react';
import { describeApiError } from '../../api/describeApiError.js';
import { listMyMeetings } from '../../api/meetingApi.js';
import { useResource } from '../../api/useResource.js';
import { useI18n } from '../../i18n/i18nContext.js';
import type { Identity } from '../identity/identity.js';
import { IdentityFields } from '../identity/IdentityFields.js';
import { Notice } from '../layout/Notice.js';
import { groupMeetings } from '../meetings/meetingGroups.js';
import { MeetingList } from '../meetings/MeetingList.js';
import { MyBranches } from './MyBranches.js';
import './HomePage.css';

interface HomePageProps {
  identity: Identity;
  onColourChange(colour: string): void;
}

/** `/`: my meetings (the coming ones first), my branches, and how I appear to others. */
export function HomePage({ identity, onColourChange }: HomePageProps) {
  const { t } = useI18n();
  const meetings = useResource('my-meetings', listMyMeetings);

  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  const groups = meetings.data && groupMeetings(meetings.data);
  return (
    <div className="home-page">
      <p className="home-page__tagline">{t('app.tagline')}</p>
      <section className="home-page__card" aria-labelledby="home-meetings-heading">
        <h2 id="home-meetings-heading">{t('home.myMeetings')}</h2>
        {meetings.error !== null && (
          <Notice tone="error" onRetry={meetings.reload}>
            {t('common.loadFailed', { message: describeApiError(meetings.error, t) })}
          </Notice>
        )}
        {!groups && meetings.error === null && <Notice tone="info">{t('common.loading')}</Notice>}
        {groups && (
          <MeetingList
            meetings={[...groups.current, ...groups.past]}
            showBranch
            emptyText={t('home.noMeetings')}
            data-testid="my-meetings"
          />
        )}
      </section>
      <section className="home-page__card" aria-labelledby="home-branches-heading">
        <h2 id="home-branches-heading">{t('home.myBranches')}</h2>
        <MyBranches />
      </section>
      <section className="home-page__card">
        <h2>{t('identity.heading')}</h2>
        <p className="home-page__hint">{t('identity.hint')}</p>
        <IdentityFields identity={identity} onColourChange={onColourChange} />
      </section>
    </div>
  );
}
