// Compose threads (real worker threads) make the same email the event loop makes, take rows
// by key across forgetting, tell bad data from a thread that went away, stop a hung one, and
// start again (backing off) after one died.
import { loadConfig } from '@paperboy/config';
import { createRenderer, isCrlfChecked, type RawMail } from '@paperboy/email';
import { ComposeThreads, ComposeUnavailable } from './compose-threads';
import { composeRawDigest } from './digest-email';
import type { PaperRow } from './paper-cache';
import { encodeReason, type ClaimedDelivery } from './store';
import { frozenRow } from '../../test/paper-row.factory';

const config = loadConfig({ NODE_ENV: 'test' });
const now = new Date('2026-12-07T08:00:00Z');

const row = (title: string, fields: Partial<PaperRow> = {}): PaperRow =>
  frozenRow(title, {
    id: title.length,
    organization: 'Example Lab',
    numComments: 2,
    reason: encodeReason({ topic: 'reward models', matched: ['reward model'], field: 'title', text: title }),
    ...fields,
  });

const delivery = (id: number, papers: PaperRow[]): ClaimedDelivery => ({
  id,
  subscriberId: 40 + id,
  periodKey: 'd2026-12-07',
  kind: 'digest',
  attempts: 1,
  email: `reader-${id}@example.org`,
  frequency: 'daily',
  digestMode: 'topics',
  timezone: 'Europe/Paris',
  topics: ['reward models'],
  topicKeys: ['reward model'],
  papers,
});

/** The message with its random MIME boundary named the same, so two builds compare. */
const text = (mail: RawMail) => mail.raw.toString('latin1').replace(/----=_paperboy_[0-9a-f-]+/g, 'BOUNDARY');

let threads: ComposeThreads;
afterEach(() => threads?.close());

