// The bounce and complaint webhooks against the real app (real Postgres and Redis), with
// recorded-shape payloads signed as each relay signs them. SNS's certificate and SubscribeURL
// are served by a loopback server standing in for amazonaws.com (BOUNCE_SNS_URL_PATTERN, a
// test-only setting, lets the app trust it).
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hashEmail } from '@paperboy/core';
import {
  mailgunEvent,
  postmarkBounce,
  SNS_TEST_CERT,
  sendgridEvent,
  sesBounce,
  sesComplaint,
  signSendgrid,
  snsSubscriptionConfirmation,
} from '@paperboy/email/testing';
import { createMetrics } from '@paperboy/metrics';
import { activeReader } from './reader-client';
import { startTestApp, type TestApp } from './test-app';

const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:ses-bounces';
const POSTMARK = { user: 'postmark', password: 'postmark-webhook-secret' };
const MAILGUN_KEY = 'mailgun-signing-key-0123456789';
const ADMIN = { ADMIN_USER: 'operator', ADMIN_PASSWORD: 'correct-horse-battery' };
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const sendgridKeys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const metrics = createMetrics({ service: 'api', defaultMetrics: false });
const reported = async (provider: string, reason: string) =>
  (await metrics.bouncesReported.get()).values.find((v) => v.labels.provider === provider && v.labels.reason === reason)
    ?.value ?? 0;

