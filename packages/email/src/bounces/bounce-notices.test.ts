// Each relay's recorded-shape notification → the one BounceNotice shape: which bounces are hard
// (suppress), which soft (recorded only), which are complaints; and signatures that verify or not.
import { createHmac, generateKeyPairSync } from 'node:crypto';
import {
  arfReport,
  dsnReport,
  mailgunEvent,
  postmarkBounce,
  SNS_TEST_CERT,
  sendgridEvent,
  sesBounce,
  sesComplaint,
  signSendgrid,
} from '../testing/bounce-relays';
import { WebhookRejected } from './bounce-notice';
import { reportNotices } from './delivery-report';
import { mailgunNotices } from './mailgun';
import { postmarkNotices } from './postmark';
import { sendgridNotices, sendgridPublicKey, verifySendgridSignature } from './sendgrid';
import { SNS_TRUSTED_URL, sesNotices, verifySnsMessage } from './sns';

const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:ses-bounces';
const CERT_URL = 'https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-test.pem';
const certFetch = (async () => new Response(SNS_TEST_CERT)) as unknown as typeof fetch;

async function rejection(promise: Promise<unknown> | (() => unknown)): Promise<number | undefined> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
    return undefined;
  } catch (error) {
    return error instanceof WebhookRejected ? error.status : -1;
  }
}

describe('Amazon SES via SNS', () => {
  const sns = { topicArns: [TOPIC], fetch: certFetch };

  it('when a signed permanent bounce arrives (SignatureVersion 1 and 2), then it verifies and is a hard bounce for its recipient', async () => {
    for (const version of ['1', '2'] as const) {
      const envelope = sesBounce({
        topicArn: TOPIC,
        certUrl: CERT_URL,
        recipient: 'Gone@Example.com',
        signatureVersion: version,
      });
      const verified = await verifySnsMessage(JSON.stringify(envelope), sns);
      expect(sesNotices(verified)).toEqual([
        expect.objectContaining({ provider: 'ses', kind: 'bounce', permanent: true, recipients: ['Gone@Example.com'] }),
      ]);
    }
  });

  it('when a transient bounce or a complaint arrives, then the first is soft and the second a complaint', () => {
    const soft = sesNotices(
      sesBounce({ topicArn: TOPIC, certUrl: CERT_URL, recipient: 'a@example.com', bounceType: 'Transient' }),
    );
    expect(soft).toEqual([expect.objectContaining({ kind: 'bounce', permanent: false })]);
    const complaint = sesNotices(sesComplaint({ topicArn: TOPIC, certUrl: CERT_URL, recipient: 'b@example.com' }));
    expect(complaint).toEqual([expect.objectContaining({ kind: 'complaint', recipients: ['b@example.com'] })]);
  });

  it('when the message was altered, the topic is not ours or the certificate is not on an SNS host, then it is refused', async () => {
    const envelope = sesBounce({ topicArn: TOPIC, certUrl: CERT_URL, recipient: 'a@example.com' });
    expect(
      await rejection(
        verifySnsMessage(JSON.stringify({ ...envelope, Message: envelope.Message.replace('a@', 'b@') }), sns),
      ),
    ).toBe(401);
    expect(
      await rejection(
        verifySnsMessage(JSON.stringify(envelope), { ...sns, topicArns: ['arn:aws:sns:eu-west-1:1:other'] }),
      ),
    ).toBe(403);
    for (const url of [
      'http://sns.eu-west-1.amazonaws.com/x.pem',
      'https://sns.eu-west-1.amazonaws.com.evil.example/x.pem',
      'https://evil.example/sns.eu-west-1.amazonaws.com/x.pem',
      'https://s3.amazonaws.com/x.pem',
    ]) {
      expect(SNS_TRUSTED_URL.test(url)).toBe(false);
      const forged = sesBounce({ topicArn: TOPIC, certUrl: url, recipient: 'a@example.com' });
      expect(await rejection(verifySnsMessage(JSON.stringify(forged), sns))).toBe(403);
    }
    expect(await rejection(verifySnsMessage('{"Type":', sns))).toBe(400);
    expect(await rejection(verifySnsMessage('[]', sns))).toBe(400);
  });
});

describe('Postmark', () => {
  it('when HardBounce, SoftBounce and SpamComplaint webhooks arrive, then they are hard, soft and a complaint', () => {
    const parse = (type: string) =>
      postmarkNotices(JSON.stringify(postmarkBounce({ email: 'a@example.com', id: 1, type })))[0];
    expect(parse('HardBounce')).toMatchObject({ provider: 'postmark', eventId: '1', kind: 'bounce', permanent: true });
    expect(parse('SoftBounce')).toMatchObject({ kind: 'bounce', permanent: false });
    expect(parse('Blocked')).toMatchObject({ kind: 'bounce', permanent: false });
    expect(parse('SpamComplaint')).toMatchObject({ kind: 'complaint', permanent: true });
  });

  it('when the body is not a bounce webhook, then it is refused or ignored', async () => {
    expect(await rejection(() => postmarkNotices('nope'))).toBe(400);
    expect(await rejection(() => postmarkNotices('{"RecordType":"Bounce"}'))).toBe(400);
    expect(postmarkNotices('{"RecordType":"Delivery","Recipient":"a@example.com"}')).toEqual([]);
  });
});

