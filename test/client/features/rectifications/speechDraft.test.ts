import { describe, expect, it } from 'vitest';
import type { MeetingDetailView } from '../../../../shared/meetings/meetingSchemas.js';
import type { CurrentSpeech, MeetingState } from '../../../../shared/moderation/meetingState.js';
import { initialMeetingState } from '../../../../shared/moderation/procedures.js';
import { meetingAbilities } from '../../../../shared/rights/meetingAbilities.js';
import { speechDraft } from '../../../../client/features/rectifications/speechDraft.js';

const meeting: MeetingDetailView = {
  id: 1,
  branchId: 1,
  branchName: '第一党支部',
  kind: 'democratic-life',
  title: '2024年度民主生活会',
  year: 2024,
  theme: '',
  aspects: ['理论学习', '担当作为'],
  scheduledAt: null,
  location: null,
  status: 'in-progress',
  templateId: null,
  previousMeetingId: null,
  createdAt: 0,
  updatedAt: 0,
  participants: [],
  documents: [],
  myRoles: ['host'],
  canManage: true,
  me: { userId: 1, isAdmin: false, branchRole: 'secretary', roles: ['host'] },
  abilities: meetingAbilities(
    { userId: 1, isAdmin: false, branchRole: 'secretary', roles: ['host'] },
    { kind: 'democratic-life', status: 'in-progress' },
  ),
};

const state: MeetingState = {
  ...initialMeetingState('democratic-life'),
  phases: [
    { id: 'p1', title: '个人对照检查与相互批评', kind: 'criticism-round' },
    { id: 'p2', title: '围绕理论学习查摆', kind: 'other' },
  ],
};

function speech(fields: Partial<CurrentSpeech>): CurrentSpeech {
  return {
    id: 's1',
    phaseId: 'p1',
    speakerId: 7,
    kind: 'self-criticism',
    subjectId: null,
    startedAt: 0,
    limitSeconds: 600,
    pausedAt: null,
    pausedMs: 0,
    ...fields,
  };
}

describe('an item recorded from the current speech', () => {
  it('is the speaker’s own in a self-criticism, found by 自查', () => {
    const draft = speechDraft(meeting, state, speech({}));
    expect(draft).toMatchObject({ ownerUserId: 7, source: 'self-check', aspect: '' });
  });

  it('is the criticised member’s in a criticism, found by 相互批评', () => {
    const draft = speechDraft(meeting, state, speech({ kind: 'criticism', subjectId: 9 }));
    expect(draft).toMatchObject({ ownerUserId: 9, source: 'mutual-criticism' });
  });

  it('comes from 督导点评 when a supervisor comments', () => {
    expect(speechDraft(meeting, state, speech({ kind: 'comment' })).source).toBe('supervisor');
  });

  it('takes the aspect a phase’s title names', () => {
    expect(speechDraft(meeting, state, speech({ phaseId: 'p2' })).aspect).toBe('理论学习');
  });
});
