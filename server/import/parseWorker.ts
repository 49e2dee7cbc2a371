import { parentPort, workerData } from 'node:worker_threads';
import { HttpError } from '../http/HttpError.js';
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
    err instanceof HttpError
      ? { ok: false, status: err.status, code: err.code, message: err.message }
      : {
          ok: false,
          status: 422,
          code: 'file_unreadable',
          message: '文件已损坏或格式无法识别 (the file cannot be read)',
        };
}
parentPort?.postMessage(reply);
