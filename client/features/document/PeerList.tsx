import type { Peer } from '../../collab/usePeers.js';
import { useI18n } from '../../i18n/i18nContext.js';
import type { Identity } from '../identity/identity.js';
import './PeerList.css';

interface PeerListProps {
  self: Identity;
  peers: Peer[];
}

/** Who has this document open: me first, then everyone else. */
export function PeerList({ self, peers }: PeerListProps) {
  const { t } = useI18n();
  return (
    <div className="peer-list">
      <span className="peer-list__heading">
        {t('peers.heading')} {peers.length + 1}
      </span>
      <ul className="peer-list__people" data-testid="peer-list">
        <li className="peer-list__person peer-list__person--self">
          <span className="peer-list__dot" style={{ backgroundColor: self.color }} />
          {t('peers.you', { name: self.name })}
        </li>
        {peers.map((peer) => (
          <li key={peer.clientId} className="peer-list__person" data-testid="peer">
            <span className="peer-list__dot" style={{ backgroundColor: peer.color }} />
            {peer.name}
          </li>
        ))}
      </ul>
      {peers.length === 0 && <span className="peer-list__alone">{t('peers.alone')}</span>}
    </div>
  );
}
