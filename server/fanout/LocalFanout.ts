import type { ClusterEvent } from '../../shared/cluster/clusterEvents.js';
import type { Fanout, SocketIoAdapter } from './Fanout.js';

/** One instance: there is no one else to tell, and events run here only. */
export class LocalFanout implements Fanout {
  private readonly handlers: ((event: ClusterEvent) => void)[] = [];

  subscribe(): Promise<void> {
    return Promise.resolve();
  }

  unsubscribe(): void {}

  publish(): void {}

  broadcast(event: ClusterEvent): void {
    for (const handler of this.handlers) handler(event);
  }

  onEvent(handler: (event: ClusterEvent) => void): void {
    this.handlers.push(handler);
  }

  socketIoAdapter(): Promise<SocketIoAdapter | null> {
    return Promise.resolve(null);
  }

  check(): Promise<void> {
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
