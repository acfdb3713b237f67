// Recorded-shape bounce and complaint notifications, for tests: the payloads each relay's
// documentation shows (field names, nesting, types), filled with the test's addresses, and
// signed the way the relay signs them. Also DSN (RFC 3464) and ARF (RFC 5965) reports as a
// relay's MTA or a mailbox provider's feedback loop writes them. Never used by running code.
import { createHmac, createSign, type KeyObject, sign } from 'node:crypto';
import type { SnsEnvelope } from '../bounces/sns';
import { snsStringToSign } from '../bounces/sns';

/**
 * A throwaway self-signed RSA certificate and key standing in for SNS's signing certificate
 * (tests serve it from a loopback server). Test-only: it signs nothing real.
 */
export const SNS_TEST_KEY = `
-----BEGIN PRIVATE KEY-----
MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDLMInJMdBlu10m
EBBXxxpoSkCxBMlgieYkTrq0evfEnjutg1zMX9qdEYco78ccqxNx8CDauVrmDqF9
GAP+JTa/8Xjq8WxBc/kACknCjL+GPFfusFkm2b8i85qV2hDaDWUCn88P+A/JIfPj
D9reDxi6kjz5x+jfifYN/9p4bDhbMkTr/muIHTyTy2vxe95NSIq7c07FFLoC0VxG
/68hoj4X3mtPoAzjHfn1493Uq8cqezebHwOuoWNZsrOTpPI1u9NqRLemr+/G9Uf/
yps5Up6HN1VPWZSl8b3zrDfENJ8a6J83Ca/LIknBRO/PArL1aCG4kqjuH1DZGlmo
SxvIN0BHAgMBAAECggEAWEIuJ4GGxxm6nVTu9GHcu549OWcd3dwoZm74NHsRcotU
2sqrnW6pc/5wGj0E3RQGb0Bh1QAcVr/WL5Ml8NfTT06hOlRBtLCeYQEXBvXCH5nI
jDp3jyOYHaN460x8c2rMDHbEJ2iV2sTvvhpd9ITUNf5dlBXctnSjt3MCP7qqRBns
Rz+t5i39NboVl1FAxWwcOnflcOyGmLQpef3iBGBCFEzUsGE3HHngKdwE3XSLqvL8
M/zUu+gPB2OdC9ia241m5ugmpZLHuhnjaaxOR0V0KCVk5TySTJEhOZFMYcXlwwk7
jEAsaFCAiL1qUw9CnL1bnd+ulIErKIxkrLVoITXSIQKBgQDytanCBifPWWgsAIJV
knvCxoFlQtW+MEdme5EKnhTSnGAzxkO+A1YoBPkerA57ESIuk9FqSvUVtkgSONUS
kFO11dhtl9sxer7ZrzcECEGDUbVdeepxs4lrUh6HCsMeMCgq33H9LFyAX8nzViM/
h6E8oJVibi+NBk4DQh2Rt0fm1wKBgQDWUODHWOX0l18OZV7v2EeU8/tK4prb8M1V
RUOstDzCO0jl+CdRVPwXAjoDKJDXTd6IdS189xqg3QKUMaw6gjcb/Doqw+YK/W33
XGwzx4B/Qh6mhgXcdaVE8lc4ke0bEsdyFu+0fIBodBZNLcuNeN/Yzq+QXZFuyhaQ
CJRR/XT0EQKBgQDojwDWFKfYmkaiwuofrHhBrYsWx++eiQwhOo1Dqy0wkP3tHjCS
xQes2PcLWLmXWldyYdjrDF/CKiLssuAXJYvQU9NJT5SL2J0+YBFLH84GUiiCJOtr
fyhRWSI/KyTCrEoQqoHCoNsRdrc/Hm4v1Xm9afE5m3Kcoknl/Vfv47pViQKBgBip
2hRW4K/TM7c+ZzyG0UYNBeBKT7P79EVZ4T3gyBU6KVt9wViUxSYItZBjfLeqWG+v
vHpjHYdhp8hSJxXcombwEemV/cVKAPu0gSc8UEdU3p4fUlFaoJhcozj5YiX5dUZl
6VQF9+kNYvuix4gSXwBeWMnuWqw7SXlt41PELU9hAoGBANwGhXWtTEypqaljmH0/
Ib4aeuBAKMRvPpcG3Ltkh2vldmGX/SmI9jgasxEblozeY2WRyUGrvKpEecq6Rl23
K8EvZodkwXNgSGeWUCCLLx0pH0D9vqQzxh6/Tx8CP67oKogGT6MKLw40V1WPCEvp
ZcrxyrSOBp56Cml7Goi/Ppb/
-----END PRIVATE KEY-----
`.trim();

