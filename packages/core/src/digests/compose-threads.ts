// Composing a digest (render and MIME, about a third of the send worker's CPU) on the
// worker's event loop made that one thread the send rate's limit while the machine still had
// CPU to spare (BENCHMARKS.md, "Sending", session 19). Compose threads take it off: the event
// loop claims, sends and records; the threads turn claimed deliveries into MIME buffers, which
// come back without a copy (the buffer's memory is transferred). When no thread can take a
// digest (one failed to start, died, or hung), the caller composes it on the event loop.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { markCrlfChecked, type RawMail } from '@paperboy/email';
import type { DigestSuggestion } from '../feedback/related-topics';
import { threadEntry } from '../thread-entry';
import { RowLedger, type RowsOnWire } from './compose-rows';
import type { DigestConfig } from './digest-deps';
import type { ClaimedDelivery } from './store';

export interface DigestComposer {
  /**
   * The delivery's email as SMTP takes it. Rejects with ComposeUnavailable when no thread could
   * compose it (compose it elsewhere); any other rejection is the data's (the same every time).
   */
  compose(claimed: ClaimedDelivery, now: Date, suggestion?: DigestSuggestion): Promise<RawMail>;
}

/** No compose thread could take the digest: nothing is wrong with the delivery. */
export class ComposeUnavailable extends Error {
  override name = 'ComposeUnavailable';
}

/** A compose thread's request and reply (compose-thread.ts answers). */
export interface ComposeRequest extends RowsOnWire {
  id: number;
  /** The delivery without its papers, which come in `papers`. */
  claimed: ClaimedDelivery;
  now: Date;
  suggestion?: DigestSuggestion;
}
export type ComposeReply =
  | { id: number; raw: Uint8Array; crlfChecked: boolean; messageId: string; envelope: RawMail['envelope'] }
  | { id: number; error: string; unavailable?: boolean };

export interface ComposeThreadsOptions {
  /** Rows a thread keeps before it is told to forget them all (default 10,000: rows are per paper and reason). */
  rowsKept?: number;
  /**
   * A digest not composed in this long, or a thread not started in this long, stops the thread
   * (hung: it is started again). Its digests are then composed on the event loop, so a digest
   * that itself hangs the renderer would hang the event loop too, as it did before threads.
   */
  deadlineMs?: number;
  /** Told when a thread stops or cannot start (the worker logs it). */
  onProblem?: (message: string) => void;
}

interface Waiting {
  since: number;
  resolve(mail: RawMail): void;
  reject(error: Error): void;
}

/** Thread restarts back off from 1 s, doubling up to a minute while they keep failing. */
const RESTART_DELAY_MS = { first: 1_000, max: 60_000 };

class ComposeThread {
  readonly waiting = new Map<number, Waiting>();
  /** Settles once the thread has compiled its templates (or has gone). */
  readonly ready: Promise<void>;
  private readonly worker: Worker;
  private readonly ledger: RowLedger;
  private readonly watch: NodeJS.Timeout;

  constructor(config: DigestConfig, options: Required<ComposeThreadsOptions>, onGone: (why: string) => void) {
    const { code, execArgv } = threadEntry(__dirname, 'compose-thread', path.extname(__filename));
    this.ledger = new RowLedger(options.rowsKept);
    this.worker = new Worker(code, { eval: true, execArgv, workerData: { config } });
    // An idle thread does not keep the process alive; one with work in hand does (see send).
    this.worker.unref();
    const startedAt = performance.now();
    let started = false;
    let isReady: () => void = () => undefined;
    this.ready = new Promise((resolve) => {
      isReady = () => {
        started = true;
        resolve();
      };
    });
    this.worker.on('message', (reply: ComposeReply | 'ready') => (reply === 'ready' ? isReady() : this.settle(reply)));
    let gone = false;
    const end = (why: string) => {
      // 'error' is followed by 'exit': the first one says why.
      if (gone) return;
      gone = true;
      clearInterval(this.watch);
      isReady();
      onGone(why);
      for (const waiting of this.waiting.values()) waiting.reject(new ComposeUnavailable(why));
      this.waiting.clear();
    };
    this.worker.on('error', (error) => end(`the compose thread failed: ${error.message}`));
    this.worker.on('exit', (code) => end(`the compose thread exited (code ${code})`));
    this.worker.on('messageerror', () => void this.worker.terminate());
    // A digest takes about a millisecond and a start about a second: past the deadline, hung.
    const hung = (why: string) => {
      end(why);
      void this.worker.terminate();
    };
    this.watch = setInterval(
      () => {
        const oldest = this.waiting.values().next().value;
        const now = performance.now();
        if (oldest && now - oldest.since > options.deadlineMs)
          hung(`the compose thread took over ${options.deadlineMs} ms for a digest and was stopped`);
        else if (!started && now - startedAt > options.deadlineMs)
          hung(`the compose thread did not start within ${options.deadlineMs} ms and was stopped`);
      },
      Math.min(options.deadlineMs, 5_000),
    ).unref();
  }

