// One brand (issue 14): the emails carry the site's identity, not a look of their own (spaced
// capitals and a serif on beige once made them read like another product). The site's values
// are in apps/api/src/views/layout.ts: system sans-serif, indigo accent #4f46e5, text #1d2330,
// page #f7f7fb, and the lowercase wordmark beside its indigo mark.
import { createRenderer, type Renderer } from './renderer';
import { sampleDigestData, sampleTrendingDigest } from './sample-email-data';

const reader = { email: 'ada@example.com' };

describe('email brand', () => {
  let renderer: Renderer;
  let emails: { name: string; html: string; text: string }[];
  beforeAll(async () => {
    renderer = await createRenderer();
    emails = [
      { name: 'digest', ...renderer.renderDigest(sampleDigestData(3)) },
      { name: 'trending digest', ...renderer.renderDigest(sampleTrendingDigest()) },
      {
        name: 'confirm',
        ...renderer.renderConfirm({
          reader,
          topics: ['agents'],
          frequency: 'daily',
          links: { confirmUrl: 'https://pb.example/confirm/t' },
        }),
      },
      {
        name: 'manage link',
        ...renderer.renderManageLink({
          reader,
          links: { manageUrl: 'https://pb.example/m', unsubscribeUrl: 'https://pb.example/u' },
        }),
      },
      { name: 'goodbye', ...renderer.renderGoodbye({ reader, links: { resubscribeUrl: 'https://pb.example/r' } }) },
    ];
  });

  it('when any email is rendered, then it uses the site typeface family and colours: sans-serif only, indigo accent, the site page', () => {
    for (const { name, html } of emails) {
      const fonts = new Set([...html.matchAll(/font-family:\s*([^;"]+)/gi)].map((m) => m[1]!.trim()));
      expect([name, [...fonts].filter((f) => /georgia|times|(?<!sans-)serif\s*$/i.test(f))]).toEqual([name, []]);
      expect([name, /<body[^>]*background-color:#f7f7fb/i.test(html)]).toEqual([name, true]);
      expect([name, /a \{ color: #4f46e5; \}/.test(html)]).toEqual([name, true]);
      expect([name, /#f4f1ea|#3d3a8f|#e6e0d4/i.test(html)]).toEqual([name, false]); // the old beige look
    }
    const confirm = emails.find((e) => e.name === 'confirm')!.html;
    expect(confirm).toMatch(/<td[^>]*background:#4f46e5|background-color:#4f46e5/); // the button
  });

  it('when any email is rendered, then its header is the site wordmark: the indigo mark and "paperboy" in lowercase', () => {
    for (const { name, html, text } of emails) {
      expect([
        name,
        /class="pad brand"[\s\S]{0,400}?background-color:#4f46e5;[\s\S]*?<\/span>paperboy<\/div>/.test(html),
      ]).toEqual([name, true]);
      expect([name, /PAPERBOY|Paperboy/.test(html + text)]).toEqual([name, false]);
    }
  });
});