export const SNS_TEST_CERT = `
-----BEGIN CERTIFICATE-----
MIIDGTCCAgGgAwIBAgIUf5kuCkH9RSVofz4340MMfyPeOZgwDQYJKoZIhvcNAQEL
BQAwGzEZMBcGA1UEAwwQc25zLnRlc3QuaW52YWxpZDAgFw0yNjEyMDYxMjE1NTha
GA8yMTI2MTExMjEyMTU1OFowGzEZMBcGA1UEAwwQc25zLnRlc3QuaW52YWxpZDCC
ASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoCggEBAMswickx0GW7XSYQEFfHGmhK
QLEEyWCJ5iROurR698SeO62DXMxf2p0RhyjvxxyrE3HwINq5WuYOoX0YA/4lNr/x
eOrxbEFz+QAKScKMv4Y8V+6wWSbZvyLzmpXaENoNZQKfzw/4D8kh8+MP2t4PGLqS
PPnH6N+J9g3/2nhsOFsyROv+a4gdPJPLa/F73k1IirtzTsUUugLRXEb/ryGiPhfe
a0+gDOMd+fXj3dSrxyp7N5sfA66hY1mys5Ok8jW702pEt6av78b1R//KmzlSnoc3
VU9ZlKXxvfOsN8Q0nxronzcJr8siScFE788CsvVoIbiSqO4fUNkaWahLG8g3QEcC
AwEAAaNTMFEwHQYDVR0OBBYEFKDjmCrQObFP7HcJMR5Y9Fgl3UAKMB8GA1UdIwQY
MBaAFKDjmCrQObFP7HcJMR5Y9Fgl3UAKMA8GA1UdEwEB/wQFMAMBAf8wDQYJKoZI
hvcNAQELBQADggEBACWKjfGPcfTi/sh9Mds2GG2ayZq8soSCA6eONvF2VgS9C7ev
VnndiOknpZwoBaEnV+I9I/KhfhfgUpf/geAtcwajYRtvhj08nvSxEyQyUIMwSi9T
9BjSrHYFcYa21+unQaZaRBQMmDpBt6t6p3tv6n36advJvUJDdr3+To0lWFYzh4O4
wQ7jG0ouWe6+1lOc443i/BZq7N11ifJLcx0yNZgXiUBXImkBMqAgHfY9fZlx1fIw
mubxFs8sAHEWuXJMYVLc85L67YZ9GCAnxF7XrE+OaWf8WXlF7a1l18XnPsk8UUly
8g+/IIlM+w819sZljMBE2gGRxZ5mIoSsEp76nL4=
-----END CERTIFICATE-----
`.trim();

export interface SnsFields {
  topicArn: string;
  certUrl: string;
  messageId?: string;
  signatureVersion?: '1' | '2';
  key?: string;
}

/** Signs an SNS envelope as SNS does (SignatureVersion 1: SHA1withRSA, 2: SHA256withRSA). */
export function signSns(envelope: Omit<SnsEnvelope, 'Signature'>, key = SNS_TEST_KEY): SnsEnvelope {
  const signer = createSign(envelope.SignatureVersion === '1' ? 'RSA-SHA1' : 'RSA-SHA256');
  signer.update(snsStringToSign({ ...envelope, Signature: '' }));
  return { ...envelope, Signature: signer.sign(key, 'base64') };
}

function snsEnvelope(f: SnsFields, type: SnsEnvelope['Type'], message: string, extra: Partial<SnsEnvelope> = {}) {
  return signSns(
    {
      Type: type,
      MessageId: f.messageId ?? '22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324',
      TopicArn: f.topicArn,
      Message: message,
      Timestamp: '2026-12-06T10:00:00.000Z',
      SignatureVersion: f.signatureVersion ?? '1',
      SigningCertURL: f.certUrl,
      ...extra,
    },
    f.key,
  );
}

