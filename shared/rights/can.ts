import type { Action, Grant, Rule } from './rightsTable.js';
import { RULES } from './rightsTable.js';
import type { Decision, RightsCaller, RightsSubject } from './rightsTypes.js';
import { WHO } from './rightsWho.js';

const OK: Decision = { ok: true };

/**
 * The answer of the rule book (rightsTable.ts) and, if no, why: its prerequisites first, then
 * whether any grant names the caller, then whether one does in the meeting's status.
 */
export function decide(caller: RightsCaller, action: Action, subject: RightsSubject): Decision {
  const rule: Rule = RULES[action];
  for (const required of rule.requires ?? []) {
    const before = decide(caller, required, subject);
    if (!before.ok) return before;
  }
  const named = rule.grants.filter((g) => applies(g, subject) && WHO[g.who](caller, subject));
  if (named.length === 0) return { ok: false, refusal: rule.whenNobody ?? 'forbidden' };
  const status = subject.meeting?.status;
  const now = named.some((g) => !g.statuses || status === undefined || g.statuses.includes(status));
  return now ? OK : { ok: false, refusal: rule.whenStatus };
}

/** Whether the caller may do it. */
export function can(caller: RightsCaller, action: Action, subject: RightsSubject): boolean {
  return decide(caller, action, subject).ok;
}

/** Whether the grant is about this kind of document and meeting at all. */
function applies(grant: Grant, subject: RightsSubject): boolean {
  if (grant.documents && (!subject.document || !grant.documents.includes(subject.document.kind))) {
    return false;
  }
  if (grant.kinds && (!subject.meeting || !grant.kinds.includes(subject.meeting.kind))) {
    return false;
  }
  return true;
}
