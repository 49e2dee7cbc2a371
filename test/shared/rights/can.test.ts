import { describe, expect, it } from 'vitest';
import type { BranchRole } from '../../../shared/branches/branchSchemas.js';
import type {
  MeetingDocumentKind,
  MeetingKind,
  MeetingRole,
  MeetingStatus,
} from '../../../shared/meetings/meetingSchemas.js';
import { can, decide } from '../../../shared/rights/can.js';
import { commandAction } from '../../../shared/rights/meetingAbilities.js';
import { ACTIONS, RULES } from '../../../shared/rights/rightsTable.js';
import type { RightsCaller } from '../../../shared/rights/rightsTypes.js';

const ME = 7;
const OTHER = 8;

function caller(
  roles: MeetingRole[],
  branchRole: BranchRole | null = 'member',
  isAdmin = false,
): RightsCaller {
  return { userId: ME, isAdmin, branchRole, roles };
}

const meeting = (status: MeetingStatus, kind: MeetingKind = 'democratic-life') => ({
  kind,
  status,
});
const doc = (kind: MeetingDocumentKind, ownerId: number | null = null) => ({ kind, ownerId });

describe('the rule book', () => {
  it('names only actions it defines as prerequisites', () => {
    for (const action of ACTIONS) {
      for (const required of RULES[action].requires ?? []) {
        expect([action, ACTIONS.includes(required)]).toEqual([action, true]);
      }
    }
  });

  it('lets branch members see a meeting but only the people in it read it', () => {
    const member = caller([]);
    const open = { meeting: meeting('open') };
    expect(can(member, 'meeting.see', open)).toBe(true);
    expect(decide(member, 'meeting.readContent', open)).toEqual({
      ok: false,
      refusal: 'forbidden',
    });
    expect(decide(member, 'export.meeting', open)).toEqual({ ok: false, refusal: 'forbidden' });
    expect(decide(caller([], null), 'export.meeting', open)).toEqual({
      ok: false,
      refusal: 'unseen',
    });
    expect(can(caller(['attendee']), 'export.meeting', open)).toBe(true);
  });

  it('shows site admins the meeting, never its content unless they are in it', () => {
    const admin = caller([], null, true);
    expect(can(admin, 'meeting.see', { meeting: meeting('draft') })).toBe(true);
    expect(
      decide(admin, 'document.read', { meeting: meeting('open'), document: doc('minutes') }),
    ).toEqual({ ok: false, refusal: 'forbidden' });
    expect(
      can({ ...admin, roles: ['participant'] }, 'speeches.read', { meeting: meeting('open') }),
    ).toBe(true);
  });

  it('keeps a draft to its managers; its content to its hosts', () => {
    const draft = { meeting: meeting('draft'), document: doc('collective') };
    expect(decide(caller(['participant']), 'meeting.see', draft)).toEqual({
      ok: false,
      refusal: 'unseen',
    });
    expect(can(caller(['host']), 'document.write', draft)).toBe(true);
    expect(decide(caller([], 'secretary'), 'document.read', draft)).toEqual({
      ok: false,
      refusal: 'forbidden',
    });
  });

  it('follows the document rules of docs/permissions.md, and a closed meeting is read-only', () => {
    const write = (c: RightsCaller, d: ReturnType<typeof doc>, m = meeting('open')) =>
      can(c, 'document.write', { meeting: m, document: d });
    const participant = caller(['participant']);
    expect(write(participant, doc('collective'))).toBe(true);
    expect(write(participant, doc('collective'), meeting('open', 'organizational-life'))).toBe(
      false,
    );
    expect(
      write(
        caller(['participant'], 'committee'),
        doc('collective'),
        meeting('open', 'organizational-life'),
      ),
    ).toBe(true);
    expect(write(participant, doc('self', ME))).toBe(true);
    expect(write(participant, doc('self', OTHER))).toBe(false);
    expect(write(participant, doc('critique', OTHER))).toBe(true);
    expect(write(participant, doc('critique', ME))).toBe(false);
    expect(write(caller(['recorder']), doc('minutes'))).toBe(true);
    expect(write(participant, doc('minutes'))).toBe(false);
    expect(
      can(participant, 'document.read', {
        meeting: meeting('open'),
        document: doc('notes', OTHER),
      }),
    ).toBe(false);
    expect(
      decide(participant, 'document.write', {
        meeting: meeting('closed'),
        document: doc('self', ME),
      }),
    ).toEqual({ ok: false, refusal: 'closed' });
    expect(
      can(participant, 'document.read', { meeting: meeting('closed'), document: doc('self', ME) }),
    ).toBe(true);
  });

  it('gives moderation commands by role while the meeting is prepared or held', () => {
    const open = { meeting: meeting('in-progress') };
    expect(can(caller(['host']), commandAction('startPhase'), open)).toBe(true);
    expect(can(caller(['recorder']), commandAction('startSpeech'), open)).toBe(true);
    expect(decide(caller(['recorder']), commandAction('startPhase'), open)).toEqual({
      ok: false,
      refusal: 'forbidden',
    });
    expect(can(caller(['participant']), commandAction('raiseHand'), open)).toBe(true);
    expect(can(caller(['attendee']), commandAction('raiseHand'), open)).toBe(false);
    expect(
      decide(caller(['host']), commandAction('startPhase'), { meeting: meeting('closed') }),
    ).toEqual({ ok: false, refusal: 'notLive' });
  });

  it('decides rectification items by role and by the item', () => {
    const m = meeting('closed');
    const item = { ownerUserId: ME, leaderUserId: null };
    expect(can(caller([], 'committee'), 'rectification.read', { meeting: m })).toBe(true);
    expect(decide(caller([], 'member'), 'rectification.read', { meeting: m })).toEqual({
      ok: false,
      refusal: 'forbidden',
    });
    expect(can(caller(['participant']), 'rectification.report', { meeting: m, item })).toBe(true);
    expect(
      can(caller(['participant']), 'rectification.report', {
        meeting: m,
        item: { ...item, ownerUserId: OTHER },
      }),
    ).toBe(false);
    expect(can(caller(['recorder']), 'rectification.edit', { meeting: m })).toBe(true);
    expect(can(caller([], 'deputy'), 'rectification.verify', { meeting: m })).toBe(true);
    expect(
      can(caller(['participant']), 'rectification.propose', {
        meeting: m,
        document: doc('self', ME),
      }),
    ).toBe(true);
    expect(
      can(caller(['participant']), 'rectification.propose', {
        meeting: m,
        document: doc('collective'),
      }),
    ).toBe(false);
    expect(can(caller([], 'committee'), 'ledger.readBranch', {})).toBe(true);
    expect(can(caller([], 'member'), 'ledger.readBranch', {})).toBe(false);
  });
});
