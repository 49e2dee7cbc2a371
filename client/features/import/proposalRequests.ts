import type { ProposedMeasure } from '../../../shared/import/proposedMeasures.js';
import {
  RectificationLimits,
  type CreateProposalsRequest,
} from '../../../shared/rectifications/rectificationSchemas.js';

const clip = (text: string | null, max: number): string => (text ?? '').trim().slice(0, max);

/**
 * The proposals requests for the measures an import found, in batches the server takes. A
 * measure longer than an item may be is cut rather than lost: the host edits it on accepting.
 */
export function proposalRequests(
  document: string,
  measures: readonly ProposedMeasure[],
): CreateProposalsRequest[] {
  const proposals = measures
    .map((measure) => ({
      text: clip(measure.text, RectificationLimits.maxTextLength),
      aspect: clip(measure.aspect, RectificationLimits.maxAspectLength),
      heading: clip(measure.heading, RectificationLimits.maxHeadingLength),
    }))
    .filter((proposal) => proposal.text !== '');
  const requests: CreateProposalsRequest[] = [];
  for (let start = 0; start < proposals.length; start += RectificationLimits.maxProposals) {
    requests.push({
      document,
      proposals: proposals.slice(start, start + RectificationLimits.maxProposals),
    });
  }
  return requests;
}
