import type { Logger } from 'pino';
import type { DomainEventMap, DomainEventName } from './domainEventMap.js';

/** What reacts to one event; a returned promise is waited for before the next listener runs. */
export type DomainListener<K extends DomainEventName> = (
  payload: DomainEventMap[K],
) => void | Promise<void>;

/**
 * The in-process bus over which modules tell each other what happened (a speech started, a
 * meeting's status changed, an item now reads differently). The module that reacts subscribes
 * where the reaction lives, so who handles what is found by searching for the event's name.
 *
 * Listeners run one after another in the order they subscribed, each waited for, so that a
 * reaction that stores something (moderation ending a speech as a meeting closes) completes
 * before a later one publishes (the live channel); `emit` resolves once all have run. A
 * listener's failure is logged and the others still run: nothing a reaction does undoes what
 * the emitter already stored. Listeners that return nothing run synchronously inside `emit`.
 */
export class DomainEvents {
  private readonly listeners = new Map<DomainEventName, DomainListener<DomainEventName>[]>();

  constructor(private readonly logger: Logger) {}

  on<K extends DomainEventName>(name: K, listener: DomainListener<K>): void {
    const list = this.listeners.get(name) ?? [];
    list.push(listener as DomainListener<DomainEventName>);
    this.listeners.set(name, list);
  }

  async emit<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): Promise<void> {
    // A copy: a listener subscribing meanwhile hears the next event, not this one.
    for (const listener of [...(this.listeners.get(name) ?? [])]) {
      try {
        const result = listener(payload);
        if (result) await result;
      } catch (err) {
        this.logger.error({ err, event: name }, 'domain event listener failed');
      }
    }
  }
}
