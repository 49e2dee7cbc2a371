import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { permissionsDoc } from '../../../scripts/permissionsDoc.js';

describe('docs/permissions.md', () => {
  it('is what the rule book generates (run `npm run docs:permissions` after changing it)', () => {
    const file = readFileSync(new URL('../../../docs/permissions.md', import.meta.url), 'utf8');
    expect(file).toBe(permissionsDoc());
  });
});
