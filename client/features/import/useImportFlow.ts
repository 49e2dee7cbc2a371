import { useCallback, useEffect, useRef, useState } from 'react';
import { ImportLimits } from '../../../shared/import/importLimits.js';
import type { ImportMode } from '../../../shared/import/importSchemas.js';
import type { ParsedOutline } from '../../../shared/import/outlineTypes.js';
import { describeApiError } from '../../api/describeApiError.js';
import {
  extractImportFile,
  importIntoDocument,
  previewImport,
  proposeRectifications,
} from '../../api/importApi.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { proposalRequests } from './proposalRequests.js';

export type ImportStep = 'reading' | 'previewing' | 'importing';

/** The file last chosen, and what became of reading it. */
export interface ChosenFile {
  name: string;
  failed: string | null;
}

/** What the page says once the import is written (or its dialog failed to load). */
export interface ImportNotice {
  tone: 'done' | 'info' | 'error';
  text: string;
}

export interface ImportFlowOptions {
  meetingId: number;
  document: string;
  /** Hand the measures found to the host as proposed rectification items. */
  propose: boolean;
  onImported(notice: ImportNotice): void;
}

export interface ImportFlow {
  text: string;
  setText(text: string): void;
  file: ChosenFile | null;
  /** The outline of the text last previewed. */
  outline: ParsedOutline | null;
  /** The text changed since its preview: preview again before importing. */
  stale: boolean;
  mode: ImportMode | null;
  setMode(mode: ImportMode): void;
  busy: ImportStep | null;
  /** A failed preview or import, said for people. */
  error: string | null;
  readFile(file: File): void;
  preview(): void;
  submit(): void;
}

/**
 * The import dialog's steps: a file read (or text pasted) → its outline previewed → written
 * with the chosen mode, then its measures proposed. Only the text that was previewed is
 * written, so what the person saw is what the document gets.
 */
export function useImportFlow({
  meetingId,
  document,
  propose,
  onImported,
}: ImportFlowOptions): ImportFlow {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [previewed, setPreviewed] = useState<{ text: string; outline: ParsedOutline } | null>(null);
  const [mode, setMode] = useState<ImportMode | null>(null);
  const [busy, setBusy] = useState<ImportStep | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A read or preview still under way when another starts or the dialog closes is dropped.
  const pending = useRef<AbortController | null>(null);
  useEffect(() => () => pending.current?.abort(), []);

  const startRead = useCallback((step: ImportStep): AbortSignal => {
    pending.current?.abort();
    pending.current = new AbortController();
    setBusy(step);
    setError(null);
    return pending.current.signal;
  }, []);

  const readFile = useCallback(
    (chosen: File) => {
      const signal = startRead('reading');
      setPreviewed(null);
      // Said before sending: a slow intranet would carry the whole file only to hear 413.
      if (chosen.size > ImportLimits.maxFileBytes) {
        const size = ImportLimits.maxFileBytes / (1024 * 1024);
        setFile({ name: chosen.name, failed: t('import.file.tooLarge', { size }) });
        setBusy(null);
        return;
      }
      setFile({ name: chosen.name, failed: null });
      extractImportFile(meetingId, chosen, chosen.name, signal).then(
        (answer) => {
          if (signal.aborted) return;
          setText(answer.text);
          setPreviewed({ text: answer.text, outline: answer.outline });
          setBusy(null);
        },
        (failure: unknown) => {
          if (signal.aborted) return;
          setFile({ name: chosen.name, failed: describeApiError(failure, t) });
          setBusy(null);
        },
      );
    },
    [meetingId, startRead, t],
  );

  const preview = useCallback(() => {
    const signal = startRead('previewing');
    const asked = text;
    previewImport(meetingId, asked, signal).then(
      (outline) => {
        if (signal.aborted) return;
        setPreviewed({ text: asked, outline });
        setBusy(null);
      },
      (failure: unknown) => {
        if (signal.aborted) return;
        setError(t('import.preview.failed', { message: describeApiError(failure, t) }));
        setBusy(null);
      },
    );
  }, [meetingId, startRead, t, text]);

  const submit = useCallback(() => {
    if (!previewed || previewed.text !== text || mode === null) return;
    setBusy('importing');
    setError(null);
    void (async () => {
      let answer;
      try {
        answer = await importIntoDocument(meetingId, { document, mode, text: previewed.text });
      } catch (failure) {
        setError(t('import.failed', { message: describeApiError(failure, t) }));
        setBusy(null);
        return;
      }
      // The document is written either way; the proposals are a courtesy to the host.
      let sent = 0;
      try {
        for (const request of propose ? proposalRequests(document, answer.proposals) : []) {
          sent += (await proposeRectifications(meetingId, request)).length;
        }
      } catch (failure) {
        const message = describeApiError(failure, t);
        onImported({ tone: 'info', text: t('import.done.proposalsFailed', { message }) });
        return;
      }
      onImported({
        tone: 'done',
        text: sent > 0 ? t('import.done.proposals', { count: sent }) : t('import.done'),
      });
    })();
  }, [document, meetingId, mode, onImported, previewed, propose, t, text]);

  return {
    text,
    setText,
    file,
    outline: previewed?.outline ?? null,
    stale: previewed !== null && previewed.text !== text,
    mode,
    setMode,
    busy,
    error,
    readFile,
    preview,
    submit,
  };
}
