import { Button } from 'antd';
import { useState } from 'react';
import type { MeetingDetailView } from '../../../shared/meetings/meetingSchemas.js';
import { describeApiError } from '../../api/describeApiError.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { Notice } from '../layout/Notice.js';
import { MeetingExportLinks } from './MeetingExportLinks.js';
import { NewRectificationDialog } from './NewRectificationDialog.js';
import { ProposalList } from './ProposalList.js';
import { ProposeFromMaterialButton } from './ProposeFromMaterialButton.js';
import { emptyDraft } from './rectificationDraft.js';
import { RectificationDrawer } from './RectificationDrawer.js';
import { meetingPeople } from './meetingPeople.js';
import { rectificationAbilities } from './rectificationAbilities.js';
import { RectificationTable } from './RectificationTable.js';
import { useMeetingRectifications, type RectificationFeed } from './useMeetingRectifications.js';
import './RectificationCard.css';

interface RectificationCardProps {
  meeting: MeetingDetailView;
  /** The page's meeting channel while the meeting is held; null afterwards (no live events). */
  feed: RectificationFeed | null;
}

/** 整改事项 on the meeting page: the list (live), the exports, proposals, one item's details. */
export function RectificationCard({ meeting, feed }: RectificationCardProps) {
  const { t } = useI18n();
  const rights = rectificationAbilities(meeting);
  const list = useMeetingRectifications(meeting.id, feed, rights.decideProposals);
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const people = meetingPeople(meeting);
  const open = list.items?.find((item) => item.id === openId) ?? null;
  // Items are recorded from the meeting on: a draft has none yet (the server says 409).
  const mayCreate = rights.edit && meeting.status !== 'draft';

  return (
    <section
      className="meeting-page__card rectification-card"
      aria-labelledby="meeting-rectifications-heading"
      data-testid="rect-card"
    >
      <div className="meeting-page__card-bar">
        <h3 id="meeting-rectifications-heading">{t('rect.heading')}</h3>
        {mayCreate && (
          <Button data-testid="rect-new" onClick={() => setCreating(true)}>
            {t('rect.new')}
          </Button>
        )}
      </div>
      {meeting.abilities['export.meeting'] && <MeetingExportLinks meetingId={meeting.id} />}
      {list.error !== null && (
        <Notice tone="error" onRetry={list.reload}>
          {t('common.loadFailed', { message: describeApiError(list.error, t) })}
        </Notice>
      )}
      {list.items === null ? (
        list.error === null && <Notice tone="info">{t('common.loading')}</Notice>
      ) : (
        <RectificationTable items={list.items} onOpen={(item) => setOpenId(item.id)} />
      )}
      {rights.decideProposals && meeting.status !== 'draft' && (
        <ProposeFromMaterialButton meetingId={meeting.id} onProposed={list.reload} />
      )}
      {rights.decideProposals && list.proposals.length > 0 && (
        <ProposalList
          meetingId={meeting.id}
          proposals={list.proposals}
          people={people}
          aspects={meeting.aspects}
          onAccepted={(proposal, item) => {
            list.settle(proposal);
            list.put(item);
          }}
          onDropped={list.settle}
        />
      )}
      {creating && (
        <NewRectificationDialog
          meetingId={meeting.id}
          initial={emptyDraft}
          people={people}
          aspects={meeting.aspects}
          onClose={() => setCreating(false)}
          onCreated={(item) => {
            list.put(item);
            setCreating(false);
          }}
        />
      )}
      {openId !== null && (
        <RectificationDrawer
          key={openId}
          itemId={openId}
          rights={{
            edit: rights.edit,
            verify: rights.verify,
            report: open !== null && rights.report(open),
          }}
          people={people}
          aspects={meeting.aspects}
          onClose={() => setOpenId(null)}
          onChanged={list.put}
        />
      )}
    </section>
  );
}
