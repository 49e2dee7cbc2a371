import type { MeetingDetailView } from '../../../shared/meetings/meetingSchemas.js';
import type { RectificationView } from '../../../shared/rectifications/rectificationViews.js';
import { can } from '../../../shared/rights/can.js';

/**
 * What the caller may do with a meeting's items: the meeting view's abilities, and for one
 * item the rule book the server asks (shared/rights). Only to choose which buttons to show.
 */
export interface RectificationAbilities {
  edit: boolean;
  verify: boolean;
  decideProposals: boolean;
  report(item: RectificationView): boolean;
}

export function rectificationAbilities(meeting: MeetingDetailView): RectificationAbilities {
  const { abilities } = meeting;
  return {
    edit: abilities['rectification.edit'],
    verify: abilities['rectification.verify'],
    decideProposals: abilities['rectification.decideProposals'],
    report: (item) =>
      can(meeting.me, 'rectification.report', {
        meeting,
        item: { ownerUserId: item.owner.id, leaderUserId: item.leader?.id ?? null },
      }),
  };
}
