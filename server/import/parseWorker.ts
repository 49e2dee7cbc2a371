import { parentPort, workerData } from 'node:worker_threads';
import { DomainError } from '../../shared/errors/DomainError.js';
import { readUpload } from './readUpload.js';
import type { ParseReply, ParseRequest } from './UploadParser.js';

// The body of a worker thread that UploadParser starts for one upload: reads it and replies
// once. Whatever it costs in memory goes with the thread.
const { fileName, bytes } = workerData as ParseRequest;
let reply: ParseReply;
try {
  reply = { ok: true, text: await readUpload(fileName, bytes) };
} catch (err) {
  reply =
    err instanceof DomainError
      ? { ok: false, key: err.key, params: err.params }
      : { ok: false, key: 'file_unreadable', params: {} };
}
parentPort?.postMessage(reply);
