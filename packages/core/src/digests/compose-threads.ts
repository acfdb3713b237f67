// Composing a digest (render and MIME, about a third of the send worker's CPU) on the
// worker's event loop made that one thread the send rate's limit while the machine still had
// CPU to spare (BENCHMARKS.md, "Sending", session 19). Compose threads take it off: the event
// loop claims, sends and records; the threads turn claimed deliveries into MIME buffers, which
// come back without a copy (the buffer's memory is transferred).
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { markCrlfChecked, type RawMail } from '@paperboy/email';
import type { DigestSuggestion } from '../feedback/related-topics';
import type { DigestConfig } from './digest-deps';
import type { ClaimedDelivery, PaperRow } from './store';

export interface DigestComposer {
  /**
   * The delivery's email as SMTP takes it. Rejects with ComposeUnavailable when the composing
   * went away (retry later); any other rejection is the data's (the same every time).
   */
  compose(claimed: ClaimedDelivery, now: Date, suggestion?: DigestSuggestion): Promise<RawMail>;
}

/** The compose thread stopped or could not start: nothing is wrong with the delivery. */
export class ComposeUnavailable extends Error {}

/**
 * A paper row as a request carries it: its key alone once the thread has it, else the key and
 * the row (key -1: a row to use once, not kept).
 */
export type PaperOnWire = number | [key: number, row: PaperRow];

/** A compose thread's request and reply (compose-thread.ts answers). */
export interface ComposeRequest {
  id: number;
  /** The delivery without its papers, which come in `papers`. */
  claimed: ClaimedDelivery;
  papers: PaperOnWire[];
  /** The thread forgets the rows it kept before this request (its memory stays bounded). */
  forget?: boolean;
  now: Date;
  suggestion?: DigestSuggestion;
}
export type ComposeReply =
  | { id: number; raw: Uint8Array; crlfChecked: boolean; messageId: string; envelope: RawMail['envelope'] }
  | { id: number; error: string; unavailable?: boolean };

interface Waiting {
  resolve(mail: RawMail): void;
  reject(error: Error): void;
}

/** The thread runs the TypeScript source as the process does (through tsx, Jest) or compiled JS. */
function bootstrap(): { code: string; execArgv?: string[] } {
  const ext = path.extname(__filename);
  const file = path.join(__dirname, `compose-thread${ext}`);
  if (ext !== '.ts') return { code: `require(${JSON.stringify(file)});` };
  const tsx = `require(${JSON.stringify(require.resolve('tsx/cjs'))});`;
  // From the sources, the thread resolves workspace packages to their sources too.
  return { code: `${tsx} require(${JSON.stringify(file)});`, execArgv: [...process.execArgv, '--conditions=source'] };
}

// Paper rows are shared, frozen objects (the paper cache gives one per paper and reason), and
// the renderer keeps each card's view by the row's identity. A row cloned into every request
// would be a new object each time and rendered afresh (the thread's CPU per digest about
// doubled), so each row is sent to a thread once, under a key, and named by its key after.
const rowKeys = new WeakMap<PaperRow, number>();
let nextRowKey = 0;

/** Rows a thread keeps before it is told to forget them all (the paper cache holds up to 2,000 papers). */
const ROWS_KEPT = 10_000;

class ComposeThread {
  readonly waiting = new Map<number, Waiting>();
  /** Settles once the thread has compiled its templates (or has gone). */
  readonly ready: Promise<void>;
  private readonly rowsSent = new Set<number>();
  private readonly worker: Worker;

