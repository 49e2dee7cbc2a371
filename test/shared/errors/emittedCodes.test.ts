import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isErrorKey } from '../../../shared/errors/errorMessages.js';

const root = join(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const files = [...sources(join(root, 'server')), ...sources(join(root, 'shared'))].map((path) => ({
  path: relative(root, path),
  text: readFileSync(path, 'utf8'),
}));

// Where a refusal's key is written as a literal: DomainError itself, and the helpers that take
// a key (the reducer's fail, the rectification rights' forbidden, the sync authorizer's answer).
// The type checker holds them to ErrorKey already; this also catches a cast.
const KEY_SITES =
  /(?:new DomainError|\bfail|\bforbidden|\bcheck\([^)]*?,)\(?\s*'([a-z_.]+)'|refuse: '([a-z_.]+)'/g;

describe('every refusal the server can give', () => {
  it('is a key of the catalog', () => {
    const found = files.flatMap(({ path, text }) =>
      [...text.matchAll(KEY_SITES)].map((m) => ({ path, key: m[1] ?? m[2]! })),
    );
    expect(found.length).toBeGreaterThan(100);
    expect(found.filter((f) => !isErrorKey(f.key))).toEqual([]);
  });

  it('goes through DomainError: no status, ack or close code is chosen beside it', () => {
    const bypasses = files.filter(({ text }) =>
      /\bHttpError\b|\bSyncRefusal\b|\.status\([45]\d\d\)|error: \{ code:/.test(text),
    );
    expect(bypasses.map((f) => f.path)).toEqual([]);
  });
});
