import { useEffect, useRef } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { CloseCode } from '../../shared/sync/closeCodes.js';

/**
 * Calls `onChanged` when the server closes the connection because the caller's rights on the
 * document changed (4205: the meeting closed or reopened, participants changed). The provider
 * reconnects by itself; the page has to learn the new rights (read-only or not) on its own.
 */
export function useAccessChanged(provider: WebsocketProvider, onChanged: () => void): void {
  const callback = useRef(onChanged);
  useEffect(() => {
    callback.current = onChanged;
  });
  useEffect(() => {
    const onClose = (event: CloseEvent | null) => {
      if (event?.code === CloseCode.accessChanged) callback.current();
    };
    provider.on('connection-close', onClose);
    return () => provider.off('connection-close', onClose);
  }, [provider]);
}
