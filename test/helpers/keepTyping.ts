import type { ProviderClient } from './syncClients.js';

export interface Typing {
  /** Rounds typed so far. */
  readonly rounds: number;
  /** Stops and returns every token typed, by any client. */
  stop(): string[];
}

/**
 * Each client appends a numbered token (`<client.round>`) to the text `t` every `everyMs`,
 * until stopped: edits that a test can later look for one by one.
 */
export function keepTyping(clients: readonly ProviderClient[], everyMs: number): Typing {
  const typed: string[] = [];
  let rounds = 0;
  const timer = setInterval(() => {
    clients.forEach((client, k) => {
      const token = `<${k}.${rounds}>`;
      const text = client.doc.getText('t');
      text.insert(text.length, token);
      typed.push(token);
    });
    rounds++;
  }, everyMs);
  return {
    get rounds() {
      return rounds;
    },
    stop: () => {
      clearInterval(timer);
      return typed;
    },
  };
}
