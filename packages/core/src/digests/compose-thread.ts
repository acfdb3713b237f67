// The body of a compose thread (compose-threads.ts): claimed deliveries in, MIME buffers out,
// with the process's templates compiled once here.
import { parentPort, workerData } from 'node:worker_threads';
import { getSharedRenderer, isCrlfChecked } from '@paperboy/email';
import { RowNotHeld, RowStore } from './compose-rows';
import type { ComposeReply, ComposeRequest } from './compose-threads';
import type { DigestConfig } from './digest-deps';
import type { PaperRow } from './store';
import { composeRawDigest } from './digest-email';

const { config } = workerData as { config: DigestConfig };
const port = parentPort;
const rows = new RowStore();

// Compiled now, while the worker starts, not when the first digest waits for it. A failure is
// told to each digest, which is then composed elsewhere, and tried again by the next.
getSharedRenderer().then(
  () => port?.postMessage('ready'),
  () => port?.postMessage('ready'),
);

// A request that cannot be read would leave its digest waiting: end the thread, whose digests in
// hand are then composed elsewhere and which starts again.
port?.on('messageerror', () => process.exit(1));

port?.on('message', async (request: ComposeRequest) => {
  let papers: PaperRow[];
  try {
    // Before anything waits: requests must take their rows in the order they were sent.
    papers = rows.take(request);
  } catch (error) {
    port.postMessage({ id: request.id, error: (error as Error).message, unavailable: error instanceof RowNotHeld });
    return;
  }
  let renderer: Awaited<ReturnType<typeof getSharedRenderer>>;
  try {
    renderer = await getSharedRenderer();
  } catch (error) {
    // Templates that would not compile say nothing about this delivery.
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
    const envelope = mail.envelope;
    reply = { id: request.id, raw, crlfChecked: isCrlfChecked(mail.raw), messageId: mail.messageId, envelope };
  } catch (error) {
    reply = { id: request.id, error: (error as Error).message };
  }
  port.postMessage(reply, transfer);
});
