import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { httpStatus } from '../../../server/http/httpStatus.js';
import { DomainError } from '../../../shared/errors/DomainError.js';
import { errorBody } from '../../../shared/errors/errorBody.js';
import {
  errorCodeOf,
  errorMessage,
  errorMessages,
  isErrorKey,
  type ErrorKey,
} from '../../../shared/errors/errorMessages.js';
import { foreignWords, placeholders } from './latinWords.js';

const keys = Object.keys(errorMessages) as ErrorKey[];

describe('the error catalog', () => {
  it('has a message in both languages for every key', () => {
    const empty = keys.filter((k) => !errorMessages[k].zh.trim() || !errorMessages[k].en.trim());
    expect(empty).toEqual([]);
    expect(keys.length).toBeGreaterThan(100);
  });

  it('writes its Chinese messages without English words', () => {
    const mixed = keys
      .map((k) => ({ key: k, words: foreignWords(errorMessages[k].zh) }))
      .filter((m) => m.words.length > 0);
    expect(mixed).toEqual([]);
  });

  it('fills in Chinese only values the English message has too', () => {
    // The English message may say more (ids, a parser's detail) for API users; never less.
    const extra = keys.filter((k) => {
      const en = new Set(placeholders(errorMessages[k].en));
      return placeholders(errorMessages[k].zh).some((p) => !en.has(p));
    });
    expect(extra).toEqual([]);
  });

  it('gives every code one HTTP status, and none to codes it does not have', () => {
    const codes = [...new Set(keys.map(errorCodeOf))].sort();
    expect(Object.keys(httpStatus).sort()).toEqual(codes);
    for (const status of Object.values(httpStatus)) {
      expect(status >= 400 && status < 600).toBe(true);
    }
  });

  it('is listed in docs/api.md, every code with its status', () => {
    const doc = readFileSync(new URL('../../../docs/api.md', import.meta.url), 'utf8');
    const listed = new Map(
      [...doc.matchAll(/^\| (\d{3}) +\| `([a-z_]+)`/gm)].map((m) => [m[2], Number(m[1])]),
    );
    expect(Object.fromEntries(listed)).toEqual(httpStatus);
  });

  it('keys variants under their code, so a client that knows only the code still reads it', () => {
    const orphans = keys.filter((k) => !isErrorKey(errorCodeOf(k)));
    expect(orphans).toEqual([]);
  });

  it('sends the code, the message in the asked language, the key and the values', () => {
    const error = new DomainError('too_many_excellent', { max: 1, subjects: 3, excellent: 2 });
    expect(error.code).toBe('too_many_excellent');
    expect(error.message).toBe(errorMessage('too_many_excellent', 'en', error.params));
    expect(errorBody(error, 'zh')).toEqual({
      code: 'too_many_excellent',
      message: '“优秀”最多 1 人（参评 3 人的三分之一），本票选了 2 人。',
      key: 'too_many_excellent',
      params: { max: 1, subjects: 3, excellent: 2 },
    });
    expect(errorBody(new DomainError('forbidden.admins_only'))).toEqual({
      code: 'forbidden',
      message: 'Admins only.',
      key: 'forbidden.admins_only',
    });
  });
});
