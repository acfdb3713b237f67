import { createHash, createHmac } from 'node:crypto';
import { buildMessage, type BuildMessageInput } from './build-message';
import { domainOfAddress, stableMessageId } from './message-id';

const SECRET = 'test-secret-key-0123456789';
const content = { subject: '3 new papers on agents', html: '<p>hi</p>', text: 'hi' };
const input = (over: Partial<BuildMessageInput> = {}): BuildMessageInput => ({
  from: 'Paperboy <papers@news.example.com>',
  to: 'ada@example.com',
  content,
  idempotencyKey: 'delivery-42',
  secretKey: SECRET,
  list: { name: 'Paperboy daily papers', id: 'digest' },
  unsubscribe: { url: 'https://pb.example.com/unsubscribe/one-click?token=abc.def' },
  ...over,
});

describe('buildMessage', () => {
  it('when a digest is built, then it has both parts, the addresses and base64 text encoding', () => {
    const message = buildMessage(input());
    expect(message).toMatchObject({
      from: 'Paperboy <papers@news.example.com>',
      to: 'ada@example.com',
      subject: content.subject,
      html: content.html,
      text: content.text,
      textEncoding: 'base64',
    });
  });

  it('when an unsubscribe URL is given, then List-Unsubscribe and the RFC 8058 one-click header are set', () => {
    const { headers } = buildMessage(
      input({ unsubscribe: { url: 'https://pb.example.com/u?t=1', mailto: 'unsubscribe@news.example.com' } }),
    );
    expect(headers['List-Unsubscribe']).toBe('<https://pb.example.com/u?t=1>, <mailto:unsubscribe@news.example.com>');
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
  });

  it('when no unsubscribe URL is given (a confirmation), then no List-Unsubscribe headers are set', () => {
    const { headers } = buildMessage(input({ unsubscribe: undefined, list: undefined }));
    expect(headers).toEqual({});
  });

  it('when a list is named, then List-Id is the list id under the sender domain', () => {
    expect(buildMessage(input()).headers['List-Id']).toEqual({
      prepared: true,
      value: 'Paperboy daily papers <digest.news.example.com>',
    });
    expect(buildMessage(input({ domain: 'example.org' })).headers['List-Id']).toEqual({
      prepared: true,
      value: 'Paperboy daily papers <digest.example.org>',
    });
  });

  it('when the list name holds quotes, brackets, line breaks or non-ASCII, then List-Id keeps only plain words', () => {
    const { headers } = buildMessage(input({ list: { name: 'Päper "boy" <x>\r\nBcc: y', id: 'digest' } }));
    expect(headers['List-Id']).toEqual({ prepared: true, value: 'P per boy x Bcc y <digest.news.example.com>' });
  });

  it('when the same delivery is built twice, then the Message-ID is the same; another delivery gets another', () => {
    const first = buildMessage(input()).messageId;
    expect(buildMessage(input()).messageId).toBe(first);
    expect(buildMessage(input({ idempotencyKey: 'delivery-43' })).messageId).not.toBe(first);
    expect(first).toMatch(/^<[0-9a-f]{32}@news\.example\.com>$/);
  });

  it.each([
    [
      'a subject with a line break',
      { content: { ...content, subject: 'hi\r\nBcc: victim@example.com' } },
      /subject must be one non-empty line/,
    ],
    ['a recipient with a line break', { to: 'ada@example.com\nBcc: x@y.z' }, /to must be one non-empty line/],
    ['two recipients', { to: 'a@example.com, b@example.com' }, /is not an email address/],
    [
      'a javascript: unsubscribe URL',
      { unsubscribe: { url: 'javascript:alert(1)' } },
      /unsubscribe\.url must be an http\(s\) URL/,
    ],
    [
      'an unsubscribe URL that closes the angle bracket',
      { unsubscribe: { url: 'https://x.org/>, <https://evil.example' } },
      /unsubscribe\.url/,
    ],
    ['a list id with spaces', { list: { name: 'x', id: 'a b' } }, /list\.id/],
    ['an empty idempotency key', { idempotencyKey: ' ' }, /idempotencyKey is required/],
    ['no secret key', { secretKey: '' }, /secretKey is required/],
  ])('when given %s, then building fails with a clear error', (_name, over, message) => {
    expect(() => buildMessage(input(over as Partial<BuildMessageInput>))).toThrow(message);
  });
});

describe('message ids and addresses', () => {
  it('when the key and secret are the same, then the id is the same; the domain is lower-cased', () => {
    expect(stableMessageId('delivery-7', 'Example.COM', SECRET)).toBe(
      stableMessageId('delivery-7', 'example.com', SECRET),
    );
    expect(stableMessageId('delivery-7', 'example.com', SECRET)).toMatch(/^<[0-9a-f]{32}@example\.com>$/);
  });

  it('when the secret differs, then the id differs; back with the first secret, the first id again', () => {
    const first = stableMessageId('delivery-7', 'example.com', SECRET);
    expect(stableMessageId('delivery-7', 'example.com', 'another-secret-key-0123456789')).not.toBe(first);
    expect(stableMessageId('delivery-7', 'example.com', SECRET)).toBe(first);
  });

  it('when someone hashes guessed keys without the secret, then none of them is the id', () => {
    // What anyone could do with the old unkeyed id: hash delivery-1, delivery-2, … until one matched.
    const id = stableMessageId('delivery-7', 'example.com', SECRET);
    for (let n = 1; n <= 100; n++) {
      for (const text of [`paperboy-message:delivery-${n}`, `delivery-${n}`]) {
        expect(id).not.toBe(`<${createHash('sha256').update(text).digest('hex').slice(0, 32)}@example.com>`);
      }
    }
  });

  it('when the id is compared with an HMAC keyed by the raw secret, then they differ (a purpose-specific subkey is used)', () => {
    const raw = createHmac('sha256', SECRET).update('paperboy-message:delivery-7').digest('hex').slice(0, 32);
    expect(stableMessageId('delivery-7', 'example.com', SECRET)).not.toBe(`<${raw}@example.com>`);
  });

  it('when the domain is not a domain or the secret is missing, then it is refused', () => {
    expect(() => stableMessageId('k', 'exa mple>.com', SECRET)).toThrow(/is not a domain name/);
    expect(() => stableMessageId('k', 'example.com', '')).toThrow(/secretKey is required/);
  });

  it('when an address has a display name or none, then its domain is found', () => {
    expect(domainOfAddress('paperboy <paperboy@localhost>')).toBe('localhost');
    expect(domainOfAddress('news@papers.example.org')).toBe('papers.example.org');
    expect(() => domainOfAddress('paperboy')).toThrow(/not an email address/);
  });
});
