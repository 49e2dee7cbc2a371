import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { LatencyRecorder } from '../LatencyRecorder.js';
import type { ReaderProtocol } from './readerProtocols.js';

const TILDE = 0x7e;
const COLON = 0x3a;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const MAX_DIGITS = 9;
const MSG_SYNC = 0;
const MSG_AUTH = 2;
const MSG_SYNC_REPLY = 4; // hocuspocus only
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const AUTH_PERMISSION_DENIED = 1;

/**
 * A reader without a Y.Doc: a raw socket that does the protocol's minimal handshake, then only
 * scans each received message for `~<room>:<seq>~` markers (Yjs stores inserted text as UTF-8, so
 * the marker is in the update bytes as is). The message path allocates nothing.
 */
export class ThinReader {
  duplicates = 0;
  /** Markers of another room or never sent: should stay 0. */
  strays = 0;
  /** Close code if the server closed the socket before the harness did. */
  unexpectedClose: string | null = null;
  private ws: WebSocket | null = null;
  private ready = false;
  private closing = false;
  private readonly seen: Uint8Array;
  private readonly offset: number;
  /** Out-value of digitsAt, a field so that scanning allocates nothing. */
  private parsed = 0;

  constructor(
    readonly room: number,
    /** The path its deliveries take, for the recorder: 0 same instance as the writer, 1 another. */
    readonly lane: number,
    private readonly protocol: ReaderProtocol,
    private readonly recorder: LatencyRecorder,
  ) {
    this.seen = new Uint8Array(recorder.maxSeq);
    this.offset = protocol.prefix.length;
  }

  /** Resolves once the server answered our sync step 1, i.e. the reader is in the room. */
  open(timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(this.protocol.url, { perMessageDeflate: false });
      this.ws = ws;
      let settled = false;
      const settle = (err: Error | null): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (err === null) resolve();
        else reject(err);
      };
      const timer = setTimeout(
        () => settle(new Error(`no sync step 2 within ${timeoutMs} ms`)),
        timeoutMs,
      );
      ws.on('open', () => {
        for (const frame of this.protocol.openFrames) ws.send(frame);
      });
      ws.on('message', (data) => {
        const err = this.onMessage(data as Buffer);
        if (err !== null) settle(err);
        else if (this.ready) settle(null);
      });
      ws.on('error', (err) => settle(err));
      ws.on('close', (code, reason) => {
        if (!this.closing) {
          this.unexpectedClose = `${code}${reason.length > 0 ? ` ${reason.toString()}` : ''}`;
        }
        settle(new Error(`closed with ${code} ${reason.toString()}`));
      });
    });
  }

  sendKeepAlive(): void {
    const frame = this.protocol.keepAliveFrame;
    if (frame !== null && this.ws?.readyState === WebSocket.OPEN) this.ws.send(frame);
  }

  close(): void {
    this.closing = true;
    this.ws?.close(1000);
  }

  /** Force-closes sockets whose close handshake did not finish. */
  terminate(): void {
    this.closing = true;
    this.ws?.terminate();
  }

  private onMessage(buf: Buffer): Error | null {
    const now = performance.now();
    const p = this.offset;
    if (buf.length > p + 1) {
      const type = buf[p];
      const sub = buf[p + 1];
      if ((type === MSG_SYNC || type === MSG_SYNC_REPLY) && sub === SYNC_STEP1) {
        this.ws?.send(this.protocol.step2Reply);
      } else if (type === MSG_SYNC && sub === SYNC_STEP2) {
        this.ready = true;
      } else if (type === MSG_AUTH && sub === AUTH_PERMISSION_DENIED) {
        return new Error('permission denied');
      }
    }
    this.scan(buf, now);
    return null;
  }

  private scan(buf: Buffer, now: number): void {
    let i = buf.indexOf(TILDE);
    while (i !== -1) {
      const afterRoom = this.digitsAt(buf, i + 1);
      const room = this.parsed;
      if (afterRoom !== -1 && buf[afterRoom] === COLON) {
        const afterSeq = this.digitsAt(buf, afterRoom + 1);
        if (afterSeq !== -1 && buf[afterSeq] === TILDE) {
          this.deliver(room, this.parsed, now);
          i = buf.indexOf(TILDE, afterSeq + 1);
          continue;
        }
      }
      // Not a marker (a `~` byte inside binary data): look from the next byte on.
      i = buf.indexOf(TILDE, i + 1);
    }
  }

  /** Reads decimal digits at `start` into `parsed`; the index after them, or -1 if none. */
  private digitsAt(buf: Buffer, start: number): number {
    let value = 0;
    let j = start;
    while (j < buf.length && j - start < MAX_DIGITS) {
      const c = buf[j] as number;
      if (c < DIGIT_0 || c > DIGIT_9) break;
      value = value * 10 + c - DIGIT_0;
      j++;
    }
    this.parsed = value;
    return j === start ? -1 : j;
  }

  private deliver(room: number, seq: number, now: number): void {
    if (room !== this.room || !this.recorder.isKnown(room, seq)) {
      this.strays++;
      return;
    }
    if (this.seen[seq] === 1) {
      this.duplicates++;
      return;
    }
    this.seen[seq] = 1;
    this.recorder.recordDelivery(room, seq, now, this.lane);
  }
}