describe('SendGrid', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const key = sendgridPublicKey(publicKey.export({ format: 'der', type: 'spki' }).toString('base64'));

  it('when a signed batch arrives, then bounces of type "bounce" are hard, "blocked" soft, spam reports complaints and other events ignored', () => {
    const body = JSON.stringify([
      sendgridEvent({ email: 'a@example.com', id: 'e1' }),
      sendgridEvent({ email: 'b@example.com', id: 'e2', type: 'blocked' }),
      sendgridEvent({ email: 'c@example.com', id: 'e3', event: 'spamreport' }),
      sendgridEvent({ email: 'd@example.com', id: 'e4', event: 'delivered' }),
      sendgridEvent({ email: 'e@example.com', id: 'e5', event: 'deferred' }),
    ]);
    const timestamp = '1796551262';
    verifySendgridSignature(key, Buffer.from(body), signSendgrid(privateKey, body, timestamp), timestamp);
    expect(sendgridNotices(body).map((n) => [n.recipients[0], n.kind, n.permanent])).toEqual([
      ['a@example.com', 'bounce', true],
      ['b@example.com', 'bounce', false],
      ['c@example.com', 'complaint', true],
    ]);
  });

  it('when the body, the timestamp or the signature differ, then the signature is refused', async () => {
    const body = JSON.stringify([sendgridEvent({ email: 'a@example.com', id: 'e1' })]);
    const signature = signSendgrid(privateKey, body, '100');
    expect(await rejection(() => verifySendgridSignature(key, Buffer.from(`${body} `), signature, '100'))).toBe(401);
    expect(await rejection(() => verifySendgridSignature(key, Buffer.from(body), signature, '101'))).toBe(401);
    expect(await rejection(() => verifySendgridSignature(key, Buffer.from(body), 'AAAA', '100'))).toBe(401);
    expect(await rejection(() => verifySendgridSignature(key, Buffer.from(body), undefined, '100'))).toBe(401);
  });
});

describe('Mailgun', () => {
  const signingKey = 'mailgun-signing-key-123';

  it('when permanent and temporary failures and a complaint arrive signed, then they are hard, soft and a complaint', () => {
    const parse = (f: Partial<Parameters<typeof mailgunEvent>[0]>) =>
      mailgunNotices(
        JSON.stringify(mailgunEvent({ signingKey, recipient: 'a@example.com', id: 'x', ...f })),
        signingKey,
      )[0];
    expect(parse({})).toMatchObject({ provider: 'mailgun', eventId: 'x', kind: 'bounce', permanent: true });
    expect(parse({ severity: 'temporary' })).toMatchObject({ kind: 'bounce', permanent: false });
    expect(parse({ event: 'complained' })).toMatchObject({ kind: 'complaint', permanent: true });
    expect(parse({ event: 'delivered' })).toBeUndefined();
  });

  it('when signed with another key or the token was changed, then it is refused', async () => {
    const event = mailgunEvent({ signingKey: 'another-key-456', recipient: 'a@example.com', id: 'x' });
    expect(await rejection(() => mailgunNotices(JSON.stringify(event), signingKey))).toBe(401);
    const good = mailgunEvent({ signingKey, recipient: 'a@example.com', id: 'x' }) as { signature: { token: string } };
    good.signature.token = 'b'.repeat(50);
    expect(await rejection(() => mailgunNotices(JSON.stringify(good), signingKey))).toBe(401);
    const hmac = createHmac('sha256', signingKey).update('1x').digest('hex');
    expect(
      await rejection(() =>
        mailgunNotices(JSON.stringify({ signature: { timestamp: '1', token: 'x', signature: hmac } }), signingKey),
      ),
    ).toBe(400);
  });
});

describe('DSN and ARF reports', () => {
  it('when a DSN says failed 5.1.1, then it is a hard bounce for the original recipient, quoting our Message-ID', async () => {
    const raw = dsnReport({
      reportId: '<r1@relay.example.net>',
      recipient: 'gone@example.com',
      status: '5.1.1',
      originalMessageId: '<ours@example.org>',
    });
    expect(await reportNotices(Buffer.from(raw))).toEqual([
      expect.objectContaining({
        provider: 'mailbox',
        eventId: '<r1@relay.example.net>',
        kind: 'bounce',
        permanent: true,
        recipients: ['gone@example.com'],
        messageId: '<ours@example.org>',
      }),
    ]);
  });

  it('when a DSN says failed 5.7.1 or 5.2.2, then it is a soft bounce; delayed 4.x.x gives nothing', async () => {
    for (const status of ['5.7.1', '5.2.2']) {
      const notices = await reportNotices(
        Buffer.from(dsnReport({ reportId: '<r@x>', recipient: 'a@example.com', status })),
      );
      expect(notices).toEqual([expect.objectContaining({ kind: 'bounce', permanent: false })]);
    }
    expect(
      await reportNotices(
        Buffer.from(dsnReport({ reportId: '<r@x>', recipient: 'a@example.com', status: '4.2.2', action: 'delayed' })),
      ),
    ).toEqual([]);
  });

  it('when an ARF report arrives with or without Original-Rcpt-To, then it is a complaint naming the address or only our Message-ID', async () => {
    const named = await reportNotices(
      Buffer.from(
        arfReport({ reportId: '<f1@fbl>', recipient: 'reader@example.com', originalMessageId: '<m1@example.org>' }),
      ),
    );
    expect(named).toEqual([
      expect.objectContaining({ kind: 'complaint', recipients: ['reader@example.com'], messageId: '<m1@example.org>' }),
    ]);
    const redacted = await reportNotices(
      Buffer.from(arfReport({ reportId: '<f2@fbl>', originalMessageId: '<m2@example.org>' })),
    );
    expect(redacted).toEqual([expect.objectContaining({ kind: 'complaint', messageId: '<m2@example.org>' })]);
  });

  it('when a message is no report (a human reply, an auto-reply), then it gives nothing', async () => {
    expect(
      await reportNotices(Buffer.from('From: a@example.com\r\nSubject: Out of office\r\n\r\nAway.')),
    ).toBeUndefined();
    expect(await reportNotices(Buffer.from('\u0000garbage'))).toBeUndefined();
  });
});
