import { describe, expect, it } from 'vitest';
import type { MeetingState, RosterEntry } from '../../../shared/moderation/meetingState.js';
import { quorum, speechRemainingMs } from '../../../shared/moderation/meetingState.js';
import {
  moderationCommandSchema,
  type ModerationCommand,
} from '../../../shared/moderation/moderationSchemas.js';
import { initialMeetingState } from '../../../shared/moderation/procedures.js';
import { reduceMeeting, type AppliedCommand } from '../../../shared/moderation/reduceMeeting.js';

const HOST = 1;

/** A host who is also the secretary and a participant, participants 2..n, a recorder, a supervisor. */
function roster(participants: number): RosterEntry[] {
  return [
    { userId: HOST, roles: ['host', 'participant'], isSecretary: true },
    ...Array.from({ length: participants - 1 }, (_, i) => ({
      userId: i + 2,
      roles: i === 0 ? (['recorder', 'participant'] as const) : (['participant'] as const),
      isSecretary: false,
    })).map((r) => ({ ...r, roles: [...r.roles] })),
    { userId: 90, roles: ['supervisor'], isSecretary: false },
    { userId: 91, roles: ['attendee'], isSecretary: false },
  ];
}

/** Applies commands in order from `by` at one-second steps, failing on the first refusal. */
function run(
  state: MeetingState,
  commands: AppliedCommand[],
  by = HOST,
  start = 1_000_000,
): MeetingState {
  return commands.reduce((s, c, i) => {
    const result = reduceMeeting(s, c, { by, at: start + i * 1000 });
    if (!result.ok) throw new Error(`${c.type}: ${result.error.code}`);
    return result.state;
  }, state);
}

function refused(state: MeetingState, command: AppliedCommand, by = HOST): string {
  const result = reduceMeeting(state, command, { by, at: 2_000_000 });
  if (result.ok) throw new Error(`${command.type} was applied`);
  return result.error.code;
}

const cmd = (c: unknown): ModerationCommand => moderationCommandSchema.parse(c);

function withPeople(n: number): MeetingState {
  return run(initialMeetingState('democratic-life'), [{ type: 'setRoster', roster: roster(n) }]);
}

const phaseOf = (s: MeetingState, kind: string): string =>
  s.phases.find((p) => p.kind === kind)!.id;

/** The criticism round as "speaker kind subject" lines. */
function roundLines(s: MeetingState): string[] {
  return (s.queues[phaseOf(s, 'criticism-round')] ?? []).map(
    (p) => `${p.speakerId} ${p.kind}${p.subjectId === null ? '' : ` ${p.subjectId}`}`,
  );
}

