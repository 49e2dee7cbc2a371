import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';

export type ConnectionPhase = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

export interface ConnectionState {
  phase: ConnectionPhase;
  /** Set when the server closed the connection for good (a 44xx code); the provider stops retrying. */
  closeCode: number | null;
}

function initialState(provider: WebsocketProvider): ConnectionState {
  // The provider connects in its constructor, before anyone can listen to its first `status`.
  return { phase: provider.wsconnected ? 'connected' : 'connecting', closeCode: null };
}

/**
 * The provider only says connecting / connected / disconnected; "reconnecting" is a `connecting`
 * that follows a closed socket, whether or not that socket ever opened. Failed attempts emit no
 * `disconnected`, so an outage shows 已断开 briefly and then 正在重连 until the server is back.
 */
export function useConnectionState(provider: WebsocketProvider): ConnectionState {
  const [state, setState] = useState<ConnectionState>(() => initialState(provider));

  useEffect(() => {
    let hadSocketClose = false;
    setState(initialState(provider));

    const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
      if (status === 'connected') setState({ phase: 'connected', closeCode: null });
      else if (status === 'disconnected') setState({ phase: 'disconnected', closeCode: null });
      else setState({ phase: hadSocketClose ? 'reconnecting' : 'connecting', closeCode: null });
    };
    // Fires for every socket that closes, including attempts that never opened.
    const onConnectionClose = () => {
      hadSocketClose = true;
    };
    const onClosed = ({ code }: { code: number }) => {
      setState({ phase: 'disconnected', closeCode: code });
    };

    provider.on('status', onStatus);
    provider.on('connection-close', onConnectionClose);
    provider.on('closed', onClosed);
    return () => {
      provider.off('status', onStatus);
      provider.off('connection-close', onConnectionClose);
      provider.off('closed', onClosed);
    };
  }, [provider]);

  return state;
}