  constructor(
    config: DigestConfig,
    private readonly rowsKept: number,
    onGone: (thread: ComposeThread) => void,
  ) {
    const { code, execArgv } = bootstrap();
    this.worker = new Worker(code, { eval: true, execArgv, workerData: { config } });
    // An idle thread does not keep the process alive; one with work in hand does (see send).
    this.worker.unref();
    let isReady: () => void = () => undefined;
    this.ready = new Promise((resolve) => {
      isReady = resolve;
    });
    this.worker.on('message', (reply: ComposeReply | 'ready') => (reply === 'ready' ? isReady() : this.settle(reply)));
    const gone = (why: string) => {
      isReady();
      onGone(this);
      for (const waiting of this.waiting.values()) waiting.reject(new ComposeUnavailable(why));
      this.waiting.clear();
    };
    this.worker.on('error', (error) => gone(`the compose thread failed: ${error.message}`));
    this.worker.on('exit', (code) => gone(`the compose thread exited (code ${code})`));
  }

  send(id: number, claimed: ClaimedDelivery, now: Date, suggestion?: DigestSuggestion): Promise<RawMail> {
    const forget = this.rowsSent.size + claimed.papers.length > this.rowsKept;
    if (forget) this.rowsSent.clear();
    const papers = claimed.papers.map((row) => this.onWire(row));
    const request: ComposeRequest = { id, claimed: { ...claimed, papers: [] }, papers, forget, now, suggestion };
    return new Promise((resolve, reject) => {
      if (this.waiting.size === 0) this.worker.ref();
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage(request);
    });
  }

  private onWire(row: PaperRow): PaperOnWire {
    // Only a frozen row is known to stay as it is.
    if (!Object.isFrozen(row)) return [-1, row];
    let key = rowKeys.get(row);
    if (key === undefined) {
      key = nextRowKey++;
      rowKeys.set(row, key);
    }
    if (this.rowsSent.has(key)) return key;
    this.rowsSent.add(key);
    return [key, row];
  }

  private settle(reply: ComposeReply): void {
    const waiting = this.waiting.get(reply.id);
    if (!waiting) return;
    this.waiting.delete(reply.id);
    if (this.waiting.size === 0) this.worker.unref();
    if ('error' in reply) {
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

/** `count` compose threads, each started on first use and again after it stops; a request goes to the least busy. */
export class ComposeThreads implements DigestComposer {
  private readonly threads: (ComposeThread | undefined)[];
  private nextId = 0;

  constructor(
    private readonly config: DigestConfig,
    count: number,
    private readonly rowsKept = ROWS_KEPT,
  ) {
    if (!Number.isInteger(count) || count < 1)
      throw new RangeError('compose threads: count must be a positive integer');
    this.threads = new Array(count).fill(undefined);
  }

  compose(claimed: ClaimedDelivery, now: Date, suggestion?: DigestSuggestion): Promise<RawMail> {
    return this.thread().send(this.nextId++, claimed, now, suggestion);
  }

  /**
   * Starts every thread now rather than on its first digest; settles once each has compiled its
   * templates (or has gone: its digests then start another).
   */
  start(): Promise<void> {
    for (let i = 0; i < this.threads.length; i++) this.threads[i] ??= this.startThread();
    return Promise.all(this.threads.map((t) => t?.ready)).then(() => undefined);
  }

  /** Stops every thread; a request still waiting is rejected as ComposeUnavailable. */
  async close(): Promise<void> {
    const running = this.threads.filter((t): t is ComposeThread => t !== undefined);
    this.threads.fill(undefined);
    await Promise.all(running.map((t) => t.stop()));
  }

  private thread(): ComposeThread {
    let best = 0;
    for (let i = 0; i < this.threads.length; i++) {
      const thread = this.threads[i];
      if (!thread) {
        const started = this.startThread();
        this.threads[i] = started;
        return started;
      }
      if (thread.waiting.size < (this.threads[best] as ComposeThread).waiting.size) best = i;
    }
    return this.threads[best] as ComposeThread;
  }

  private startThread(): ComposeThread {
    return new ComposeThread(this.config, this.rowsKept, (gone) => {
      const at = this.threads.indexOf(gone);
      if (at !== -1) this.threads[at] = undefined;
    });
  }
}
