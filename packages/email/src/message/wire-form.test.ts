import { decodeEntities, visibleText } from '../render/html-visible-text';
import { crlfLinesOnly, isCrlfChecked, sevenBitBytes, sevenBitMessage, wireHtml } from './wire-form';

// ASCII only: no UTF-16 unit above 0x7f.
const ASCII_ONLY = /^[^\u0080-\uffff]*$/;
const BARE_CR_OR_LF = /\r(?!\n)|(?<!\r)\n/;

describe('wireHtml', () => {
  const html = '<html><body>\n<p title="Zoë\r">Tomás · 😀 𝔸 中文</p>\r<p>→ next\r\n</p></body></html>';

  it('when HTML has non-ASCII and mixed line breaks, then it comes out ASCII with CRLF only and reads the same', () => {
    const wire = wireHtml(html);
    expect(wire).toMatch(ASCII_ONLY);
    expect(wire).not.toMatch(BARE_CR_OR_LF);
    expect(wire).toContain('Tom&#225;s &#183; &#128512; &#120120; &#20013;&#25991;');
    expect(visibleText(wire)).toBe(visibleText(html));
    expect(decodeEntities(wire).replace(/\r\n?/g, '\n')).toBe(html.replace(/\r\n?/g, '\n'));
  });

  it('when a style sheet has non-ASCII or lines opening with a dot, then it gets CSS escapes and an indent (references mean nothing in CSS)', () => {
    const wire = wireHtml(
      '<style type="text/css">\n.card::before { content: "→ é"; }\n.x{font-family:"微软雅黑"}\n</style><p>.é</p>',
    );
    expect(wire).toBe(
      '<style type="text/css">\r\n .card::before { content: "\\2192  \\e9 "; }\r\n .x{font-family:"\\5fae \\8f6f \\96c5 \\9ed1 "}\r\n</style><p>.&#233;</p>',
    );
  });

  it('when the HTML is in wire form already, then it comes back unchanged', () => {
    const wire = wireHtml(html);
    expect(wireHtml(wire)).toBe(wire);
  });
});

describe('crlfLinesOnly', () => {
  it.each([
    ['', true],
    ['one line', true],
    ['a\r\nb\r\n', true],
    ['\r\n\r\n', true],
    ['a\nb', false],
    ['\nb', false],
    ['a\r\nb\n', false],
    ['a\rb\r\n', false],
    ['a\r\nb\r', false],
    ['\r', false],
  ])('when the text is %j, then CRLF-only is %s', (text, expected) => {
    expect(crlfLinesOnly(text)).toBe(expected);
  });

  it('when a line is longer than the limit, then the text is refused, wherever that line is', () => {
    const long = 'x'.repeat(11);
    expect(crlfLinesOnly(`${'x'.repeat(10)}\r\nshort`, 10)).toBe(true);
    expect(crlfLinesOnly(`${long}\r\nshort`, 10)).toBe(false);
    expect(crlfLinesOnly(`short\r\n${long}`, 10)).toBe(false);
  });
});

describe('sevenBitBytes', () => {
  it('when the body is ASCII with CRLF lines, then its bytes come back as they are', () => {
    const body = '<p>a &#233;</p>\r\n<p>b</p>';
    expect(sevenBitBytes(body)?.toString('latin1')).toBe(body);
  });

  it.each([
    ['a non-ASCII character', 'caf\u00e9'],
    // Latin-1 would write U+0141 as 0x41 ("A"): the check must not be fooled by that.
    ['a character whose low byte is ASCII', 'Łódź'],
    ['an emoji', '😀'],
    ['a lone surrogate', 'a\ud800b'],
    ['a NUL', 'a\u0000b'],
    ['a bare LF', 'a\nb'],
    ['a line over 990 characters', 'x'.repeat(991)],
  ])('when the body has %s, then it cannot go as 7bit', (_what, body) => {
    expect(sevenBitBytes(body)).toBeUndefined();
  });
});

describe('sevenBitMessage', () => {
  const head = [Buffer.from('Subject: x\r\n\r\n')];
  const tail = [Buffer.from('\r\n--end--\r\n')];

  it('when the body is in wire form, then the message is the pieces in order and is known to be CRLF-only', () => {
    const message = sevenBitMessage(head, '<p>x</p>', tail)!;
    expect(message.toString('latin1')).toBe('Subject: x\r\n\r\n<p>x</p>\r\n--end--\r\n');
    expect(isCrlfChecked(message)).toBe(true);
  });

  it('when another piece has a bare LF, then the message is built but not taken as CRLF-only', () => {
    const message = sevenBitMessage([Buffer.from('Subject: x\n\r\n')], '<p>x</p>', tail)!;
    expect(message.toString('latin1')).toBe('Subject: x\n\r\n<p>x</p>\r\n--end--\r\n');
    expect(isCrlfChecked(message)).toBe(false);
  });

  it('when the body is not in wire form, then there is no message (the caller takes its slow path)', () => {
    expect(sevenBitMessage(head, '<p>é</p>', tail)).toBeUndefined();
    expect(sevenBitMessage(head, '<p>\n</p>', tail)).toBeUndefined();
  });

  it('when a buffer was not built here, then it is not taken as checked', () => {
    expect(isCrlfChecked(Buffer.from('a\r\n'))).toBe(false);
  });
});
