import { Button } from 'antd';
import { useState } from 'react';
import { meetingDocumentName } from '../../../shared/meetings/meetingDocuments.js';
import { describeApiError } from '../../api/describeApiError.js';
import { proposeFromDocument } from '../../api/rectificationApi.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { Notice } from '../layout/Notice.js';

interface ProposeFromMaterialButtonProps {
  meetingId: number;
  /** Proposals were made: the list loads them (also where no live channel runs). */
  onProposed(): void;
}

/**
 * 从整改措施提出: the collective material's 整改措施 as the committee wrote them, each a
 * proposal for the host to accept or drop — also when nothing was imported.
 */
export function ProposeFromMaterialButton({
  meetingId,
  onProposed,
}: ProposeFromMaterialButtonProps) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: 'done' | 'error'; text: string } | null>(null);

  const propose = async () => {
    setBusy(true);
    setResult(null);
    try {
      const made = await proposeFromDocument(
        meetingId,
        meetingDocumentName(meetingId, { kind: 'collective', ownerId: null }),
      );
      setResult({
        tone: 'done',
        text:
          made.length > 0
            ? t('rect.fromMaterialDone', { count: made.length })
            : t('rect.fromMaterialNone'),
      });
      onProposed();
    } catch (failure) {
      setResult({ tone: 'error', text: describeApiError(failure, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button data-testid="rect-from-material" disabled={busy} onClick={() => void propose()}>
        {t('rect.fromMaterial')}
      </Button>
      {result && (
        <Notice tone={result.tone} data-testid="rect-from-material-result">
          {result.text}
        </Notice>
      )}
    </>
  );
}
