import type {
  PersonRef,
  RectificationView,
} from '../../../shared/rectifications/rectificationViews.js';
import { useMeeting } from '../meetings/useMeeting.js';
import { RectificationDrawer, type DrawerRights } from './RectificationDrawer.js';
import { rectificationAbilities } from './rectificationAbilities.js';

interface LedgerItemDrawerProps {
  item: RectificationView;
  people: readonly PersonRef[];
  onClose(): void;
  onChanged(item: RectificationView): void;
}

/** Nothing but reading until the item's meeting says what the caller may do. */
const READ_ONLY: DrawerRights = { edit: false, report: false, verify: false };

/**
 * An item opened from the branch ledger: what the caller may do with it comes from its
 * meeting's abilities and the rule book, as on the meeting page; read-only if that meeting
 * cannot be loaded.
 */
export function LedgerItemDrawer({ item, people, onClose, onChanged }: LedgerItemDrawerProps) {
  const meeting = useMeeting(item.meetingId);
  let rights = READ_ONLY;
  if (meeting.data) {
    const abilities = rectificationAbilities(meeting.data);
    rights = {
      edit: abilities.edit,
      verify: abilities.verify,
      report: abilities.report(item),
    };
  }
  return (
    <RectificationDrawer
      itemId={item.id}
      rights={rights}
      people={people}
      aspects={[]}
      onClose={onClose}
      onChanged={onChanged}
    />
  );
}
