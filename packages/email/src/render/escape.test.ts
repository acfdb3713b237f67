import { escapeHtml, escapeText, escapeUrl, isSafeUrl, oneLine } from './escape';
import { decodeEntities } from './html-visible-text';

describe('escapeHtml', () => {
  it('when a value holds markup and quotes, then every special character becomes an entity', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;',
    );
  });

  it('when a value has nothing special, then it comes back unchanged', () => {
    expect(escapeHtml('Process reward models - 2026')).toBe('Process reward models - 2026');
  });

  it('when a value has non-ASCII characters, then each code point becomes one numeric reference and it reads the same', () => {
    const value = 'Tomás — 😀 𝔸 “agents” 中文';
    const escaped = escapeHtml(value);
    expect(escaped).toBe('Tom&#225;s &#8212; &#128512; &#120120; &#8220;agents&#8221; &#20013;&#25991;');
    expect(decodeEntities(escaped)).toBe(value);
  });

  it('when a value holds CR, LF or CRLF, then each becomes CRLF, the one line break HTML parsers read the same as the others', () => {
    expect(escapeHtml('a\nb\r\nc\rd\n\ne')).toBe('a\r\nb\r\nc\r\nd\r\n\r\ne');
  });

  it('when a value holds a C1 control character, then it is left out (a reference to it would read as a Windows-1252 character)', () => {
    expect(escapeHtml('a\u0096b')).toBe('ab');
  });
});

describe('isSafeUrl / escapeUrl', () => {
  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<b>x</b>',
    'vbscript:msgbox',
    ' https://x.org',
    'https://x.org/"onmouseover="x',
    "https://x.org/'",
    'https://x.org/<a>',
    'https://x.org/a b',
    'https://x.org/\nx',
    '//x.org/a',
    'relative/path',
  ])('when the URL is %j, then it is refused', (url) => {
    expect(isSafeUrl(url)).toBe(false);
    expect(() => escapeUrl(url, 'papers[0].url')).toThrow(/papers\[0\]\.url must be an http\(s\) or mailto URL/);
  });

  it('when the URL is https with a query, then the ampersands are escaped for the attribute', () => {
    expect(escapeUrl('https://x.org/p?a=1&b=2', 'url')).toBe('https://x.org/p?a=1&amp;b=2');
  });

  it('when the URL has non-ASCII characters, then it is written percent-encoded (host in punycode) and resolves to the same URL', () => {
    const url = 'https://bücher.example/papers/ünï?q=dé&x=😀#frag-é';
    const written = escapeUrl(url, 'url');
    expect(written).toBe('https://xn--bcher-kva.example/papers/%C3%BCn%C3%AF?q=d%C3%A9&amp;x=%F0%9F%98%80#frag-%C3%A9');
    expect(new URL(decodeEntities(written)).href).toBe(new URL(url).href);
    expect(escapeUrl('mailto:jürgen@example.com', 'url')).toBe('mailto:j%C3%BCrgen@example.com');
  });

  it('when the URL is a mailto, then it is accepted', () => {
    expect(isSafeUrl('mailto:unsubscribe@example.com')).toBe(true);
  });
});

describe('escapeText / oneLine', () => {
  it('when text carries control characters, then they are removed but newlines and tabs stay', () => {
    expect(escapeText('a\u0000b\u001bc\n\td\u007f')).toBe('abc\n\td');
  });

  it('when a one-line field holds line breaks and runs of spaces, then they collapse to single spaces', () => {
    expect(oneLine('  Reward\n  models\r\n\tfor  agents ')).toBe('Reward models for agents');
  });
});
