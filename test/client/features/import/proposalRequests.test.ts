import { describe, expect, it } from 'vitest';
import { proposalRequests } from '../../../../client/features/import/proposalRequests.js';
import { parseOutline } from '../../../../shared/import/parseOutline.js';
import { proposedMeasures } from '../../../../shared/import/proposedMeasures.js';
import {
  createProposalsSchema,
  RectificationLimits,
} from '../../../../shared/rectifications/rectificationSchemas.js';
import { CHECKING_MATERIAL } from '../../../helpers/checkingMaterial.js';

const document = 'm/3/self/7';

describe('the proposals sent to the host after an import', () => {
  it('sends each measure with its aspect and heading, in one request the server accepts', () => {
    const requests = proposalRequests(document, proposedMeasures(parseOutline(CHECKING_MATERIAL)));
    expect(requests).toHaveLength(1);
    expect(createProposalsSchema.parse(requests[0])).toEqual({
      document,
      proposals: [
        {
          text: '制定个人学习计划，每周集中学习不少于4小时。',
          aspect: '',
          heading: '强化理论武装',
        },
        { text: '带着问题学，做到学用结合。', aspect: '', heading: '强化理论武装' },
        { text: '对标先进找差距。', aspect: '担当作为', heading: '勇于担当作为' },
        {
          text: '对**局交办的事项建立台账，逐项销号。',
          aspect: '担当作为',
          heading: '勇于担当作为',
        },
      ],
    });
  });

  it('sends nothing for a material without measures, and skips blank ones', () => {
    expect(proposalRequests(document, [])).toEqual([]);
    expect(proposalRequests(document, [{ text: '  ', aspect: null, heading: null }])).toEqual([]);
  });

  it('cuts what is longer than an item may be and splits past the batch limit', () => {
    const long = {
      text: '措'.repeat(RectificationLimits.maxTextLength + 10),
      aspect: '方'.repeat(RectificationLimits.maxAspectLength + 1),
      heading: '题'.repeat(RectificationLimits.maxHeadingLength + 1),
    };
    const many = Array.from({ length: RectificationLimits.maxProposals + 1 }, () => long);
    const requests = proposalRequests(document, many);
    expect(requests.map((r) => r.proposals.length)).toEqual([RectificationLimits.maxProposals, 1]);
    for (const request of requests)
      expect(createProposalsSchema.safeParse(request).success).toBe(true);
    expect(requests[1]!.proposals[0]!.text).toHaveLength(RectificationLimits.maxTextLength);
  });
});