  send(id: number, claimed: ClaimedDelivery, now: Date, suggestion?: DigestSuggestion): Promise<RawMail> {
    const rows = this.ledger.wire(claimed.papers);
    const request: ComposeRequest = { id, claimed: { ...claimed, papers: [] }, ...rows, now, suggestion };
    return new Promise((resolve, reject) => {
      try {
        this.worker.postMessage(request);
      } catch (error) {
        this.ledger.lost();
        reject(new ComposeUnavailable(`the compose thread was not sent the digest: ${(error as Error).message}`));
        return;
      }
      if (this.waiting.size === 0) this.worker.ref();
      this.waiting.set(id, { since: performance.now(), resolve, reject });
    });
  }

  private settle(reply: ComposeReply): void {
    const waiting = this.waiting.get(reply.id);
    if (!waiting) return;
    this.waiting.delete(reply.id);
    if (this.waiting.size === 0) this.worker.unref();
    if ('error' in reply) {
      if (reply.unavailable) this.ledger.lost();
      waiting.reject(reply.unavailable ? new ComposeUnavailable(reply.error) : new Error(reply.error));
      return;
    }
    const raw = Buffer.from(reply.raw.buffer, reply.raw.byteOffset, reply.raw.byteLength);
    // Checked by the same code in the thread: the SMTP connection need not scan it again.
    if (reply.crlfChecked) markCrlfChecked(raw);
    waiting.resolve({ raw, messageId: reply.messageId, envelope: reply.envelope });
  }

  stop(): Promise<number> {
    return this.worker.terminate();
  }
}

interface Slot {
  thread?: ComposeThread;
  /** While a thread keeps failing: no new one before this time (ms), and the next wait. */
  restartAt: number;
  delayMs: number;
}

/** `count` compose threads, each started again after it stops (backing off); a request goes to the least busy. */
export class ComposeThreads implements DigestComposer {
  private readonly slots: Slot[];
  private readonly options: Required<ComposeThreadsOptions>;
  private nextId = 0;

  constructor(
    private readonly config: DigestConfig,
    count: number,
    options: ComposeThreadsOptions = {},
  ) {
    if (!Number.isInteger(count) || count < 1)
      throw new RangeError('compose threads: count must be a positive integer');
    this.options = { rowsKept: 10_000, deadlineMs: 30_000, onProblem: () => undefined, ...options };
    this.slots = Array.from({ length: count }, () => ({ restartAt: 0, delayMs: RESTART_DELAY_MS.first }));
  }

  async compose(claimed: ClaimedDelivery, now: Date, suggestion?: DigestSuggestion): Promise<RawMail> {
    const slot = this.pick();
    const thread = slot?.thread;
    if (!slot || !thread) throw new ComposeUnavailable('no compose thread is running (restarting after a failure)');
    const mail = await thread.send(this.nextId++, claimed, now, suggestion);
    // This thread works: if it fails later, its slot starts again after the shortest wait.
    if (slot.thread === thread) slot.delayMs = RESTART_DELAY_MS.first;
    return mail;
  }

  /**
   * Starts every thread now rather than on its first digest; settles once each has compiled its
   * templates (or has gone: its digests are then composed elsewhere until it starts again).
   */
  start(): Promise<void> {
    return Promise.all(this.slots.map((slot) => this.ensure(slot)?.ready)).then(() => undefined);
  }

  /** Stops every thread; a digest still in one is rejected as ComposeUnavailable. The next digest starts them again. */
  async close(): Promise<void> {
    const running = this.slots.flatMap((slot) => (slot.thread ? [slot.thread] : []));
    for (const slot of this.slots)
      Object.assign(slot, { thread: undefined, restartAt: 0, delayMs: RESTART_DELAY_MS.first });
    await Promise.all(running.map((thread) => thread.stop()));
  }

  /** The least busy running thread, starting those that may start. */
  private pick(): Slot | undefined {
    let best: Slot | undefined;
    for (const slot of this.slots) {
      const thread = this.ensure(slot);
      if (thread && (!best?.thread || thread.waiting.size < best.thread.waiting.size)) best = slot;
    }
    return best;
  }

  private ensure(slot: Slot): ComposeThread | undefined {
    if (slot.thread || performance.now() < slot.restartAt) return slot.thread;
    try {
      const thread: ComposeThread = new ComposeThread(this.config, this.options, (why) => {
        if (slot.thread === thread) this.failed(slot, why);
      });
      slot.thread = thread;
    } catch (error) {
      this.failed(slot, `a compose thread could not start: ${(error as Error).message}`);
    }
    return slot.thread;
  }

  private failed(slot: Slot, why: string): void {
    slot.thread = undefined;
    slot.restartAt = performance.now() + slot.delayMs;
    this.options.onProblem(
      `${why}; it starts again in ${slot.delayMs / 1000} s (its digests go to another thread or the event loop)`,
    );
    slot.delayMs = Math.min(slot.delayMs * 2, RESTART_DELAY_MS.max);
  }
}
