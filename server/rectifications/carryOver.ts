import type { JSONContent } from '@tiptap/core';
import type { OpeningSection } from '../../shared/editor/openingStructure.js';
import type { MeetingKind } from '../../shared/meetings/meetingSchemas.js';
import { ModerationLimits } from '../../shared/moderation/moderationSchemas.js';
import { STATUS_LABELS } from '../../shared/rectifications/rectificationCodes.js';
import type { RectificationView } from '../../shared/rectifications/rectificationViews.js';

/** What the carry-over reads of each item of the previous meeting. */
export type CarryOverItem = Pick<
  RectificationView,
  'seq' | 'problem' | 'measures' | 'owner' | 'status' | 'verified' | 'latestProgress'
>;

/** The generated 上年度整改落实情况: the collective material's first section and the 通报 phase's notes. */
export interface CarryOver {
  section: OpeningSection;
  notes: string;
}

export const CARRY_OVER_TITLE = '上年度整改落实情况';

const KIND_LABELS: Readonly<Record<MeetingKind, string>> = {
  'democratic-life': '民主生活会',
  'organizational-life': '组织生活会',
};

// The order the counts are told in: what is finished first, what has not begun last.
const BUCKETS = [
  'verified',
  'done',
  'in-progress',
  'long-term',
  'extension-requested',
  'not-started',
] as const;
type Bucket = (typeof BUCKETS)[number];

const BUCKET_LABELS: Readonly<Record<Bucket, string>> = {
  verified: '已完成并销号',
  done: '已完成待销号',
  'in-progress': STATUS_LABELS['in-progress'],
  'long-term': STATUS_LABELS['long-term'],
  'extension-requested': STATUS_LABELS['extension-requested'],
  'not-started': STATUS_LABELS['not-started'],
};

// Problems are cut to this in the agenda's list; the material has them whole.
const AGENDA_PROBLEM_LENGTH = 60;

/** A closed-off 已完成 item counts as 已完成并销号; a closed-off 长期坚持 one stays 长期坚持. */
function bucketOf(item: CarryOverItem): Bucket {
  return item.verified && item.status === 'done' ? 'verified' : item.status;
}

/** `2025-03-01` → `2025年3月1日`. */
export function chineseDate(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return `${year}年${month}月${date}日`;
}

/** The day of an instant in `timeZone`, as `chineseDate` writes it. */
function dayOf(at: number, timeZone: string): string {
  // en-CA formats a date as YYYY-MM-DD.
  const day = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
  return chineseDate(day);
}

/**
 * Free text as one clause: its lines joined (with ； where a line ends without punctuation) and
 * its closing punctuation dropped, so that the sentence around it can end it.
 */
function clause(text: string): string {
  const lines = text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const joined = lines.reduce(
    (out, line) =>
      out === '' ? line : /[。；！？，、：;!?,:]$/.test(out) ? out + line : `${out}；${line}`,
    '',
  );
  return joined.replace(/[\s。；;，,、]+$/, '');
}

/** `上年度民主生活会共查摆整改事项12项，已完成并销号8项，推进中2项，长期坚持2项。` */
export function carryOverCounts(items: readonly CarryOverItem[], kind: MeetingKind): string {
  const counts = new Map<Bucket, number>();
  for (const item of items) counts.set(bucketOf(item), (counts.get(bucketOf(item)) ?? 0) + 1);
  const parts = BUCKETS.filter((b) => counts.has(b)).map(
    (b) => `${BUCKET_LABELS[b]}${counts.get(b)}项`,
  );
  return `上年度${KIND_LABELS[kind]}共查摆整改事项${items.length}项${parts.map((p) => `，${p}`).join('')}。`;
}

function statusText(item: CarryOverItem, timeZone: string): string {
  const label = STATUS_LABELS[item.status];
  return item.verified ? `${label}，已于${dayOf(item.verified.at, timeZone)}销号` : label;
}

/** One item as the material tells it: problem, measures, owner, status, the latest progress. */
function itemParagraph(item: CarryOverItem, timeZone: string): string {
  const parts = [`问题：${clause(item.problem)}`];
  const measures = clause(item.measures);
  if (measures) parts.push(`整改措施：${measures}`);
  parts.push(`责任人：${item.owner.displayName}`, `状态：${statusText(item, timeZone)}`);
  const progress = item.latestProgress;
  parts.push(
    progress
      ? `最新进展（${chineseDate(progress.notedOn)}）：${clause(progress.note)}`
      : '最新进展：暂无记录',
  );
  return `${item.seq}.${parts.join('。')}。`;
}

/** One item as the agenda lists it: short, for the host to read out from. */
function agendaLine(item: CarryOverItem, timeZone: string): string {
  const problem = clause(item.problem);
  const short =
    problem.length > AGENDA_PROBLEM_LENGTH
      ? `${problem.slice(0, AGENDA_PROBLEM_LENGTH)}…`
      : problem;
  return `${item.seq}.${short}（责任人：${item.owner.displayName}；${statusText(item, timeZone)}）`;
}

/** The counts and the list, cut to what a phase's notes may hold. */
function agendaNotes(counts: string, lines: readonly string[]): string {
  const max = ModerationLimits.maxPhaseNotesLength;
  let notes = counts;
  for (const [i, line] of lines.entries()) {
    const rest = `\n……（其余${lines.length - i}项见对照检查材料）`;
    const last = i === lines.length - 1;
    if (notes.length + 1 + line.length + (last ? 0 : rest.length) > max) return notes + rest;
    notes += `\n${line}`;
  }
  return notes;
}

function paragraph(text: string): JSONContent {
  return { type: 'paragraph', content: [{ type: 'text', text }] };
}

/**
 * The report on the previous meeting's items (by 序号, as given): in the collective material a
 * paragraph of counts by status, then one paragraph an item; in the 通报 phase the same counts
 * and a shorter list. Days are in `timeZone` (the meeting time zone).
 */
export function carryOver(
  items: readonly CarryOverItem[],
  options: { kind: MeetingKind; timeZone: string },
): CarryOver {
  const ordered = [...items].sort((a, b) => a.seq - b.seq);
  const counts = carryOverCounts(ordered, options.kind);
  return {
    section: {
      title: CARRY_OVER_TITLE,
      content: [counts, ...ordered.map((item) => itemParagraph(item, options.timeZone))].map(
        paragraph,
      ),
    },
    notes: agendaNotes(
      counts,
      ordered.map((item) => agendaLine(item, options.timeZone)),
    ),
  };
}