/** An SES bounce notification (notificationType Bounce) inside a signed SNS Notification. */
export function sesBounce(
  f: SnsFields & {
    recipient: string;
    bounceType?: 'Permanent' | 'Transient' | 'Undetermined';
    feedbackId?: string;
    ourMessageId?: string;
  },
): SnsEnvelope {
  const permanent = (f.bounceType ?? 'Permanent') === 'Permanent';
  const message = {
    notificationType: 'Bounce',
    bounce: {
      bounceType: f.bounceType ?? 'Permanent',
      bounceSubType: permanent ? 'General' : 'MailboxFull',
      bouncedRecipients: [
        {
          emailAddress: f.recipient,
          action: 'failed',
          status: permanent ? '5.1.1' : '4.2.2',
          diagnosticCode: permanent ? 'smtp; 550 5.1.1 user unknown' : 'smtp; 452 4.2.2 mailbox full',
        },
      ],
      timestamp: '2026-12-06T09:59:58.237Z',
      feedbackId: f.feedbackId ?? '0100017f1a2b3c4d-5e6f7a8b-1111-2222-3333-444455556666-000000',
      remoteMtaIp: '192.0.2.10',
      reportingMTA: 'dsn; a8-70.smtp-out.amazonses.com',
    },
    mail: {
      timestamp: '2026-12-06T09:59:57.000Z',
      source: 'paperboy@example.org',
      sourceArn: 'arn:aws:ses:eu-west-1:123456789012:identity/example.org',
      sendingAccountId: '123456789012',
      messageId: '0100017f1a2b3c4d-aaaaaaaa-bbbb-cccc-dddd-eeeeffff0000-000000',
      destination: [f.recipient],
      headersTruncated: false,
      commonHeaders: {
        from: ['paperboy <paperboy@example.org>'],
        to: [f.recipient],
        messageId: f.ourMessageId,
        subject: 'Your paperboy digest',
      },
    },
  };
  return snsEnvelope(f, 'Notification', JSON.stringify(message));
}

/** An SES complaint notification (a feedback loop's abuse report) inside a signed SNS Notification. */
export function sesComplaint(f: SnsFields & { recipient: string; feedbackId?: string }): SnsEnvelope {
  const message = {
    notificationType: 'Complaint',
    complaint: {
      userAgent: 'ExampleCorp Feedback Loop (V0.01)',
      complainedRecipients: [{ emailAddress: f.recipient }],
      complaintFeedbackType: 'abuse',
      arrivalDate: '2026-12-06T09:00:00.000Z',
      timestamp: '2026-12-06T09:00:01.000Z',
      feedbackId: f.feedbackId ?? '0100017f-complaint-0000-1111-222233334444-000000',
    },
    mail: {
      timestamp: '2026-12-06T08:00:00.000Z',
      source: 'paperboy@example.org',
      messageId: '0100017f1a2b3c4d-complained-000000',
      destination: [f.recipient],
    },
  };
  return snsEnvelope(f, 'Notification', JSON.stringify(message));
}

/** An SNS SubscriptionConfirmation: confirmed by fetching SubscribeURL. */
export function snsSubscriptionConfirmation(f: SnsFields & { subscribeUrl: string }): SnsEnvelope {
  return snsEnvelope(
    f,
    'SubscriptionConfirmation',
    `You have chosen to subscribe to the topic ${f.topicArn}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`,
    { SubscribeURL: f.subscribeUrl, Token: '2336412f37fb687f5d51e6e241d09c805a5a57b30d712f7948a98bac386edfe3' },
  );
}