describe('compose threads', () => {
  it('when a digest is composed in a thread, then it is the email the event loop composes, checked for SMTP', async () => {
    threads = new ComposeThreads(config, 1);
    const claimed = delivery(1, [row('Robust reward models'), row('Reward hacking in the wild')]);
    const inThread = await threads.compose(claimed, now);
    const here = composeRawDigest({ config, renderer: await createRenderer() }, claimed, now);
    expect(text(inThread)).toBe(text(here));
    expect(inThread.messageId).toBe(here.messageId);
    expect(inThread.envelope).toEqual({ from: expect.any(String), to: ['reader-1@example.org'] });
    expect(isCrlfChecked(inThread.raw)).toBe(true);
  });

  it('when rows go by key and the thread forgets them in between, then every digest carries its own papers', async () => {
    threads = new ComposeThreads(config, 1, { rowsKept: 3 });
    const words = ['Alpha', 'Beta', 'Gamma', 'Delta'];
    const [a, b, c, d] = words.map((w) => row(`${w} reward models`)) as PaperRow[];
    // B by key; D would make four kept (forget, C and D sent again); C and D by key; A sent, D by key.
    const requests = [
      [a, b],
      [b, c],
      [c, d],
      [c, d],
      [a, d],
    ] as PaperRow[][];
    const mails = [];
    for (const [i, papers] of requests.entries()) mails.push(text(await threads.compose(delivery(i, papers), now)));
    expect(mails.map((m) => words.filter((w) => m.includes(`${w} reward models`)))).toEqual([
      ['Alpha', 'Beta'],
      ['Beta', 'Gamma'],
      ['Gamma', 'Delta'],
      ['Gamma', 'Delta'],
      ['Alpha', 'Delta'],
    ]);
  });

  it('when the stored data cannot make an email, then composing fails with the reason, not as the thread being away', async () => {
    threads = new ComposeThreads(config, 1);
    const error = await threads.compose(delivery(2, [row('A bad link', { hfUrl: 'javascript:alert(1)' })]), now).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ComposeUnavailable);
    expect(error?.message).toMatch(/url/i);
  });

  it('when the threads are closed with a digest in hand, then it fails as unavailable, and the next digest starts a thread at once', async () => {
    threads = new ComposeThreads(config, 1);
    const inHand = threads.compose(delivery(3, [row('Stopped reward models')]), now);
    await threads.close();
    await expect(inHand).rejects.toBeInstanceOf(ComposeUnavailable);
    const again = await threads.compose(delivery(4, [row('Restarted reward models')]), now);
    expect(text(again)).toContain('Restarted reward models');
  });

  it('when a thread dies, then its digest in hand and those right after fail as unavailable, the worker is told, and a new thread takes over after a second', async () => {
    const problems: string[] = [];
    threads = new ComposeThreads(config, 1, { onProblem: (m) => problems.push(m) });
    await threads.start();
    const inHand = threads.compose(delivery(5, [row('Dying reward models')]), now);
    // The thread ends on its own (not through close): as an uncaught crash or an OOM would.
    await (threads as unknown as { slots: { thread: { stop(): Promise<number> } }[] }).slots[0]!.thread.stop();
    await expect(inHand).rejects.toBeInstanceOf(ComposeUnavailable);
    await expect(threads.compose(delivery(6, [row('Waiting reward models')]), now)).rejects.toBeInstanceOf(
      ComposeUnavailable,
    );
    expect(problems).toEqual([expect.stringMatching(/exited .*starts again in 1 s/)]);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(text(await threads.compose(delivery(7, [row('Revived reward models')]), now))).toContain(
      'Revived reward models',
    );
    // It worked again: a second death waits the shortest time again, not twice as long.
    await (threads as unknown as { slots: { thread: { stop(): Promise<number> } }[] }).slots[0]!.thread.stop();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(problems[1]).toMatch(/starts again in 1 s/);
  });

  it('when a thread cannot start, then start() still settles, digests fail as unavailable, and each new try waits twice as long', async () => {
    const problems: string[] = [];
    // A function cannot be copied to a thread: every start fails, as a broken install would.
    const unstartable = { ...config, SECRET_KEY: (() => 'x') as unknown as string };
    threads = new ComposeThreads(unstartable, 1, { onProblem: (m) => problems.push(m) });
    await threads.start();
    await expect(threads.compose(delivery(9, [row('Unstarted reward models')]), now)).rejects.toBeInstanceOf(
      ComposeUnavailable,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await expect(threads.compose(delivery(10, [row('Unstarted reward models')]), now)).rejects.toBeInstanceOf(
      ComposeUnavailable,
    );
    expect(problems).toEqual([
      expect.stringMatching(/could not start.*starts again in 1 s/),
      expect.stringMatching(/could not start.*starts again in 2 s/),
    ]);
  });

  it('when a request cannot be sent to the thread, then it fails as unavailable and the next one brings its rows again', async () => {
    threads = new ComposeThreads(config, 1);
    const shared = row('Shared reward models');
    const uncopyable = { ...delivery(11, [shared]), email: (() => 'x') as unknown as string };
    await expect(threads.compose(uncopyable, now)).rejects.toBeInstanceOf(ComposeUnavailable);
    // Had the row been counted as the thread's, this would name it by a key the thread lacks.
    expect(text(await threads.compose(delivery(12, [shared]), now))).toContain('Shared reward models');
  });

  it('when a digest is not composed by the deadline, then its thread is stopped and the digest fails as unavailable', async () => {
    const problems: string[] = [];
    // 1 ms: a thread still starting (hundreds of ms) is "hung" as far as the watch can tell.
    threads = new ComposeThreads(config, 1, { deadlineMs: 1, onProblem: (m) => problems.push(m) });
    const error = await threads.compose(delivery(8, [row('Slow reward models')]), now).catch((e: Error) => e);
    expect(error).toBeInstanceOf(ComposeUnavailable);
    expect((error as Error).message).toMatch(/took over 1 ms/);
    expect(problems).toEqual([expect.stringMatching(/took over 1 ms/)]);
  });

  it('when a thread does not start by the deadline, then it is stopped and start() settles', async () => {
    const problems: string[] = [];
    threads = new ComposeThreads(config, 1, { deadlineMs: 1, onProblem: (m) => problems.push(m) });
    await threads.start();
    expect(problems).toEqual([expect.stringMatching(/did not start within 1 ms/)]);
  });
});
