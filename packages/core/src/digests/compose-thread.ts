// The body of a compose thread (compose-threads.ts): claimed deliveries in, MIME buffers out,
// with the process's templates compiled once here.
import { parentPort, workerData } from 'node:worker_threads';
import { getSharedRenderer, isCrlfChecked } from '@paperboy/email';
import type { DigestConfig } from './digest-deps';
import type { PaperRow } from './store';
import type { ComposeReply, ComposeRequest, PaperOnWire } from './compose-threads';
import { composeRawDigest } from './digest-email';

const { config } = workerData as { config: DigestConfig };
const port = parentPort;
// Compiled now, while the worker starts, not when the first digest waits for it.
getSharedRenderer().then(
  () => port?.postMessage('ready'),
  // Each digest tries again (and says why it cannot go) until the templates compile.
  () => port?.postMessage('ready'),
);

/** The rows this thread was sent, by key, frozen as they were on the sending side (see compose-threads.ts). */
const rows = new Map<number, PaperRow>();

/**
 * The request's rows. Those it brings are kept first, all of them and before anything can fail
 * or wait: the sending side counts them as held from now on.
 */
function paperRows(request: ComposeRequest): PaperRow[] {
  if (request.forget) rows.clear();
  for (const paper of request.papers) {
    if (typeof paper === 'number') continue;
    const [key, row] = paper;
    Object.freeze(row.authors);
    Object.freeze(row);
    if (key !== -1) rows.set(key, row);
  }
  return request.papers.map((paper) => {
    if (typeof paper !== 'number') return paper[1];
    const row = rows.get(paper);
    if (!row) throw new ComposeUnavailableHere(`paper row ${paper} was never sent to this thread`);
    return row;
  });
}

/** The two sides disagree on what this thread holds: a fault of the threads, not the delivery's. */
class ComposeUnavailableHere extends Error {}

port?.on('message', async (request: ComposeRequest) => {
  let papers: PaperRow[];
  try {
    papers = paperRows(request);
  } catch (error) {
    port.postMessage({ id: request.id, error: (error as Error).message, unavailable: true } satisfies ComposeReply);
    return;
  }
  let renderer: Awaited<ReturnType<typeof getSharedRenderer>>;
  try {
    renderer = await getSharedRenderer();
  } catch (error) {
    // Templates that would not compile say nothing about this delivery: it is tried again.
    port.postMessage({ id: request.id, error: (error as Error).message, unavailable: true } satisfies ComposeReply);
    return;
  }
  let reply: ComposeReply;
  const transfer: ArrayBuffer[] = [];
  try {
    const claimed = { ...request.claimed, papers };
    const mail = composeRawDigest({ config, renderer }, claimed, request.now, request.suggestion);
    // Its own memory (a small buffer may share Node's pool), so that it can be handed over whole.
    const own = mail.raw.byteOffset === 0 && mail.raw.byteLength === mail.raw.buffer.byteLength;
    const raw = own ? mail.raw : new Uint8Array(mail.raw);
    transfer.push(raw.buffer as ArrayBuffer);
    reply = {
      id: request.id,
      raw,
      crlfChecked: isCrlfChecked(mail.raw),
      messageId: mail.messageId,
      envelope: mail.envelope,
    };
  } catch (error) {
    reply = { id: request.id, error: (error as Error).message };
  }
  port.postMessage(reply, transfer);
});