/** Postmark's bounce webhook (RecordType Bounce), or its spam complaint webhook. */
export function postmarkBounce(f: { email: string; id: number; type?: string; typeCode?: number }): object {
  const type = f.type ?? 'HardBounce';
  const complaint = type === 'SpamComplaint';
  return {
    RecordType: complaint ? 'SpamComplaint' : 'Bounce',
    MessageStream: 'outbound',
    ID: f.id,
    Type: type,
    TypeCode: f.typeCode ?? (complaint ? 100001 : type === 'HardBounce' ? 1 : 4096),
    Name: complaint ? 'Spam complaint' : type === 'HardBounce' ? 'Hard bounce' : 'Soft bounce',
    Tag: 'digest',
    MessageID: '883953f4-6105-42a2-a16a-77a8eac79483',
    Metadata: {},
    ServerID: 23,
    Description: complaint
      ? 'The subscriber explicitly marked this message as spam.'
      : 'The server was unable to deliver your message (ex: unknown user, mailbox not found).',
    Details: 'smtp;550 5.1.1 The email account that you tried to reach does not exist.',
    Email: f.email,
    From: 'paperboy@example.org',
    BouncedAt: '2026-12-06T10:01:02.9070259Z',
    DumpAvailable: true,
    Inactive: true,
    CanActivate: true,
    Subject: 'Your paperboy digest',
  };
}

/** SendGrid Event Webhook events: a bounce (type "bounce" or "blocked") or a spam report. */
export function sendgridEvent(f: {
  email: string;
  id: string;
  event?: 'bounce' | 'spamreport' | 'delivered' | 'deferred';
  type?: 'bounce' | 'blocked';
}): object {
  const event = f.event ?? 'bounce';
  return {
    email: f.email,
    timestamp: 1796551262,
    'smtp-id': '<14c5d75ce93.dfd.64b469@ismtpd-555>',
    event,
    category: ['digest'],
    sg_event_id: f.id,
    sg_message_id: '14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0',
    ...(event === 'bounce'
      ? {
          reason: f.type === 'blocked' ? '550 5.7.1 blocked by policy' : '550 5.1.1 The email account does not exist',
          status: f.type === 'blocked' ? '5.7.1' : '5.1.1',
          type: f.type ?? 'bounce',
          bounce_classification: f.type === 'blocked' ? 'Reputation' : 'Invalid Address',
        }
      : {}),
  };
}

/** Signs a SendGrid body: base64 DER ECDSA-SHA256 over timestamp + body. */
export function signSendgrid(privateKey: KeyObject, body: string, timestamp: string): string {
  return sign('sha256', Buffer.from(timestamp + body), privateKey).toString('base64');
}

/** A Mailgun webhook: `failed` (permanent or temporary) or `complained`, signed with the signing key. */
export function mailgunEvent(f: {
  signingKey: string;
  recipient: string;
  id: string;
  event?: 'failed' | 'complained' | 'delivered';
  severity?: 'permanent' | 'temporary';
  timestamp?: string;
  token?: string;
  ourMessageId?: string;
}): object {
  const timestamp = f.timestamp ?? '1796551262';
  const token = f.token ?? 'a8ce0edb2dd8301dee6c2405235584e45aa91d1e9f979f3de0';
  const event = f.event ?? 'failed';
  return {
    signature: {
      timestamp,
      token,
      signature: createHmac('sha256', f.signingKey)
        .update(timestamp + token)
        .digest('hex'),
    },
    'event-data': {
      event,
      id: f.id,
      timestamp: 1796551262.375624,
      'log-level': event === 'failed' ? 'error' : 'warn',
      recipient: f.recipient,
      'recipient-domain': f.recipient.split('@')[1],
      ...(event === 'failed'
        ? {
            severity: f.severity ?? 'permanent',
            reason: f.severity === 'temporary' ? 'generic' : 'bounce',
            'delivery-status': {
              code: f.severity === 'temporary' ? 452 : 550,
              message: f.severity === 'temporary' ? '4.2.2 Mailbox full' : '5.1.1 The email account does not exist',
              description: '',
              'attempt-no': 1,
              'session-seconds': 0.4,
            },
          }
        : {}),
      message: {
        headers: {
          to: f.recipient,
          'message-id': f.ourMessageId ?? '20261206100102.1.ABCDEF@mg.example.org',
          from: 'paperboy <paperboy@example.org>',
          subject: 'Your paperboy digest',
        },
        attachments: [],
        size: 20342,
      },
      flags: { 'is-routed': false, 'is-authenticated': true, 'is-system-test': false, 'is-test-mode': false },
      tags: [],
      'user-variables': {},
    },
  };
}

