import { describe, expect, it } from 'vitest';
import type { MeetingDetailView, MeetingRole } from '../../../../shared/meetings/meetingSchemas.js';
import type { BranchRole } from '../../../../shared/branches/branchSchemas.js';
import { mayImportInto, mayProposeFrom } from '../../../../client/features/import/importTarget.js';

/** As much of a meeting view as the rule book reads: user 7 in meeting 3, being prepared. */
function meetingAs(roles: MeetingRole[], branchRole: BranchRole = 'member'): MeetingDetailView {
  return {
    id: 3,
    kind: 'democratic-life',
    status: 'open',
    me: { userId: 7, isAdmin: false, branchRole, roles },
  } as unknown as MeetingDetailView;
}

describe('where the document page offers 导入材料', () => {
  it('offers it on the collective material and on one’s own, nowhere else', () => {
    const participant = meetingAs(['participant']);
    expect(mayImportInto(participant, 'm/3/collective')).toBe(true);
    expect(mayImportInto(participant, 'm/3/self/7')).toBe(true);
    for (const name of ['m/3/self/8', 'm/3/minutes', 'm/3/critique/7', 'm/3/notes/7', 'junk']) {
      expect([name, mayImportInto(participant, name)]).toEqual([name, false]);
    }
  });

  it('not once the meeting is closed', () => {
    const closed = { ...meetingAs(['participant']), status: 'closed' } as MeetingDetailView;
    expect(mayImportInto(closed, 'm/3/collective')).toBe(false);
  });

  it('proposes measures from one’s own material, and from any for the meeting’s managers', () => {
    expect(mayProposeFrom(meetingAs(['participant']), 'm/3/self/7')).toBe(true);
    expect(mayProposeFrom(meetingAs(['participant']), 'm/3/collective')).toBe(false);
    expect(mayProposeFrom(meetingAs(['host', 'participant']), 'm/3/collective')).toBe(true);
  });
});
