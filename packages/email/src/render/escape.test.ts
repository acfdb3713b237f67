import { escapeHtml, escapeText, escapeUrl, isSafeUrl, oneLine } from './escape';

describe('escapeHtml', () => {
  it('when a value holds markup and quotes, then every special character becomes an entity', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
  });

  it('when a value has nothing special, then it comes back unchanged', () => {
    expect(escapeHtml('Process reward models — 2026')).toBe('Process reward models — 2026');
  });
});

describe('isSafeUrl / escapeUrl', () => {
  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:msgbox', ' https://x.org', 'https://x.org/"onmouseover="x', "https://x.org/'", 'https://x.org/<a>', 'https://x.org/a b', 'https://x.org/\nx', '//x.org/a', 'relative/path'])(
    'when the URL is %j, then it is refused',
    (url) => {
      expect(isSafeUrl(url)).toBe(false);
      expect(() => escapeUrl(url, 'papers[0].url')).toThrow(/papers\[0\]\.url must be an http\(s\) or mailto URL/);
    },
  );

  it('when the URL is https with a query, then the ampersands are escaped for the attribute', () => {
    expect(escapeUrl('https://x.org/p?a=1&b=2', 'url')).toBe('https://x.org/p?a=1&amp;b=2');
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
