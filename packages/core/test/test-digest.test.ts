// The test digest against a real database and a real SMTP server on loopback (the dev mailbox):
// what a subscriber and a stranger receive, that nothing is recorded, and the suppression rule.
import { generateKeyPairSync } from 'node:crypto';
import { loadConfig } from '@paperboy/config';
import { createTestDatabase, type TestDatabase } from '@paperboy/db/testing';
import { createMailTransport, startDevMailbox, type DevMailbox, type MailTransport } from '@paperboy/email';
import { sendTestDigest, TEST_DIGEST_REASON, type TestDigestDeps } from '../src/digests';
import { matchNewPapers } from '../src/matches';
import { hashEmail } from '../src/subscribers/email-address';
import { daysAgo, makePaper, makeReader, NOW } from './matching.factory';

const config = loadConfig({ NODE_ENV: 'test' });
let database: TestDatabase;
let mailbox: DevMailbox;
let mail: MailTransport;
const paper: Record<string, number> = {};
let readerEmail: string;

const deps = (): TestDigestDeps => ({ db: database.db, config, mail, now: () => NOW });
const received = (to: string) => mailbox.messages().filter((m) => m.envelopeTo.includes(to));

beforeAll(async () => {
  database = await createTestDatabase();
  mailbox = await startDevMailbox({ port: 0 });
  mail = createMailTransport({ devMailboxPort: mailbox.port, poolSize: 1 });
  const db = database.db;
  const readerId = await makeReader(db, ['Diffusion Models']);
  // "My topics": this test is about the reader's own ranked papers (trending: digest-trending.test.ts).
  readerEmail = (await db.subscriber.update({ where: { id: readerId }, data: { digestMode: 'topics' } })).email;
  paper.diffusion = await makePaper(db, { title: 'Denoising diffusion models for proteins', upvotes: 3 });
  paper.popular = await makePaper(db, { title: 'Scaling laws for sparse transformers', upvotes: 90 });
  paper.old = await makePaper(db, {
    title: 'An old favourite',
    upvotes: 500,
    publishedAt: daysAgo(config.MATCH_WINDOW_DAYS + 5),
  });
  paper.withdrawn = await makePaper(db, { title: 'A withdrawn preprint', upvotes: 400 });
  await db.paper.update({ where: { id: paper.withdrawn }, data: { withdrawnAt: daysAgo(1) } });
  await matchNewPapers({ db, now: () => NOW, config }, Object.values(paper));
});

afterAll(async () => {
  mail.close();
  await mailbox.close();
  await database.drop();
});

describe('sendTestDigest', () => {
  it("when the address is a subscriber's, then their own ranked papers go out by SMTP with their reasons and nothing is recorded", async () => {
    const result = await sendTestDigest(deps(), readerEmail);

    expect(result).toEqual({ status: 'sent', messageId: expect.any(String), papers: 1, personalised: true });
    const [message] = received(readerEmail);
    expect(message?.headers['message-id']).toBe(result.status === 'sent' ? result.messageId : undefined);
    expect(message?.text).toContain('Denoising diffusion models for proteins');
    expect(message?.text).toContain('Because you follow Diffusion Models');
    expect(message?.text).not.toContain('Scaling laws');
    expect([await database.db.delivery.count(), await database.db.deliveryPaper.count()]).toEqual([0, 0]);
  });

  it("when the address is no subscriber's, then the most upvoted papers of the window go out, never withdrawn or older ones", async () => {
    const result = await sendTestDigest(deps(), 'stranger@example.org');

    expect(result).toMatchObject({ status: 'sent', papers: 2, personalised: false });
    const text = received('stranger@example.org')[0]?.text ?? '';
    expect(text.indexOf('Scaling laws for sparse transformers')).toBeLessThan(
      text.indexOf('Denoising diffusion models for proteins'),
    );
    expect(text.indexOf('Denoising diffusion models')).toBeGreaterThan(-1);
    expect(text).toContain(TEST_DIGEST_REASON);
    expect(text).not.toMatch(/An old favourite|A withdrawn preprint/);
  });

  it('when the address is suppressed, then nothing is sent unless forced', async () => {
    await database.db.suppression.create({
      data: { emailHash: hashEmail('blocked@example.org'), reason: 'hard_bounce' },
    });

    expect(await sendTestDigest(deps(), 'blocked@example.org')).toEqual({ status: 'suppressed' });
    expect(received('blocked@example.org')).toHaveLength(0);

    expect(await sendTestDigest(deps(), 'blocked@example.org', { force: true })).toMatchObject({ status: 'sent' });
    expect(received('blocked@example.org')).toHaveLength(1);
  });

  it('when two test digests go out at different times, then each has its own Message-ID, and the same time gives the same one', async () => {
    const at = (ms: number): TestDigestDeps => ({ ...deps(), now: () => new Date(NOW.getTime() + ms) });
    const ids = [];
    for (const ms of [0, 0, 1]) {
      const result = await sendTestDigest(at(ms), 'ids@example.org');
      ids.push(result.status === 'sent' ? result.messageId : undefined);
    }
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[0]);
    expect(
      received('ids@example.org')
        .map((m) => m.headers['message-id'])
        .sort(),
    ).toEqual([...ids].sort());
  });

  it('when the transport signs with DKIM, then the test digest arrives signed', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const dkim = {
      domainName: 'example.org',
      keySelector: 'test',
      privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    };
    const signing = createMailTransport({ devMailboxPort: mailbox.port, poolSize: 1, dkim });
    try {
      await sendTestDigest({ ...deps(), mail: signing }, 'signed@example.org');
    } finally {
      signing.close();
    }
    const signature = received('signed@example.org')[0]?.headers['dkim-signature'];
    expect(signature).toContain('d=example.org;');
    expect(signature).toContain('s=test;');
  });
});
