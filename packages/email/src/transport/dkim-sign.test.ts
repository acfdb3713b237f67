import { generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { dkimVerify } from 'mailauth/lib/dkim/verify';
import { SMTPServer } from 'smtp-server';
import { buildMessage } from '../message/build-message';
import { buildRawMail, type RawMail } from '../message/raw-message';
import { isCrlfChecked } from '../message/wire-form';
import { createRenderer } from '../render/renderer';
import { sampleDigestData } from '../render/sample-email-data';
import { createDkimSigner, dkimKey, relaxedBody, streamingSigner } from './dkim-sign';
import { createMailTransport, type MailTransport } from './mail-transport';

// A loopback server that keeps each message's bytes as received (after SMTP's dot-unstuffing),
// as a receiving MTA would hand them to its DKIM verifier; mailauth verifies them with a
// resolver that answers only the test key's TXT record.
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const dkim = {
  domainName: 'news.example.com',
  keySelector: 'pb',
  privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
};
const txt = `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;
const resolver = async (name: string, type: string) => {
  if (name === 'pb._domainkey.news.example.com' && type === 'TXT') return [[txt]];
  throw Object.assign(new Error(`no ${type} for ${name}`), { code: 'ENOTFOUND' });
};
const verify = async (message: Buffer) => (await dkimVerify(message, { resolver })).results;

let server: SMTPServer;
let url: string;
const received: Buffer[] = [];
const transports: MailTransport[] = [];

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => (received.push(Buffer.concat(chunks)), callback()));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const t of transports) t.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function transport(signing: boolean): MailTransport {
  const t = createMailTransport({ smtpUrl: url, devMailboxPort: 0, poolSize: 2, dkim: signing ? dkim : undefined });
  transports.push(t);
  return t;
}

async function digest(html?: string): Promise<RawMail> {
  const renderer = await createRenderer();
  const data = sampleDigestData(5, 10);
  const content = renderer.renderDigest(data);
  const message = buildMessage({
    from: 'Paperboy <papers@news.example.com>',
    to: data.reader.email,
    content: html ? { ...content, html } : content,
    idempotencyKey: 'delivery-dkim',
    secretKey: 'test-secret-key-0123456789',
    list: { name: 'Paperboy daily papers', id: 'digest' },
    unsubscribe: { url: 'https://paperboy.example.com/unsubscribe/one-click?token=abc', mailto: 'u@news.example.com' },
  });
  return buildRawMail(message, new Date('2026-12-07T08:00:00Z'));
}

async function sendRaw(t: MailTransport, mail: RawMail): Promise<Buffer> {
  const before = received.length;
  await t.sendRaw!(mail.envelope, mail.raw);
  expect(received.length).toBe(before + 1);
  return received.at(-1)!;
}

const signedFields = (message: Buffer) =>
  /^DKIM-Signature:[\s\S]*?\bh=([^;]+);/.exec(message.toString('latin1'))?.[1]?.replace(/\s+/g, '').toLowerCase();

describe('DKIM through the lean raw pool', () => {
  it('when a digest is sent with DKIM on, then it arrives signed for the domain and an independent verifier passes it', async () => {
    const arrived = await sendRaw(transport(true), await digest());
    const results = await verify(arrived);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ signingDomain: 'news.example.com', selector: 'pb', status: { result: 'pass' } });
    // The one-click unsubscribe (RFC 8058) only counts when the signature covers both headers.
    expect(signedFields(arrived)?.split(':')).toEqual(
      expect.arrayContaining([
        'from',
        'to',
        'subject',
        'date',
        'message-id',
        'list-unsubscribe',
        'list-unsubscribe-post',
      ]),
    );
  });

  it('when the signed digest body is changed after signing, then verification fails', async () => {
    const arrived = await sendRaw(transport(true), await digest());
    const text = arrived.toString('latin1');
    const at = text.indexOf('</body>');
    expect(at).toBeGreaterThan(0);
    const tampered = Buffer.from(`${text.slice(0, at)}<p>added</p>${text.slice(at)}`, 'latin1');
    const [result] = await verify(tampered);
    // mailauth reports a body hash mismatch as "neutral" (RFC 8601 result names), not "pass".
    expect(result?.status).toMatchObject({ result: 'neutral', comment: 'body hash did not verify' });
  });

  it('when a signed header is changed after signing, then verification fails', async () => {
    const arrived = (await sendRaw(transport(true), await digest())).toString('latin1');
    const tampered = arrived.replace(/^Subject: .*$/m, 'Subject: something else');
    expect(tampered).not.toBe(arrived);
    const [result] = await verify(Buffer.from(tampered, 'latin1'));
    expect(result?.status.result).toBe('fail');
  });

  it('when lines of the body open with a dot, then the signature still verifies after SMTP dot-stuffing', async () => {
    const html = '<html><body>\r\n.starts with a dot\r\n..and two\r\n</body></html>\r\n';
    const arrived = await sendRaw(transport(true), await digest(html));
    expect(arrived.toString('latin1')).toContain('\r\n.starts with a dot\r\n..and two\r\n');
    expect((await verify(arrived))[0]?.status.result).toBe('pass');
  });

  it("when the same digest goes through Nodemailer's own signing transport, then it signs the same header fields and body hash", async () => {
    const t = transport(true);
    const mail = await digest();
    const lean = await sendRaw(t, mail);
    await t.sendMail({ envelope: mail.envelope, raw: mail.raw });
    const full = received.at(-1)!;
    expect(signedFields(lean)).toBe(signedFields(full));
    const bodyHash = (m: Buffer) => /\bbh=([^;]+);/.exec(m.toString('latin1'))?.[1];
    expect(bodyHash(lean)).toBe(bodyHash(full));
    expect((await verify(full))[0]?.status.result).toBe('pass');
  });

  it('when DKIM is off, then the message arrives byte for byte as built, with no signature', async () => {
    const mail = await digest();
    const arrived = await sendRaw(transport(false), mail);
    expect(arrived.equals(mail.raw)).toBe(true);
    expect(arrived.toString('latin1')).not.toMatch(/^DKIM-Signature:/im);
  });

  it('when the DKIM key is not a private key, then the transport is not made (no unsigned sends later)', () => {
    expect(() =>
      createMailTransport({ smtpUrl: url, devMailboxPort: 0, poolSize: 1, dkim: { ...dkim, privateKey: 'not a key' } }),
    ).toThrow();
    const ecKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    });
    expect(() =>
      createMailTransport({
        smtpUrl: url,
        devMailboxPort: 0,
        poolSize: 1,
        dkim: { ...dkim, privateKey: ecKey.toString() },
      }),
    ).toThrow(/RSA/);
  });
});

// Nodemailer's own streaming signer, whole: what the fast body hash must agree with byte for byte
// (an RSA PKCS#1 v1.5 signature over the same bytes is the same signature).
const signedByNodemailer = streamingSigner(dkimKey(dkim));

describe("DKIM's body hash", () => {
  const sign = createDkimSigner(dkimKey(dkim));
  const bodyOf = (raw: Buffer) => raw.toString('latin1', raw.indexOf('\r\n\r\n') + 4);

  it("when a rendered digest is signed, then its body takes the native hash and the message is byte for byte what Nodemailer's signer writes", async () => {
    const { raw } = await digest();
    expect(relaxedBody(bodyOf(raw))).toBeDefined();
    const signed = await sign(raw);
    expect(signed.equals(await signedByNodemailer(raw))).toBe(true);
    // Built messages are known to be CRLF-only, and signing keeps that (no second scan in SMTP).
    expect([isCrlfChecked(raw), isCrlfChecked(signed)]).toEqual([true, true]);
    expect((await verify(signed))[0]?.status.result).toBe('pass');
  });

  it("when bodies hold runs of spaces and tabs, whitespace before line ends, empty lines at the end or bare line breaks, then every signature is Nodemailer's", async () => {
    const { raw } = await digest();
    const headers = raw.subarray(0, raw.indexOf('\r\n\r\n') + 4);
    const pieces = ['a', 'b c', ' ', '  ', '\t', ' \t ', '\r\n', '\r\n\r\n', '.'];
    const bare = [...pieces, '\n', '\r'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    let fast = 0;
    for (let i = 0; i < 300; i++) {
      let body = '';
      const from = i % 3 === 0 ? bare : pieces;
      for (let n = next() % 30; n > 0; n--) body += from[next() % from.length];
      if (i % 2 === 0) body += '\r\n';
      const message = Buffer.concat([headers, Buffer.from(body, 'latin1')]);
      if (relaxedBody(body) !== undefined) fast++;
      const signed = await sign(message);
      expect({ body, signed: signed.toString('latin1') }).toEqual({
        body,
        signed: (await signedByNodemailer(message)).toString('latin1'),
      });
    }
    // Both paths were exercised: the native hash and the streaming signer it leaves the rest to.
    expect(fast).toBeGreaterThan(50);
    expect(fast).toBeLessThan(250);
  });

  it('when a body is canonicalised, then runs of whitespace become one space, line-end whitespace and empty end lines go, and the rest is left', () => {
    expect(relaxedBody('a  b\t\tc \t\r\n\r\n d\r\n\r\n\r\n')).toBe('a b c\r\n\r\n d\r\n');
    expect(relaxedBody('one line\r\n')).toBe('one line\r\n');
    expect(relaxedBody('no line end')).toBeUndefined();
    expect(relaxedBody('bare\nline feed\r\n')).toBeUndefined();
    expect(relaxedBody(' \t\r\n\r\n')).toBeUndefined();
  });
});
