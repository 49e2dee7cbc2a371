import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { DomainEvents } from '../../../server/events/DomainEvents.js';
import { DomainEvent } from '../../../server/events/domainEventMap.js';

/** A bus whose log lines are kept, parsed. */
function busWithLog(): { events: DomainEvents; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { events: new DomainEvents(pino({ level: 'info' }, sink)), lines };
}

describe('DomainEvents', () => {
  it('gives each listener the payload, in the order they subscribed', async () => {
    const { events } = busWithLog();
    const heard: string[] = [];
    events.on(DomainEvent.rosterChanged, ({ meetingId }) => void heard.push(`a${meetingId}`));
    events.on(DomainEvent.rosterChanged, ({ meetingId }) => void heard.push(`b${meetingId}`));
    events.on(DomainEvent.meetingStatusChanged, () => void heard.push('other'));
    await events.emit(DomainEvent.rosterChanged, { meetingId: 7 });
    expect(heard).toEqual(['a7', 'b7']);
  });

  it('waits for an asynchronous listener before running the next one', async () => {
    const { events } = busWithLog();
    const heard: string[] = [];
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    events.on(DomainEvent.meetingStatusChanged, async () => {
      heard.push('store started');
      await gate;
      heard.push('stored');
    });
    events.on(DomainEvent.meetingStatusChanged, () => void heard.push('published'));
    const emitted = events.emit(DomainEvent.meetingStatusChanged, {
      meetingId: 1,
      status: 'closed',
    });
    expect(heard).toEqual(['store started']);
    release();
    await emitted;
    expect(heard).toEqual(['store started', 'stored', 'published']);
  });

  it('runs listeners that return nothing before emit returns', () => {
    const { events } = busWithLog();
    const heard: number[] = [];
    events.on(DomainEvent.commandHandled, () => void heard.push(1));
    void events.emit(DomainEvent.commandHandled, { result: 'ok' });
    expect(heard).toEqual([1]);
  });

  it('logs a failing listener and still runs the others; emit does not reject', async () => {
    const { events, lines } = busWithLog();
    const heard: string[] = [];
    events.on(DomainEvent.rosterChanged, () => {
      throw new Error('thrown');
    });
    events.on(DomainEvent.rosterChanged, () => Promise.reject(new Error('rejected')));
    events.on(DomainEvent.rosterChanged, () => void heard.push('after'));
    await expect(events.emit(DomainEvent.rosterChanged, { meetingId: 3 })).resolves.toBeUndefined();
    expect(heard).toEqual(['after']);
    const failures = lines.filter((l) => l.msg === 'domain event listener failed');
    expect(failures.map((l) => [l.event, (l.err as { message: string }).message])).toEqual([
      ['rosterChanged', 'thrown'],
      ['rosterChanged', 'rejected'],
    ]);
  });

  it('does not give an event to a listener that subscribed while it was being delivered', async () => {
    const { events } = busWithLog();
    const heard: string[] = [];
    events.on(DomainEvent.rosterChanged, () => {
      heard.push('first');
      events.on(DomainEvent.rosterChanged, () => void heard.push('late'));
    });
    await events.emit(DomainEvent.rosterChanged, { meetingId: 1 });
    expect(heard).toEqual(['first']);
    await events.emit(DomainEvent.rosterChanged, { meetingId: 1 });
    expect(heard).toEqual(['first', 'first', 'late']);
  });

  it('emits with no listeners', async () => {
    const { events, lines } = busWithLog();
    await events.emit(DomainEvent.speechStarted, {
      meeting: {} as never,
      speech: {} as never,
    });
    expect(lines).toEqual([]);
  });
});
