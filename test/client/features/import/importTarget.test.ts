import { describe, expect, it } from 'vitest';
import { mayImportInto, mayProposeFrom } from '../../../../client/features/import/importTarget.js';

describe('where the document page offers 导入材料', () => {
  it('offers it on the collective material and on one’s own, nowhere else', () => {
    expect(mayImportInto('m/3/collective', 7)).toBe(true);
    expect(mayImportInto('m/3/self/7', 7)).toBe(true);
    for (const name of ['m/3/self/8', 'm/3/minutes', 'm/3/critique/7', 'm/3/notes/7', 'junk']) {
      expect(mayImportInto(name, 7)).toBe(false);
    }
  });

  it('proposes measures from one’s own material, and from any for the meeting’s managers', () => {
    expect(mayProposeFrom('m/3/self/7', 7, false)).toBe(true);
    expect(mayProposeFrom('m/3/collective', 7, false)).toBe(false);
    expect(mayProposeFrom('m/3/collective', 7, true)).toBe(true);
  });
});
