import type { MessageKey } from '../../i18n/messages.js';

/** The actions the server records, each with its label; the filter offers them in this order. */
export const knownAuditActions = [
  'login.success',
  'login.failure',
  'login.throttled',
  'account.locked',
  'password.changed',
  'password.change_failed',
  'password.reset',
  'session.ended',
  'sessions.ended',
  'user.created',
  'user.updated',
  'user.disabled',
  'user.enabled',
  'sync.refused',
  'audit.exported',
  'branch.created',
  'branch.member.set',
  'branch.member.removed',
  'template.created',
  'template.deleted',
  'meeting.created',
  'meeting.updated',
  'meeting.participants.set',
  'meeting.status',
] as const;

export type KnownAuditAction = (typeof knownAuditActions)[number];

export function isKnownAuditAction(action: string): action is KnownAuditAction {
  return (knownAuditActions as readonly string[]).includes(action);
}

export function auditActionLabel(action: KnownAuditAction): MessageKey {
  return `audit.action.${action}`;
}
