import type { MeetingKind } from '../meetings/meetingSchemas.js';
import type { MeetingState, Phase } from './meetingState.js';
import type { PhaseKind, SpeechKind } from './moderationSchemas.js';

/** Default speaking times, seconds; the host changes them per meeting. */
export const DEFAULT_LIMITS: Readonly<Record<SpeechKind, number>> = {
  opening: 5 * 60,
  report: 10 * 60,
  presentation: 20 * 60,
  'self-criticism': 10 * 60,
  criticism: 3 * 60,
  response: 3 * 60,
  'self-appraisal': 5 * 60,
  'mutual-appraisal': 3 * 60,
  comment: 10 * 60,
  summary: 10 * 60,
  free: 3 * 60,
};

/** docs/architecture.md §6: the procedure the moderator panel follows, per kind of meeting. */
export function defaultPhases(kind: MeetingKind): Array<{ title: string; kind: PhaseKind }> {
  const team = kind === 'democratic-life' ? '班子' : '支部';
  return [
    { title: '主持人开场', kind: 'opening' },
    { title: '通报整改落实和征求意见情况', kind: 'report' },
    { title: `${team}对照检查`, kind: 'collective' },
    { title: '个人对照检查与相互批评', kind: 'criticism-round' },
    // 组织生活会 appraises its members after the criticism round.
    ...(kind === 'organizational-life'
      ? [{ title: '民主评议党员', kind: 'appraisal' as const }]
      : []),
    { title: '督导组点评', kind: 'supervisor-comments' },
    { title: '主持人总结', kind: 'summary' },
  ];
}

/** A meeting's moderation state before anything happened: the default procedure, nobody in it. */
export function initialMeetingState(kind: MeetingKind): MeetingState {
  const phases: Phase[] = defaultPhases(kind).map((p, i) => ({ ...p, id: `p${i + 1}` }));
  return {
    version: 0,
    kind,
    roster: [],
    speakerOrder: [],
    phases,
    currentPhaseId: null,
    queues: {},
    current: null,
    log: [],
    hands: [],
    attendance: {},
    limits: { ...DEFAULT_LIMITS },
    nextId: phases.length + 1,
  };
}
