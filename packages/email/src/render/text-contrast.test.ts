// WCAG 1.4.3 in the emails: every text colour the templates use reads at 4.5:1 or better on the
// page's background (the darkest one; cards are white, which only raises it).
// Issue 14 found the footer at 4.28:1.
import { createRenderer, type Renderer } from './renderer';
import { sampleDigestData } from './sample-email-data';

/** The site's page background (--bg in apps/api/src/views/layout.ts), which the emails share. */
const PAGE_BACKGROUND = '#f7f7fb';
const reader = { email: 'ada@example.com' };

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Text colours in the HTML (`color:` not preceded by `background-`), white text on buttons aside. */
function textColours(html: string): string[] {
  const found = [...html.matchAll(/(?<![-\w])color:\s*(#[0-9a-f]{6})/gi)].map((m) => m[1]!.toLowerCase());
  return [...new Set(found)].filter((c) => c !== '#ffffff');
}

describe('email text contrast', () => {
  let renderer: Renderer;
  beforeAll(async () => {
    renderer = await createRenderer();
  });

  it('when each kind of email is rendered, then every text colour has 4.5:1 on the page background', () => {
    const emails = [
      renderer.renderDigest(sampleDigestData(3)),
      renderer.renderConfirm({
        reader,
        topics: ['agents'],
        frequency: 'daily',
        links: { confirmUrl: 'https://pb.example/confirm/t' },
      }),
      renderer.renderManageLink({
        reader,
        links: { manageUrl: 'https://pb.example/m', unsubscribeUrl: 'https://pb.example/u' },
      }),
      renderer.renderGoodbye({ reader, links: { resubscribeUrl: 'https://pb.example/r' } }),
    ];
    const colours = [...new Set(emails.flatMap((e) => textColours(e.html)))];
    expect(colours.length).toBeGreaterThan(2);
    const weak = colours
      .filter((c) => contrast(c, PAGE_BACKGROUND) < 4.5)
      .map((c) => `${c} ${contrast(c, PAGE_BACKGROUND).toFixed(2)}:1`);
    expect(weak).toEqual([]);
  });
});
