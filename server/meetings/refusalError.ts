import type { Refusal } from '../../shared/rights/rightsTypes.js';
import { HttpError } from '../http/HttpError.js';

const DEFAULTS: Readonly<Record<Refusal, string>> = {
  unseen: '会议不存在 (no such meeting)',
  forbidden: '您在本次会议中的角色不能进行此操作 (not for your role in this meeting)',
  closed: '会议已结束，须由主持人重新开启后才能修改 (the meeting is closed)',
  notLive: '会议未在进行 (the meeting is not open)',
};

const STATUS: Readonly<Record<Refusal, [number, string]>> = {
  unseen: [404, 'not_found'],
  forbidden: [403, 'forbidden'],
  closed: [409, 'meeting_closed'],
  notLive: [409, 'not_in_progress'],
};

/** The rule book's refusal as the error the routes answer with; `message` says it better. */
export function refusalError(refusal: Refusal, message?: string): HttpError {
  const [status, code] = STATUS[refusal];
  return new HttpError(status, code, message ?? DEFAULTS[refusal]);
}