describe('the moderation reducer', () => {
  it('starts from the procedure of docs/architecture.md §6 and counts every applied command', () => {
    const s = withPeople(3);
    expect(s.phases.map((p) => p.title)).toEqual([
      '主持人开场',
      '通报整改落实和征求意见情况',
      '班子对照检查',
      '个人对照检查与相互批评',
      '督导组点评',
      '主持人总结',
    ]);
    expect(s.version).toBe(1);
    expect(initialMeetingState('organizational-life').phases[2]!.title).toBe('支部对照检查');
  });

  it('in a 组织生活会, appraises the members present after the criticism round', () => {
    const olm = run(initialMeetingState('organizational-life'), [
      { type: 'setRoster', roster: roster(3) },
    ]);
    expect(olm.phases.map((p) => p.kind)).toEqual([
      'opening',
      'report',
      'collective',
      'criticism-round',
      'appraisal',
      'supervisor-comments',
      'summary',
    ]);
    const appraisal = phaseOf(olm, 'appraisal');
    const s = run(olm, [
      cmd({ type: 'setAttendance', userId: 3, status: 'absent', reason: '' }),
      cmd({ type: 'startPhase', phaseId: appraisal }),
      cmd({ type: 'startSpeech' }),
    ]);
    const lines = (s.queues[appraisal] ?? []).map((p) => `${p.speakerId} ${p.kind}`);
    // The secretary's self-appraisal is under way; the absent member 3 has no turn.
    expect(s.current).toMatchObject({ speakerId: HOST, kind: 'self-appraisal' });
    expect(lines).toEqual(['2 self-appraisal', `${HOST} mutual-appraisal`, '2 mutual-appraisal']);
    expect(s.current?.limitSeconds).toBe(5 * 60);
  });

  it('generates the criticism round for 3 participants: self-criticism, each other criticises, response', () => {
    const s = run(withPeople(3), [cmd({ type: 'startPhase', phaseId: 'p4' })]);
    expect(roundLines(s)).toEqual([
      '1 self-criticism',
      '2 criticism 1',
      '3 criticism 1',
      '1 response',
      '2 self-criticism',
      '1 criticism 2',
      '3 criticism 2',
      '2 response',
      '3 self-criticism',
      '1 criticism 3',
      '2 criticism 3',
      '3 response',
    ]);
  });

  it("for 5 participants follows the host's order after the secretary, and leaves absentees out", () => {
    const s = run(withPeople(5), [
      cmd({ type: 'setSpeakerOrder', userIds: [5, 4, 3, 2] }),
      cmd({ type: 'setAttendance', userId: 3, status: 'leave', reason: '出差' }),
      cmd({ type: 'startPhase', phaseId: 'p4' }),
    ]);
    const lines = roundLines(s);
    // 4 present subjects, each with self-criticism, 3 criticisms and a response.
    expect(lines).toHaveLength(4 * 5);
    expect(lines.filter((l) => l.endsWith('self-criticism'))).toEqual([
      '1 self-criticism',
      '5 self-criticism',
      '4 self-criticism',
      '2 self-criticism',
    ]);
    expect(lines.some((l) => l.startsWith('3 ') || l.endsWith(' 3'))).toBe(false);
  });

  it('for 12 participants gives each 11 criticisms, and drops someone marked absent mid-round', () => {
    let s = run(withPeople(12), [cmd({ type: 'startPhase', phaseId: 'p4' })]);
    expect(roundLines(s)).toHaveLength(12 * 13);
    for (let subject = 1; subject <= 12; subject++) {
      expect(roundLines(s).filter((l) => l.endsWith(` criticism ${subject}`))).toHaveLength(11);
    }
    s = run(s, [cmd({ type: 'setAttendance', userId: 7, status: 'absent' })]);
    expect(roundLines(s)).toHaveLength(11 * 12);
    expect(s.attendance[7]).toEqual({ status: 'absent', reason: '', signedInAt: null });
  });

  it('runs speeches: start takes the next in order, pauses do not count, end logs it with overtime', () => {
    let s = run(withPeople(3), [cmd({ type: 'startPhase', phaseId: 'p4' })], HOST, 0);
    s = reduceOk(s, cmd({ type: 'startSpeech' }), 10_000);
    expect(s.current).toMatchObject({
      speakerId: 1,
      kind: 'self-criticism',
      startedAt: 10_000,
      limitSeconds: 600,
    });
    s = reduceOk(s, cmd({ type: 'pauseSpeech' }), 70_000);
    expect(speechRemainingMs(s.current!, 100_000)).toBe(600_000 - 60_000);
    s = reduceOk(s, cmd({ type: 'resumeSpeech' }), 130_000);
    s = reduceOk(s, cmd({ type: 'endSpeech' }), 730_000);
    expect(s.current).toBeNull();
    // 720 s on the clock, 60 of them paused: 660 s spoken, 60 s over the 600 s limit.
    expect(s.log[0]).toMatchObject({
      speakerId: 1,
      durationMs: 660_000,
      overtimeMs: 60_000,
      endedAt: 730_000,
    });
    expect(roundLines(s)[0]).toBe('2 criticism 1');
  });

  it('lets the host start a chosen speech, insert, move, remove and repeat speeches', () => {
    let s = run(withPeople(3), [cmd({ type: 'startPhase', phaseId: 'p4' })]);
    const queue = () => s.queues.p4!;
    const third = queue()[2]!;
    s = run(s, [cmd({ type: 'moveSpeech', phaseId: 'p4', speechId: third.id, toIndex: 0 })]);
    expect(queue()[0]).toEqual(third);
    s = run(s, [cmd({ type: 'removeSpeech', phaseId: 'p4', speechId: third.id })]);
    expect(queue().map((p) => p.id)).not.toContain(third.id);
    s = run(s, [
      cmd({
        type: 'insertSpeech',
        phaseId: 'p4',
        index: 1,
        speech: { speakerId: 91, kind: 'free' },
      }),
    ]);
    expect(queue()[1]).toMatchObject({ speakerId: 91, kind: 'free', subjectId: null });
    const chosen = queue()[1]!;
    s = run(s, [cmd({ type: 'startSpeech', speechId: chosen.id }), cmd({ type: 'endSpeech' })]);
    expect(s.log.at(-1)!.id).toBe(chosen.id);
    s = run(s, [cmd({ type: 'repeatSpeech', speechId: chosen.id })]);
    expect(queue()[0]).toMatchObject({ speakerId: 91, kind: 'free' });
    expect(queue()[0]!.id).not.toBe(chosen.id);
  });

  it('regenerates an order without the speeches already given', () => {
    let s = run(withPeople(3), [cmd({ type: 'startPhase', phaseId: 'p4' })]);
    s = run(s, [
      cmd({ type: 'startSpeech' }),
      cmd({ type: 'endSpeech' }),
      cmd({ type: 'regenerateOrder', phaseId: 'p4' }),
    ]);
    expect(roundLines(s)).toHaveLength(11);
    expect(roundLines(s)[0]).toBe('2 criticism 1');
  });

  it("takes a raised hand into the order before the subject's response, or dismisses it", () => {
    let s = run(withPeople(4), [
      cmd({ type: 'startPhase', phaseId: 'p4' }),
      cmd({ type: 'startSpeech' }),
    ]);
    s = run(s, [cmd({ type: 'raiseHand', purpose: 'criticism', subjectId: 1 })], 3);
    s = run(s, [cmd({ type: 'raiseHand', purpose: 'speak' })], 4);
    expect(s.hands.map((h) => h.userId)).toEqual([3, 4]);
    s = run(s, [cmd({ type: 'acceptHand', userId: 3 }), cmd({ type: 'dismissHand', userId: 4 })]);
    expect(s.hands).toEqual([]);
    const lines = roundLines(s);
    // An added criticism: 3 speaks about 1 a second time, right before 1 responds.
    expect(lines.lastIndexOf('3 criticism 1')).toBe(lines.indexOf('1 response') - 1);
    expect(lines.filter((l) => l === '3 criticism 1')).toHaveLength(2);
    // Lowering one's own hand.
    s = run(s, [cmd({ type: 'raiseHand', purpose: 'speak' })], 2);
    s = run(s, [cmd({ type: 'lowerHand' })], 2);
    expect(s.hands).toEqual([]);
  });

  it('keeps attendance: sign-in, leave with a reason, and the two-thirds quorum', () => {
    let s = withPeople(6);
    expect(quorum(s)).toEqual({ expected: 6, present: 0, enough: false });
    for (const user of [1, 2, 3]) s = run(s, [cmd({ type: 'signIn' })], user, 5000);
    expect(s.attendance[2]).toEqual({ status: 'present', reason: '', signedInAt: 5000 });
    expect(quorum(s).enough).toBe(false);
    s = run(s, [cmd({ type: 'setAttendance', userId: 4, status: 'present' })]);
    expect(quorum(s)).toEqual({ expected: 6, present: 4, enough: true });
    s = run(s, [cmd({ type: 'setAttendance', userId: 5, status: 'leave', reason: '病假' })]);
    expect(s.attendance[5]).toEqual({ status: 'leave', reason: '病假', signedInAt: null });
  });

  it('edits the procedure and the limits, which apply to the next speech', () => {
    let s = run(withPeople(3), [
      cmd({
        type: 'setPhases',
        phases: [
          { id: 'p1', title: '开场', kind: 'opening' },
          { title: '学习', kind: 'other' },
        ],
      }),
      cmd({ type: 'setLimit', kind: 'opening', seconds: 120 }),
      cmd({ type: 'startPhase', phaseId: 'p1' }),
      cmd({ type: 'startSpeech' }),
    ]);
    expect(s.phases.map((p) => p.title)).toEqual(['开场', '学习']);
    expect(s.phases[1]!.id).toMatch(/^p\d+$/);
    expect(s.current).toMatchObject({ speakerId: HOST, kind: 'opening', limitSeconds: 120 });
    s = run(s, [cmd({ type: 'extendSpeech', seconds: 60 })]);
    expect(s.current!.limitSeconds).toBe(180);
  });

  it('generates the other phases from the roles: host, secretary, supervisors', () => {
    const s = run(
      withPeople(3),
      ['p1', 'p2', 'p3', 'p5', 'p6'].map((phaseId) => cmd({ type: 'startPhase', phaseId })),
    );
    const line = (id: string) => s.queues[id]!.map((p) => `${p.speakerId} ${p.kind}`);
    expect([line('p1'), line('p2'), line('p3'), line('p5'), line('p6')]).toEqual([
      ['1 opening'],
      ['1 report'],
      ['1 presentation'],
      ['90 comment'],
      ['1 summary'],
    ]);
  });

  it('drops people who leave the meeting from orders, hands and attendance', () => {
    let s = run(withPeople(4), [
      cmd({ type: 'setAttendance', userId: 4, status: 'present' }),
      cmd({ type: 'startPhase', phaseId: 'p4' }),
    ]);
    s = run(s, [cmd({ type: 'raiseHand', purpose: 'speak' })], 4);
    s = run(s, [{ type: 'setRoster', roster: roster(3) }]);
    expect(roundLines(s).some((l) => l.startsWith('4 ') || l.endsWith(' 4'))).toBe(false);
    expect(s.hands).toEqual([]);
    expect(s.attendance[4]).toBeUndefined();
  });

  it('refuses every transition that does not apply, with its code', () => {
    const fresh = withPeople(3);
    const running = run(fresh, [
      cmd({ type: 'startPhase', phaseId: 'p4' }),
      cmd({ type: 'startSpeech' }),
    ]);
    const paused = run(running, [cmd({ type: 'pauseSpeech' })]);
    expect([
      refused(fresh, cmd({ type: 'startSpeech' })),
      refused(fresh, cmd({ type: 'repeatSpeech', speechId: 's1' })),
      refused(fresh, cmd({ type: 'startPhase', phaseId: 'p99' })),
      refused(fresh, cmd({ type: 'regenerateOrder', phaseId: 'p99' })),
      refused(
        fresh,
        cmd({
          type: 'insertSpeech',
          phaseId: 'p99',
          index: 0,
          speech: { speakerId: 1, kind: 'free' },
        }),
      ),
      refused(
        fresh,
        cmd({
          type: 'insertSpeech',
          phaseId: 'p1',
          index: 0,
          speech: { speakerId: 77, kind: 'free' },
        }),
      ),
      refused(fresh, cmd({ type: 'moveSpeech', phaseId: 'p1', speechId: 'nope', toIndex: 0 })),
      refused(fresh, cmd({ type: 'removeSpeech', phaseId: 'p1', speechId: 'nope' })),
      refused(fresh, cmd({ type: 'endSpeech' })),
      refused(fresh, cmd({ type: 'pauseSpeech' })),
      refused(fresh, cmd({ type: 'resumeSpeech' })),
      refused(fresh, cmd({ type: 'extendSpeech', seconds: 60 })),
      refused(fresh, cmd({ type: 'setSpeakerOrder', userIds: [90] })),
      refused(fresh, cmd({ type: 'lowerHand' })),
      refused(fresh, cmd({ type: 'acceptHand', userId: 2 })),
      refused(fresh, cmd({ type: 'dismissHand', userId: 2 })),
      refused(fresh, cmd({ type: 'signIn' }), 77),
      refused(fresh, cmd({ type: 'raiseHand', purpose: 'speak' }), 77),
      refused(fresh, cmd({ type: 'raiseHand', purpose: 'criticism', subjectId: 77 }), 2),
      refused(fresh, cmd({ type: 'setAttendance', userId: 77, status: 'present' })),
      refused(running, cmd({ type: 'startSpeech' })),
      refused(running, cmd({ type: 'startPhase', phaseId: 'p5' })),
      refused(running, cmd({ type: 'resumeSpeech' })),
      refused(
        run(fresh, [cmd({ type: 'startPhase', phaseId: 'p4' })]),
        cmd({ type: 'startSpeech', speechId: 'nope' }),
      ),
      refused(paused, cmd({ type: 'pauseSpeech' })),
      refused(running, cmd({ type: 'setPhases', phases: [{ title: '只剩一个', kind: 'other' }] })),
      refused(
        fresh,
        cmd({
          type: 'setPhases',
          phases: [
            { id: 'a', title: 'x', kind: 'other' },
            { id: 'a', title: 'y', kind: 'other' },
          ],
        }),
      ),
    ]).toEqual([
      'no_phase',
      'no_phase',
      'unknown_phase',
      'unknown_phase',
      'unknown_phase',
      'unknown_user',
      'unknown_speech',
      'unknown_speech',
      'no_speech',
      'no_speech',
      'no_speech',
      'no_speech',
      'unknown_user',
      'no_hand',
      'no_hand',
      'no_hand',
      'unknown_user',
      'unknown_user',
      'unknown_user',
      'unknown_user',
      'speech_in_progress',
      'speech_in_progress',
      'not_paused',
      'unknown_speech',
      'already_paused',
      'phase_in_use',
      'invalid_command',
    ]);
    const empty = run(fresh, [
      cmd({ type: 'setPhases', phases: [{ id: 'x', title: '自由', kind: 'other' }] }),
      cmd({ type: 'startPhase', phaseId: 'x' }),
    ]);
    expect(refused(empty, cmd({ type: 'startSpeech' }))).toBe('empty_order');
  });

  it('applies every command in every phase of the procedure', () => {
    const start = withPeople(4);
    for (const phase of start.phases) {
      let s = run(start, [cmd({ type: 'startPhase', phaseId: phase.id })]);
      const applied: string[] = [];
      const step = (c: unknown, by = HOST): void => {
        const command = cmd(c);
        const result = reduceMeeting(s, command, { by, at: 3_000_000 + applied.length * 1000 });
        if (!result.ok) throw new Error(`${phase.title}: ${command.type} → ${result.error.code}`);
        expect(result.state.version).toBe(s.version + 1);
        s = result.state;
        applied.push(command.type);
      };
      step({
        type: 'insertSpeech',
        phaseId: phase.id,
        index: 0,
        speech: { speakerId: 2, kind: 'free' },
      });
      step({
        type: 'moveSpeech',
        phaseId: phase.id,
        speechId: s.queues[phase.id]![0]!.id,
        toIndex: 0,
      });
      step({ type: 'startSpeech' });
      step({ type: 'pauseSpeech' });
      step({ type: 'resumeSpeech' });
      step({ type: 'extendSpeech', seconds: 60 });
      step({ type: 'endSpeech' });
      step({ type: 'repeatSpeech', speechId: s.log.at(-1)!.id });
      step({ type: 'removeSpeech', phaseId: phase.id, speechId: s.queues[phase.id]![0]!.id });
      step({ type: 'setSpeakerOrder', userIds: [4, 3, 2] });
      step({ type: 'regenerateOrder', phaseId: phase.id });
      step({ type: 'setLimit', kind: 'free', seconds: 120 });
      step({ type: 'raiseHand', purpose: 'criticism', subjectId: 1 }, 2);
      step({ type: 'acceptHand', userId: 2 });
      step({ type: 'raiseHand', purpose: 'speak' }, 3);
      step({ type: 'dismissHand', userId: 3 });
      step({ type: 'raiseHand', purpose: 'speak' }, 4);
      step({ type: 'lowerHand' }, 4);
      step({ type: 'signIn' }, 2);
      step({ type: 'setAttendance', userId: 3, status: 'leave', reason: '请假' });
      step({ type: 'setPhases', phases: s.phases });
      step({ type: 'startPhase', phaseId: phase.id });
      expect(new Set(applied).size).toBe(moderationCommandSchema.options.length);
    }
  });

  it('never changes the state it was given', () => {
    const s = withPeople(3);
    const frozen = JSON.stringify(s);
    run(s, [
      cmd({ type: 'startPhase', phaseId: 'p4' }),
      cmd({ type: 'startSpeech' }),
      cmd({ type: 'endSpeech' }),
    ]);
    expect(JSON.stringify(s)).toBe(frozen);
  });
});

function reduceOk(s: MeetingState, c: AppliedCommand, at: number, by = HOST): MeetingState {
  const result = reduceMeeting(s, c, { by, at });
  if (!result.ok) throw new Error(result.error.code);
  return result.state;
}