describe('bounce webhooks', () => {
  let app: TestApp;
  let aws: Server;
  let awsUrl: string;
  const awsHits: string[] = [];
  beforeAll(async () => {
    // Loopback stand-in for SNS: its signing certificate and the SubscribeURL.
    aws = createServer((req, res) => {
      awsHits.push(req.url ?? '');
      if (req.url?.endsWith('.pem')) res.end(SNS_TEST_CERT);
      else if (req.url?.startsWith('/confirm')) res.end('<ConfirmSubscriptionResponse/>');
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => aws.listen(0, '127.0.0.1', resolve));
    awsUrl = `http://127.0.0.1:${(aws.address() as AddressInfo).port}`;
    app = await startTestApp(
      {
        ...ADMIN,
        BOUNCE_SES_TOPIC_ARNS: TOPIC,
        BOUNCE_SNS_URL_PATTERN: `^${awsUrl.replace(/\./g, '\\.')}/`,
        BOUNCE_POSTMARK_USER: POSTMARK.user,
        BOUNCE_POSTMARK_PASSWORD: POSTMARK.password,
        BOUNCE_SENDGRID_PUBLIC_KEY: sendgridKeys.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
        BOUNCE_MAILGUN_SIGNING_KEY: MAILGUN_KEY,
      },
      { metrics },
    );
  });
  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => aws.close(resolve));
  });

  const post = (relay: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${app.baseUrl}/webhooks/bounces/${relay}`, {
      method: 'POST',
      headers: { 'content-type': relay === 'ses' ? 'text/plain; charset=UTF-8' : 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const db = () => app.database.db;
  const readerStatus = async (email: string) => (await db().subscriber.findUnique({ where: { email } }))?.status;
  const suppression = async (email: string) =>
    (await db().suppression.findUnique({ where: { emailHash: hashEmail(email) } }))?.reason;
  const sns = (messageId: string) => ({
    topicArn: TOPIC,
    certUrl: `${awsUrl}/SimpleNotificationService-1.pem`,
    messageId,
  });

  describe('Amazon SES via SNS', () => {
    it('when SNS asks to confirm the subscription, then paperboy fetches the SubscribeURL, and only on a trusted host', async () => {
      const ok = await post(
        'ses',
        snsSubscriptionConfirmation({ ...sns('c1'), subscribeUrl: `${awsUrl}/confirm?Token=abc` }),
      );
      expect([ok.status, await ok.json()]).toEqual([200, { confirmed: true }]);
      expect(awsHits).toContain('/confirm?Token=abc');
      const evil = await post(
        'ses',
        snsSubscriptionConfirmation({ ...sns('c2'), subscribeUrl: 'https://attacker.example/confirm' }),
      );
      expect(evil.status).toBe(403);
    });

    it('when a signed permanent bounce arrives twice, then the reader is bounced and suppressed once', async () => {
      await activeReader(app, 'ses-gone@example.org');
      const bounce = sesBounce({ ...sns('n1'), recipient: 'ses-gone@example.org', signatureVersion: '2' });
      const first = await post('ses', bounce);
      expect([first.status, await first.json()]).toEqual([200, { recorded: 1, duplicates: 0, suppressed: 1 }]);
      expect(await readerStatus('ses-gone@example.org')).toBe('bounced');
      expect(await suppression('ses-gone@example.org')).toBe('hard_bounce');
      const again = await post('ses', bounce);
      expect(await again.json()).toEqual({ recorded: 0, duplicates: 1, suppressed: 0 });
      expect(await reported('ses', 'hard_bounce')).toBe(1); // paperboy_bounces_reported_total counts it once
    });

    it('when a transient bounce and a complaint arrive, then the first is only recorded and the second suppresses', async () => {
      await activeReader(app, 'ses-full@example.org');
      await activeReader(app, 'ses-spam@example.org');
      await post(
        'ses',
        sesBounce({ ...sns('n2'), recipient: 'ses-full@example.org', bounceType: 'Transient', feedbackId: 'f2' }),
      );
      expect(await readerStatus('ses-full@example.org')).toBe('active');
      await post('ses', sesComplaint({ ...sns('n3'), recipient: 'ses-spam@example.org' }));
      expect(await readerStatus('ses-spam@example.org')).toBe('complained');
      expect(await suppression('ses-spam@example.org')).toBe('complaint');
    });

    it('when the signature, the topic, the certificate host or the JSON is wrong, then 401, 403, 403, 400 and nothing is stored', async () => {
      await activeReader(app, 'ses-forged@example.org');
      const bounce = sesBounce({ ...sns('n4'), recipient: 'ses-forged@example.org', feedbackId: 'f4' });
      const tampered = { ...bounce, Message: bounce.Message.replace('Permanent', 'Permanent ') };
      expect((await post('ses', tampered)).status).toBe(401);
      const otherTopic = sesBounce({
        ...sns('n5'),
        topicArn: 'arn:aws:sns:eu-west-1:210987654321:mine',
        recipient: 'ses-forged@example.org',
      });
      expect((await post('ses', otherTopic)).status).toBe(403);
      const otherCert = sesBounce({
        ...sns('n6'),
        certUrl: 'https://sns.eu-west-1.amazonaws.com.attacker.example/c.pem',
        recipient: 'ses-forged@example.org',
      });
      expect((await post('ses', otherCert)).status).toBe(403);
      expect((await post('ses', '{"Type": "Notification"')).status).toBe(400);
      expect(await readerStatus('ses-forged@example.org')).toBe('active');
    });
  });

  describe('Postmark', () => {
    const auth = { authorization: basic(POSTMARK.user, POSTMARK.password) };

    it('when the webhook comes without or with wrong credentials, then 401 and nothing is read', async () => {
      await activeReader(app, 'pm-anon@example.org');
      const body = postmarkBounce({ email: 'pm-anon@example.org', id: 9 });
      expect((await post('postmark', body)).status).toBe(401);
      expect((await post('postmark', body, { authorization: basic(POSTMARK.user, 'guess-guess-guess') })).status).toBe(
        401,
      );
      expect(await readerStatus('pm-anon@example.org')).toBe('active');
    });

    it('when HardBounce, SoftBounce and SpamComplaint arrive, then hard suppresses, soft is recorded, the complaint suppresses', async () => {
      for (const email of ['pm-hard@example.org', 'pm-soft@example.org', 'pm-spam@example.org'])
        await activeReader(app, email);
      expect((await post('postmark', postmarkBounce({ email: 'pm-hard@example.org', id: 1 }), auth)).status).toBe(200);
      await post('postmark', postmarkBounce({ email: 'pm-soft@example.org', id: 2, type: 'SoftBounce' }), auth);
      await post('postmark', postmarkBounce({ email: 'pm-spam@example.org', id: 3, type: 'SpamComplaint' }), auth);
      expect(await readerStatus('pm-hard@example.org')).toBe('bounced');
      expect(await readerStatus('pm-soft@example.org')).toBe('active');
      expect(await suppression('pm-soft@example.org')).toBeUndefined();
      expect(await readerStatus('pm-spam@example.org')).toBe('complained');
      expect((await post('postmark', 'not json', auth)).status).toBe(400);
    });
  });

  describe('SendGrid', () => {
    const signed = (body: string, timestamp = '1796551262') => ({
      'x-twilio-email-event-webhook-signature': signSendgrid(sendgridKeys.privateKey, body, timestamp),
      'x-twilio-email-event-webhook-timestamp': timestamp,
    });

    it('when a signed batch arrives, then "bounce" suppresses, "blocked" is recorded, a spam report suppresses', async () => {
      for (const email of ['sg-hard@example.org', 'sg-blocked@example.org', 'sg-spam@example.org'])
        await activeReader(app, email);
      const body = JSON.stringify([
        sendgridEvent({ email: 'sg-hard@example.org', id: 'sg1' }),
        sendgridEvent({ email: 'sg-blocked@example.org', id: 'sg2', type: 'blocked' }),
        sendgridEvent({ email: 'sg-spam@example.org', id: 'sg3', event: 'spamreport' }),
        sendgridEvent({ email: 'sg-hard@example.org', id: 'sg4', event: 'delivered' }),
      ]);
      const res = await post('sendgrid', body, signed(body));
      expect([res.status, await res.json()]).toEqual([200, { recorded: 3, duplicates: 0, suppressed: 2 }]);
      expect(await readerStatus('sg-hard@example.org')).toBe('bounced');
      expect(await readerStatus('sg-blocked@example.org')).toBe('active');
      expect(await readerStatus('sg-spam@example.org')).toBe('complained');
    });

    it('when the signature is missing or does not match the body, then 401; a signed body that is not JSON is 400', async () => {
      const body = JSON.stringify([sendgridEvent({ email: 'sg-x@example.org', id: 'sg9' })]);
      expect((await post('sendgrid', body)).status).toBe(401);
      expect((await post('sendgrid', body.replace('sg9', 'sg8'), signed(body))).status).toBe(401);
      expect((await post('sendgrid', '{"oops"', signed('{"oops"'))).status).toBe(400);
    });
  });

  describe('Mailgun', () => {
    it('when a permanent failure, a temporary one and a complaint arrive signed, then they suppress, record, suppress', async () => {
      for (const email of ['mg-hard@example.org', 'mg-temp@example.org', 'mg-spam@example.org'])
        await activeReader(app, email);
      const ok = await post(
        'mailgun',
        mailgunEvent({ signingKey: MAILGUN_KEY, recipient: 'mg-hard@example.org', id: 'mg1' }),
      );
      expect(ok.status).toBe(200);
      await post(
        'mailgun',
        mailgunEvent({ signingKey: MAILGUN_KEY, recipient: 'mg-temp@example.org', id: 'mg2', severity: 'temporary' }),
      );
      await post(
        'mailgun',
        mailgunEvent({ signingKey: MAILGUN_KEY, recipient: 'mg-spam@example.org', id: 'mg3', event: 'complained' }),
      );
      expect(await readerStatus('mg-hard@example.org')).toBe('bounced');
      expect(await readerStatus('mg-temp@example.org')).toBe('active');
      expect(await readerStatus('mg-spam@example.org')).toBe('complained');
    });

    it('when signed with another key or not JSON, then 401 or 400', async () => {
      await activeReader(app, 'mg-forged@example.org');
      const forged = mailgunEvent({ signingKey: 'not-the-key-at-all', recipient: 'mg-forged@example.org', id: 'mg9' });
      expect((await post('mailgun', forged)).status).toBe(401);
      expect((await post('mailgun', '<xml/>')).status).toBe(400);
      expect(await readerStatus('mg-forged@example.org')).toBe('active');
    });
  });

  it('when bounces were reported, then the admin overview counts them by relay and reason', async () => {
    const page = await (
      await fetch(`${app.baseUrl}/admin?fresh=1`, {
        headers: { authorization: basic(ADMIN.ADMIN_USER, ADMIN.ADMIN_PASSWORD) },
      })
    ).text();
    expect(page).toContain('Bounces and complaints reported later');
    for (const label of [
      'Amazon SES',
      'Postmark',
      'SendGrid',
      'Mailgun',
      'hard bounce (suppressed)',
      'soft bounce (recorded)',
      'complaint (suppressed)',
    ])
      expect(page).toContain(label);
  });
});

describe('bounce webhooks without their secrets', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('when no relay is configured, then every webhook answers 404', async () => {
    for (const relay of ['ses', 'postmark', 'sendgrid', 'mailgun']) {
      const res = await fetch(`${app.baseUrl}/webhooks/bounces/${relay}`, { method: 'POST', body: '{}' });
      expect([relay, res.status]).toEqual([relay, 404]);
    }
  });
});