/** A Postfix-style DSN (RFC 3464) for one recipient, quoting the original message's headers. */
export function dsnReport(f: {
  reportId: string;
  recipient: string;
  status: string;
  action?: 'failed' | 'delayed';
  originalMessageId?: string;
}): string {
  return [
    'Return-Path: <>',
    'From: MAILER-DAEMON@relay.example.net (Mail Delivery System)',
    'To: bounces@example.org',
    'Subject: Undelivered Mail Returned to Sender',
    `Message-ID: ${f.reportId}`,
    'Date: Sun, 6 Dec 2026 10:00:05 +0000',
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status;',
    '\tboundary="7B3C2E0AB.1796551205/relay.example.net"',
    '',
    'This is a MIME-encapsulated message.',
    '',
    '--7B3C2E0AB.1796551205/relay.example.net',
    'Content-Description: Notification',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This is the mail system at host relay.example.net.',
    '',
    "I'm sorry to have to inform you that your message could not",
    'be delivered to one or more recipients.',
    '',
    '--7B3C2E0AB.1796551205/relay.example.net',
    'Content-Description: Delivery report',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; relay.example.net',
    'X-Postfix-Queue-ID: 7B3C2E0AB',
    'Arrival-Date: Sun,  6 Dec 2026 10:00:01 +0000 (UTC)',
    '',
    `Final-Recipient: rfc822; ${f.recipient}`,
    `Original-Recipient: rfc822;${f.recipient}`,
    `Action: ${f.action ?? 'failed'}`,
    `Status: ${f.status}`,
    'Remote-MTA: dns; mx.example.com',
    `Diagnostic-Code: smtp; ${f.status.startsWith('5') ? '550' : '452'} ${f.status} <${f.recipient}>: Recipient`,
    '    address rejected',
    '',
    '--7B3C2E0AB.1796551205/relay.example.net',
    'Content-Description: Undelivered Message Headers',
    'Content-Type: text/rfc822-headers',
    '',
    'From: paperboy <paperboy@example.org>',
    `To: ${f.recipient}`,
    'Subject: Your paperboy digest',
    `Message-ID: ${f.originalMessageId ?? '<unknown@example.org>'}`,
    '',
    '--7B3C2E0AB.1796551205/relay.example.net--',
    '',
  ].join('\r\n');
}

/** An ARF abuse report (RFC 5965) as a feedback loop sends it; `recipient` absent: redacted. */
export function arfReport(f: { reportId: string; recipient?: string; originalMessageId: string }): string {
  const to = f.recipient ?? 'redacted@example.com';
  return [
    'From: <staff@fbl.example.com>',
    'To: <abuse@example.org>',
    'Subject: FW: Your paperboy digest',
    `Message-ID: ${f.reportId}`,
    'Date: Sun, 6 Dec 2026 11:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=feedback-report;',
    '\tboundary="part1_13d.2e68ed54_boundary"',
    '',
    '--part1_13d.2e68ed54_boundary',
    'Content-Type: text/plain; charset="US-ASCII"',
    'Content-Transfer-Encoding: 7bit',
    '',
    'This is an email abuse report for an email message received from IP',
    '192.0.2.1 on Sun, 6 Dec 2026 10:00:00 +0000.',
    '',
    '--part1_13d.2e68ed54_boundary',
    'Content-Type: message/feedback-report',
    '',
    'Feedback-Type: abuse',
    'User-Agent: SomeGenerator/1.0',
    'Version: 1',
    'Original-Mail-From: <bounces@example.org>',
    ...(f.recipient ? [`Original-Rcpt-To: <${f.recipient}>`] : []),
    'Arrival-Date: Sun, 6 Dec 2026 10:00:00 +0000',
    'Reporting-MTA: dns; mail.example.com',
    'Source-IP: 192.0.2.1',
    '',
    '--part1_13d.2e68ed54_boundary',
    'Content-Type: message/rfc822',
    'Content-Disposition: inline',
    '',
    'From: paperboy <paperboy@example.org>',
    `To: ${to}`,
    'Subject: Your paperboy digest',
    `Message-ID: ${f.originalMessageId}`,
    'Date: Sun, 6 Dec 2026 09:59:00 +0000',
    '',
    'Your digest.',
    '',
    '--part1_13d.2e68ed54_boundary--',
    '',
  ].join('\r\n');
}
