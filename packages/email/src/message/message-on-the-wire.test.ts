// What Nodemailer actually writes for a built message (stream transport: no network), parsed
// back with mailparser, as a receiving server would.
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { simpleParser } from 'mailparser';
import { createRenderer } from '../render/renderer';
import { sampleDigestData } from '../render/sample-email-data';
import { buildMessage } from './build-message';

async function onTheWire(message: Mail.Options): Promise<string> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const info = await transport.sendMail(message);
  return (info.message as Buffer).toString('utf8');
}

describe('a built digest message, as Nodemailer writes it', () => {
  it('when sent, then headers, both parts and the Message-ID arrive intact', async () => {
    const renderer = await createRenderer();
    const data = sampleDigestData(5, 10);
    const content = renderer.renderDigest(data);
    const unsubscribeUrl = `https://paperboy.example.com/unsubscribe/one-click?token=${'a'.repeat(120)}`;
    const message = buildMessage({
      from: 'Paperboy <papers@news.example.com>',
      to: data.reader.email,
      content,
      idempotencyKey: 'delivery-123',
      secretKey: 'test-secret-key-0123456789',
      list: { name: 'Paperboy daily papers', id: 'digest' },
      unsubscribe: { url: unsubscribeUrl, mailto: 'unsubscribe@news.example.com' },
    });
    const raw = await onTheWire(message);
    const parsed = await simpleParser(raw);

    expect(parsed.messageId).toBe(message.messageId);
    expect(parsed.subject).toBe(content.subject);
    expect(parsed.to && 'text' in parsed.to ? parsed.to.text : '').toBe(data.reader.email);
    // Long headers may be folded over lines on the wire; unfolded they must be exactly ours.
    const header = (name: string) => parsed.headerLines.find((h) => h.key === name)?.line.replace(/\r?\n[ \t]+/g, ' ');
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(header('list-unsubscribe')).toBe(
      `List-Unsubscribe: <${unsubscribeUrl}>, <mailto:unsubscribe@news.example.com>`,
    );
    expect(header('list-id')).toBe('List-ID: Paperboy daily papers <digest.news.example.com>');
    // A mail parser hands a 7bit part back with LF line ends; for HTML, CRLF (as rendered) and
    // LF are the same document.
    expect(parsed.html).toBe(content.html.replaceAll('\r\n', '\n'));
    expect(parsed.text).toBe(content.text);
    // base64 parts (see build-message.ts): no quoted-printable anywhere.
    expect(raw).toMatch(/Content-Transfer-Encoding: base64/);
    expect(raw).not.toMatch(/quoted-printable/i);
  });
});
