import { MeetingLimits, type MeetingView } from '../../../shared/meetings/meetingSchemas.js';
import type { MeetingTemplate } from '../../../shared/meetings/meetingTemplates.js';
import type { MessageKey } from '../../i18n/messages.js';
import { fromDateTimeLocal, toDateTimeLocal } from './meetingTime.js';

/** A meeting's details as the form holds them: strings, as the inputs give them. */
export interface MeetingDraft {
  title: string;
  year: string;
  theme: string;
  aspects: string[];
  /** A `datetime-local` value, or '' for not yet fixed. */
  scheduledAt: string;
  location: string;
}

/** The details as the API takes them. */
export interface MeetingFields {
  title: string;
  year: number;
  theme: string;
  aspects: string[];
  scheduledAt: string | null;
  location: string | null;
}

export function emptyDraft(now = new Date()): MeetingDraft {
  return {
    title: '',
    year: String(now.getFullYear()),
    theme: '',
    aspects: [],
    scheduledAt: '',
    location: '',
  };
}

/** A template fills what it knows (name, year, theme, aspects); time and place stay. */
export function draftFromTemplate(template: MeetingTemplate, draft: MeetingDraft): MeetingDraft {
  return {
    ...draft,
    title: template.name,
    year: String(template.year),
    theme: template.theme,
    aspects: [...template.aspects],
  };
}

export function draftFromMeeting(meeting: MeetingView): MeetingDraft {
  return {
    title: meeting.title,
    year: String(meeting.year),
    theme: meeting.theme,
    aspects: [...meeting.aspects],
    scheduledAt: meeting.scheduledAt === null ? '' : toDateTimeLocal(meeting.scheduledAt),
    location: meeting.location ?? '',
  };
}

/** What stops the draft from being saved, in the server's own rules, as messages. */
export function draftProblems(draft: MeetingDraft): MessageKey[] {
  const problems: MessageKey[] = [];
  const title = draft.title.trim();
  if (title === '' || title.length > MeetingLimits.maxTitleLength) {
    problems.push('meetingForm.problem.title');
  }
  const year = Number(draft.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    problems.push('meetingForm.problem.year');
  }
  const aspects = draft.aspects.map((a) => a.trim());
  if (aspects.some((a) => a === '')) problems.push('meetingForm.problem.aspectEmpty');
  if (aspects.some((a) => a.length > MeetingLimits.maxAspectLength)) {
    problems.push('meetingForm.problem.aspectTooLong');
  }
  if (new Set(aspects).size !== aspects.length) {
    problems.push('meetingForm.problem.aspectDuplicate');
  }
  if (draft.scheduledAt !== '' && fromDateTimeLocal(draft.scheduledAt) === null) {
    problems.push('meetingForm.problem.time');
  }
  return problems;
}

export function draftToFields(draft: MeetingDraft): MeetingFields {
  const location = draft.location.trim();
  return {
    title: draft.title.trim(),
    year: Number(draft.year),
    theme: draft.theme.trim(),
    aspects: draft.aspects.map((a) => a.trim()),
    scheduledAt: draft.scheduledAt === '' ? null : fromDateTimeLocal(draft.scheduledAt),
    location: location === '' ? null : location,
  };
}
