import { describe, expect, it } from 'vitest';
import { createRectificationSchema } from '../../../../shared/rectifications/rectificationSchemas.js';
import {
  createRequest,
  emptyDraft,
  isComplete,
} from '../../../../client/features/rectifications/rectificationDraft.js';

describe('the item form’s draft as the create body', () => {
  it('is complete with a problem and an owner, and then passes the server’s schema', () => {
    expect(isComplete(emptyDraft)).toBe(false);
    expect(isComplete({ ...emptyDraft, problem: '  ', ownerUserId: 3 })).toBe(false);
    const draft = {
      ...emptyDraft,
      problem: ' 学习不深入 ',
      ownerUserId: 3,
      deadline: '2025-06-30',
    };
    expect(isComplete(draft)).toBe(true);
    const body = createRequest(draft, { speechId: 's4', subjectUserId: null });
    expect(createRectificationSchema.parse(body)).toMatchObject({
      problem: '学习不深入',
      ownerUserId: 3,
      deadline: '2025-06-30',
      longTerm: false,
      speechId: 's4',
    });
  });

  it('sends no deadline for an item kept up indefinitely (长期坚持) or left without one', () => {
    const base = { ...emptyDraft, problem: '作风', ownerUserId: 3 };
    expect(createRequest({ ...base, deadline: '2025-06-30', longTerm: true }).deadline).toBeNull();
    expect(createRequest({ ...base, deadline: '' }).deadline).toBeNull();
  });
});
