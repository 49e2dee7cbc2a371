import { Button } from 'antd';
import { useState } from 'react';
import { parseMeetingDocumentName } from '../../../shared/meetings/meetingDocuments.js';
import type {
  PersonRef,
  RectificationProposalView,
  RectificationView,
} from '../../../shared/rectifications/rectificationViews.js';
import { describeApiError } from '../../api/describeApiError.js';
import { acceptProposal, dropProposal } from '../../api/rectificationApi.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { Notice } from '../layout/Notice.js';
import {
  draftFields,
  emptyDraft,
  isComplete,
  type RectificationDraft,
} from './rectificationDraft.js';
import { RectificationFields } from './RectificationFields.js';
import './ProposalList.css';

interface ProposalListProps {
  meetingId: number;
  proposals: readonly RectificationProposalView[];
  people: readonly PersonRef[];
  aspects: readonly string[];
  onAccepted(proposal: RectificationProposalView, item: RectificationView): void;
  onDropped(proposal: RectificationProposalView): void;
}

/** The owner of a personal material, who owns what is proposed from it unless changed. */
function ownerOf(proposal: RectificationProposalView): number | null {
  const parsed = parseMeetingDocumentName(proposal.document);
  return parsed?.kind === 'self' ? parsed.ownerId : null;
}

/** 待确认的整改事项: measures from imported materials, each accepted (filled in) or dropped. */
export function ProposalList({
  meetingId,
  proposals,
  people,
  aspects,
  onAccepted,
  onDropped,
}: ProposalListProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState<{ id: number; draft: RectificationDraft } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(describeApiError(failure, t));
    } finally {
      setBusy(false);
    }
  };

  const accept = (proposal: RectificationProposalView, draft: RectificationDraft) =>
    act(async () => {
      const answer = await acceptProposal(meetingId, proposal.id, draftFields(draft));
      setOpen(null);
      onAccepted(answer.proposal, answer.rectification);
    });
  const drop = (proposal: RectificationProposalView) =>
    act(async () => onDropped(await dropProposal(meetingId, proposal.id)));

  return (
    <section className="proposal-list" data-testid="rect-proposals">
      <h4>{t('rect.proposals', { count: proposals.length })}</h4>
      {error && <Notice tone="error">{error}</Notice>}
      <ol>
        {proposals.map((proposal) => (
          <li key={proposal.id} data-testid="rect-proposal" data-id={proposal.id}>
            <p className="proposal-list__text">{proposal.text}</p>
            <p className="proposal-list__meta">
              {[proposal.aspect, proposal.heading, proposal.createdBy.displayName]
                .filter(Boolean)
                .join(' · ')}
            </p>
            {open?.id === proposal.id ? (
              <div className="proposal-list__accept">
                <RectificationFields
                  draft={open.draft}
                  onChange={(draft) => setOpen({ id: proposal.id, draft })}
                  people={people}
                  aspects={aspects}
                  fixedSource
                />
                <div className="proposal-list__buttons">
                  <Button onClick={() => setOpen(null)}>{t('dialog.cancel')}</Button>
                  <Button
                    type="primary"
                    data-testid="rect-proposal-confirm"
                    disabled={busy || !isComplete(open.draft)}
                    onClick={() => void accept(proposal, open.draft)}
                  >
                    {t('rect.proposalConfirm')}
                  </Button>
                </div>
              </div>
            ) : (
              <div className="proposal-list__buttons">
                <Button
                  data-testid="rect-proposal-accept"
                  onClick={() =>
                    setOpen({
                      id: proposal.id,
                      draft: {
                        ...emptyDraft,
                        problem: proposal.text,
                        aspect: proposal.aspect,
                        ownerUserId: ownerOf(proposal),
                      },
                    })
                  }
                >
                  {t('rect.proposalAccept')}
                </Button>
                <Button
                  data-testid="rect-proposal-drop"
                  disabled={busy}
                  onClick={() => void drop(proposal)}
                >
                  {t('rect.proposalDrop')}
                </Button>
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
