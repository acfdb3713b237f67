import { createRenderer } from '../render/renderer';
import { sampleDigestData } from '../render/sample-email-data';
import { buildMessage } from './build-message';
import { simpleParser } from 'mailparser';
import { bareAddress, buildRawMail, encodeAddress, encodeHeaderText } from './raw-message';

const message = () =>
  buildMessage({
    from: 'Paperboy Ünïcode <papers@news.example.com>',
    to: 'ada@example.org',
    content: {
      subject: '3 new papers on “diffusion” — Grüße',
      html: '<p>Hello &amp; welcome</p>',
      text: 'Hello & welcome\nline two',
    },
    idempotencyKey: 'delivery-7',
    secretKey: 'test-secret-key-0123456789',
    list: { name: 'Paperboy digest', id: 'digest' },
    unsubscribe: { url: 'https://pb.example.com/unsubscribe/abc.def' },
  });

describe('buildRawMail', () => {
  it('when parsed back by a mail client library, then both parts, the encoded subject and sender, and every header are intact', async () => {
    const mail = buildRawMail(message(), new Date('2026-11-27T08:00:00Z'));
    expect(mail.envelope).toEqual({ from: 'papers@news.example.com', to: ['ada@example.org'] });
    const parsed = await simpleParser(mail.raw);
    expect(parsed.subject).toBe('3 new papers on “diffusion” — Grüße');
    expect(parsed.from?.value[0]).toEqual({ name: 'Paperboy Ünïcode', address: 'papers@news.example.com' });
    expect(parsed.text).toBe('Hello & welcome\nline two');
    expect(parsed.html).toBe('<p>Hello &amp; welcome</p>');
    expect(parsed.messageId).toBe(message().messageId);
    expect(parsed.date?.toISOString()).toBe('2026-11-27T08:00:00.000Z');
    expect(parsed.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toBe(
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    );
    expect(parsed.headerLines.find((h) => h.key === 'list-id')?.line).toBe(
      'List-Id: Paperboy digest <digest.news.example.com>',
    );
  });

  it('when a header line is written, then no line is longer than 998 characters and every line ends in CRLF', () => {
    const raw = buildRawMail(message(), new Date()).raw.toString('utf8');
    expect(raw.split('\r\n').every((line) => line.length <= 998 && !line.includes('\n'))).toBe(true);
  });

  it('when the content is not ASCII, then the HTML goes as 7bit with character references and the text as base64, both reading the same', async () => {
    const m = { ...message(), html: '<p>Tomás 😀 &amp; co</p>', text: 'Tomás 😀' };
    const mail = buildRawMail(m, new Date());
    expect(mail.raw.toString('latin1')).toContain('<p>Tom&#225;s &#128512; &amp; co</p>');
    const parsed = await simpleParser(mail.raw);
    expect(parsed.text).toBe('Tomás 😀');
    expect(parsed.html).toBe('<p>Tom&#225;s &#128512; &amp; co</p>');
  });

  it('when a non-ASCII text part goes as base64, then it is encoded with CRLF line ends (canonical form, RFC 2046)', () => {
    const mail = buildRawMail({ ...message(), text: 'Tomás\nline two\n' }, new Date());
    const part =
      /Content-Type: text\/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n([\s\S]*?)\r\n--/.exec(
        mail.raw.toString('latin1'),
      );
    expect(Buffer.from(part![1]!.replaceAll('\r\n', ''), 'base64').toString('utf8')).toBe('Tomás\r\nline two\r\n');
  });
});

describe('buildRawMail with rendered and other HTML', () => {
  const htmlPart = (raw: Buffer) =>
    /Content-Type: text\/html; charset=utf-8\r\nContent-Transfer-Encoding: (\w+)\r\n\r\n([\s\S]*?)\r\n--/.exec(
      raw.toString('latin1'),
    );

  it('when the HTML comes from the renderer (non-ASCII values included), then it goes as 7bit byte for byte and reads the same', async () => {
    const renderer = await createRenderer();
    const data = sampleDigestData(3, 10);
    data.papers[0]!.title = 'Ünïcode 😀 𝔸 中文 <b>title</b>';
    const content = renderer.renderDigest(data);
    const mail = buildRawMail({ ...message(), html: content.html }, new Date());
    expect(htmlPart(mail.raw)?.[1]).toBe('7bit');
    expect(htmlPart(mail.raw)?.[2]).toBe(content.html);
    const parsed = await simpleParser(mail.raw);
    expect(parsed.html).toBe(content.html.replaceAll('\r\n', '\n'));
  });

  it.each([
    ['a NUL', '<p>a\u0000b</p>'],
    ['a line over 990 characters', `<p>${'é'.repeat(200)}</p>`],
  ])('when the HTML has %s even once converted, then it goes as base64 and reads the same', async (_what, html) => {
    const mail = buildRawMail({ ...message(), html }, new Date());
    expect(htmlPart(mail.raw)?.[1]).toBe('base64');
    expect((await simpleParser(mail.raw)).html).toBe(html);
  });

  it('when the HTML has bare CRs and LFs, a lone surrogate and emoji, then it goes as 7bit CRLF with references and reads the same', async () => {
    const html = '<p>a\rb\nc 😀 \ud800</p>';
    const mail = buildRawMail({ ...message(), html }, new Date());
    expect(htmlPart(mail.raw)?.slice(1)).toEqual(['7bit', '<p>a\r\nb\r\nc &#128512; &#55296;</p>']);
    expect(
      mail.raw
        .toString('latin1')
        .split('\r\n')
        .every((line) => !/[\r\n]/.test(line)),
    ).toBe(true);
  });
});

describe('header encoding', () => {
  it('when text is ASCII, then it is kept; otherwise it becomes UTF-8 encoded words that never split a character', () => {
    expect(encodeHeaderText('plain subject')).toBe('plain subject');
    const encoded = encodeHeaderText('é'.repeat(40));
    for (const word of encoded.split('\r\n ')) {
      expect(word.length).toBeLessThanOrEqual(75);
      expect(Buffer.from(/=\?UTF-8\?B\?(.*)\?=/.exec(word)![1]!, 'base64').toString('utf8')).toMatch(/^é+$/);
    }
  });

  it('when an address has a display name with quotes, then it is quoted safely; bare addresses stay bare', () => {
    expect(encodeAddress('Say "hi" <a@b.org>')).toBe('"Say \\"hi\\"" <a@b.org>');
    expect(encodeAddress('a@b.org')).toBe('a@b.org');
    expect(bareAddress('Name <a@b.org>')).toBe('a@b.org');
  });
});
