import { chineseNumeral } from '../../shared/editor/chineseNumerals.js';
import type { MeetingRole } from '../../shared/meetings/meetingSchemas.js';
import { quorum, type SpeechRecord } from '../../shared/moderation/meetingState.js';
import { speechLabel } from '../../shared/moderation/speechHeadings.js';
import type { MeetingRecord } from './MeetingRecordReader.js';

/** What the branch fills in by hand where the app has no data (征求意见条数, 谈心谈话人次…). */
export const BLANK = '____';

/** `一、`, `二、`… for the n-th (from 1) top-level heading. */
export const sectionNumber = (n: number): string => `${chineseNumeral(n)}、`;
/** `（一）`, `（二）`… */
export const subsectionNumber = (n: number): string => `（${chineseNumeral(n)}）`;

export function nameOf(record: MeetingRecord, userId: number | null): string {
  if (userId === null) return '';
  return record.people.find((p) => p.userId === userId)?.displayName ?? String(userId);
}

export function namesWithRole(record: MeetingRecord, role: MeetingRole): string[] {
  return record.people.filter((p) => p.roles.includes(role)).map((p) => p.displayName);
}

/** Names joined as a list is written in Chinese, or 无. */
export const listOrNone = (names: readonly string[]): string =>
  names.length > 0 ? names.join('、') : '无';

/** `2026年12月20日` in the meetings' time zone. */
export function formatDate(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(ms);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}年${Number(part('month'))}月${Number(part('day'))}日`;
}

/** `09:05`, as the speech headings in the minutes write it (SpeechHeadingWriter). */
export function formatTime(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(ms);
}

/**
 * When the meeting was held: the day with the times of its first and last speech once the log
 * has any, else the scheduled day and time, else a blank.
 */
export function meetingTime(record: MeetingRecord): string {
  const { log } = record.state;
  const tz = record.timeZone;
  const first = log[0];
  const last = log[log.length - 1];
  if (first && last) {
    return `${formatDate(first.startedAt, tz)} ${formatTime(first.startedAt, tz)}—${formatTime(last.endedAt, tz)}`;
  }
  const at = record.meeting.scheduledAt;
  return at === null ? BLANK : `${formatDate(at, tz)} ${formatTime(at, tz)}`;
}

/** The meeting's day, for the report's text and its date line. */
export function meetingDay(record: MeetingRecord): string {
  const at = record.state.log[0]?.startedAt ?? record.meeting.scheduledAt;
  return at === null ? `${BLANK}年${BLANK}月${BLANK}日` : formatDate(at, record.timeZone);
}

export interface Absentee {
  name: string;
  /** 请假 (with leave) or 缺席 (without). */
  status: '请假' | '缺席';
  reason: string;
}

export interface AttendanceFacts {
  expected: number;
  present: number;
  presentNames: string[];
  absentees: Absentee[];
}

/** 应到 / 实到 and who was away, from the attendance the host kept in the moderation state. */
export function attendanceFacts(record: MeetingRecord): AttendanceFacts {
  const { state } = record;
  const q = quorum(state);
  const participants = state.roster.filter((r) => r.roles.includes('participant'));
  const presentNames: string[] = [];
  const absentees: Absentee[] = [];
  for (const { userId } of participants) {
    const entry = state.attendance[userId];
    if (entry?.status === 'present') presentNames.push(nameOf(record, userId));
    else if (entry?.status === 'leave' || entry?.status === 'absent') {
      absentees.push({
        name: nameOf(record, userId),
        status: entry.status === 'leave' ? '请假' : '缺席',
        reason: entry.reason,
      });
    }
  }
  return { expected: q.expected, present: q.present, presentNames, absentees };
}

/** `赵副书记（请假：出差）`; the reason is left out when none was given. */
export function describeAbsentee(a: Absentee): string {
  return a.reason === '' ? `${a.name}（${a.status}）` : `${a.name}（${a.status}：${a.reason}）`;
}

/**
 * What a speech was, as the minutes title it: `王书记 作个人对照检查`, and a criticism as
 * critic → subject: `李记录 → 王书记 批评意见`.
 */
export function speechTitle(
  record: MeetingRecord,
  speech: Pick<SpeechRecord, 'speakerId' | 'kind' | 'subjectId'>,
): string {
  const speaker = nameOf(record, speech.speakerId);
  if (speech.kind === 'criticism' && speech.subjectId !== null) {
    return `${speaker} → ${nameOf(record, speech.subjectId)} 批评意见`;
  }
  return `${speaker} ${speechLabel(speech.kind, record.kind, null)}`;
}

/** The label/value rows both the minutes and the report open with. */
export function basicFields(record: MeetingRecord): [string, string][] {
  const attendance = attendanceFacts(record);
  const { meeting } = record;
  return [
    ['会议名称', meeting.title],
    ...(meeting.theme.trim() === '' ? [] : [['会议主题', meeting.theme] as [string, string]]),
    ['会议时间', meetingTime(record)],
    ['会议地点', meeting.location ?? BLANK],
    ['主持人', listOrNone(namesWithRole(record, 'host'))],
    ['记录人', listOrNone(namesWithRole(record, 'recorder'))],
    ['应到人数', `${attendance.expected}人`],
    ['实到人数', `${attendance.present}人`],
    ['出席人员', listOrNone(attendance.presentNames)],
    ['缺席人员', listOrNone(attendance.absentees.map(describeAbsentee))],
    ['列席人员', listOrNone(namesWithRole(record, 'attendee'))],
    ['督导组', listOrNone(namesWithRole(record, 'supervisor'))],
  ];
}
