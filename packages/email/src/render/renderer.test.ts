import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createNaiveRenderer, type NaiveRenderer } from './naive-renderer';
import { createRenderer, DEFAULT_TEMPLATES_DIR, type Renderer } from './renderer';
import { linkTargets, visibleText } from './html-visible-text';
import { sampleDigestData, sampleThreeTopicDigest } from './sample-email-data';
import type { DigestPaper, DigestEmailData } from './email-data.types';

const reader = { email: 'ada@example.com' };
const confirmData = {
  reader,
  topics: ['reward models', 'agents'],
  frequency: 'weekly' as const,
  links: { confirmUrl: 'https://pb.example/confirm?t=a.b&x=1' },
};
const manageData = {
  reader,
  links: { manageUrl: 'https://pb.example/manage?t=m', unsubscribeUrl: 'https://pb.example/unsubscribe?t=u' },
};
const goodbyeData = { reader, links: { resubscribeUrl: 'https://pb.example/resubscribe?t=r' } };

function hostileDigest(): DigestEmailData {
  const data = sampleDigestData(7, 2);
  data.topics = ['<b>bold</b> topic', 'agents'];
  const paper = data.papers[0]!;
  paper.title = 'Agents <script>alert("x")</script> & "friends"';
  paper.authors = ['"><img src=x onerror=alert(1)>', "O'Brien"];
  paper.summary = '</mj-text><mj-raw><script>bad()</script></mj-raw> [[papers]] {{x}}';
  paper.reason = { topic: '<i>agents</i>', matched: ['"quoted"'], field: 'title' };
  paper.url = 'https://huggingface.co/papers/1?a=1&b="2"'.replace('"2"', '2');
  return data;
}

/** Non-ASCII of every width, emoji and surrogate pairs, line breaks of every kind, markup. */
function unicodeDigest(): DigestEmailData {
  const data = sampleDigestData(11, 3);
  data.topics = ['diffusion 拡散', 'agents'];
  const [a, b] = data.papers as [DigestEmailData['papers'][number], DigestEmailData['papers'][number]];
  a.title = 'Ünïcode 😀 titles: 𝔸𝔹ℂ, 中文标题 & “quotes”\r\nacross\rlines\n<script>x()</script>';
  a.authors = ['Zoë Ångström', 'José Núñez', '李华'];
  a.summary = 'Emoji 🧪 and a pair 𝒳 inside\na summary <b>bold</b>\r\nwith CRLF';
  a.reason = { topic: 'diffusion 拡散', matched: ['拡散モデル'], field: 'title' };
  a.url = 'https://huggingface.co/papers/ünï?q=é';
  b.codeUrl = 'https://github.com/例え/コード';
  return data;
}

// ASCII only: no UTF-16 unit above 0x7f.
const ASCII_ONLY = /^[^\u0080-\uffff]*$/;
const BARE_CR_OR_LF = /\r(?!\n)|(?<!\r)\n/;

describe('createRenderer', () => {
  let fast: Renderer;
  let naive: NaiveRenderer;
  beforeAll(async () => {
    fast = await createRenderer();
    naive = createNaiveRenderer();
  });

  describe('when the compiled fill and a direct MJML render get the same data', () => {
    const cases: [
      string,
      () => Promise<[{ html: string; text: string; subject: string }, { html: string; text: string; subject: string }]>,
    ][] = [
      [
        'a 10-paper digest',
        async () => [fast.renderDigest(sampleDigestData(3)), await naive('digest', sampleDigestData(3))],
      ],
      [
        'a digest with hostile values',
        async () => [fast.renderDigest(hostileDigest()), await naive('digest', hostileDigest())],
      ],
      [
        'an empty digest',
        async () => [fast.renderDigest(sampleDigestData(1, 0)), await naive('digest', sampleDigestData(1, 0))],
      ],
      ['a confirmation', async () => [fast.renderConfirm(confirmData), await naive('confirm', confirmData)]],
      ['a manage link', async () => [fast.renderManageLink(manageData), await naive('manageLink', manageData)]],
      ['a goodbye', async () => [fast.renderGoodbye(goodbyeData), await naive('goodbye', goodbyeData)]],
    ];
    it.each(cases)('then %s shows the same text and links', async (_name, render) => {
      const [compiled, direct] = await render();
      expect(visibleText(compiled.html)).toBe(visibleText(direct.html));
      expect(linkTargets(compiled.html)).toEqual(linkTargets(direct.html));
      expect(compiled.subject).toBe(direct.subject);
      expect(compiled.text).toBe(direct.text);
      expect(visibleText(compiled.html).length).toBeGreaterThan(100);
    });
  });

  it('when many readers share papers (cached cards), then each digest still matches MJML per call for that reader', async () => {
    for (let n = 0; n < 6; n++) fast.renderDigest(sampleDigestData(n, 10 - n));
    for (const n of [4, 5]) {
      const data = sampleDigestData(n, 10);
      const compiled = fast.renderDigest(data);
      const direct = await naive('digest', data);
      expect(visibleText(compiled.html)).toBe(visibleText(direct.html));
      expect(compiled.text).toBe(direct.text);
    }
  });

  describe('when values hold any characters and line breaks, and the brand has a line break and an emoji', () => {
    const brand = 'Pâperboy\n📰';
    let custom: Renderer;
    let customNaive: NaiveRenderer;
    beforeAll(async () => {
      custom = await createRenderer({ brand });
      customNaive = createNaiveRenderer({ brand });
    });

    it('then every email is 7-bit ASCII with CRLF line ends only, ready to send as it is', () => {
      const emails = [
        custom.renderDigest(unicodeDigest()),
        custom.renderConfirm({ ...confirmData, topics: ['拡散', 'Zoë'] }),
        custom.renderManageLink(manageData),
        custom.renderGoodbye(goodbyeData),
      ];
      for (const { html } of emails) {
        expect(html).toMatch(ASCII_ONLY);
        expect(html).not.toMatch(BARE_CR_OR_LF);
      }
    });

    it('then the reader sees the same text and links as MJML per call shows, with the values as they were', async () => {
      const data = unicodeDigest();
      const compiled = custom.renderDigest(data);
      const direct = await customNaive('digest', unicodeDigest());
      expect(visibleText(compiled.html)).toBe(visibleText(direct.html));
      expect(linkTargets(compiled.html)).toEqual(linkTargets(direct.html));
      const text = visibleText(compiled.html);
      expect(text).toContain('Ünïcode 😀 titles: 𝔸𝔹ℂ, 中文标题 & “quotes” across lines <script>x()</script>');
      expect(text).toContain('Zoë Ångström, José Núñez and 李华');
      expect(text).toContain('Emoji 🧪 and a pair 𝒳 inside a summary <b>bold</b> with CRLF');
      expect(text).toContain('Because you follow diffusion 拡散: “拡散モデル” in the title');
      expect(text).toContain('Pâperboy 📰');
      expect(compiled.html).not.toMatch(/<script|<b>bold/);
      // A link is written percent-encoded: the URL a browser opens for the original.
      const links = linkTargets(compiled.html).map((l) => new URL(l).href);
      expect(links).toContain(new URL(data.papers[0]!.url).href);
      expect(links).toContain(new URL(data.papers[1]!.codeUrl!).href);
    });

    it('then the same paper card is reused for the next reader, still in wire form', () => {
      const first = custom.renderDigest(unicodeDigest());
      const next = unicodeDigest();
      next.reader.email = 'other@example.com';
      const second = custom.renderDigest(next);
      const card = /<a href="https:\/\/huggingface\.co\/papers\/%C3%BCn%C3%AF\?q=%C3%A9">[^<]*<\/a>/.exec(
        first.html,
      )?.[0];
      expect(card).toContain('&#128512;');
      expect(second.html).toContain(card);
      expect(second.html).toMatch(ASCII_ONLY);
    });
  });

  it('when a digest is rendered, then each paper appears as a card with its title link, authors, reason, upvotes and links', () => {
    const data = sampleDigestData(0, 3);
    const email = fast.renderDigest(data);
    const text = visibleText(email.html);
    const links = linkTargets(email.html);
    for (const paper of data.papers) {
      expect(text).toContain(paper.title);
      expect(links).toContain(paper.url);
      expect(links).toContain(paper.pdfUrl);
      expect(text).toContain(`▲ ${paper.upvotes}`);
    }
    expect(text).toContain('Because you follow reward models: “process reward models” in the abstract');
    expect(text).toContain('Mira Okafor, Jonas Lindqvist, Priya Raman et al.');
    expect(links).toEqual(expect.arrayContaining([data.links.manageUrl, data.links.unsubscribeUrl]));
    expect(text).toContain(
      'You get this email because reader0@example.com signed up for daily papers on reward models, agents and diffusion.',
    );
    // The subject names the topics, then the most upvoted paper.
    expect(email.subject).toBe('reward models, agents +1: Process Reward Models That Think Before They Judge');
  });

  it('when a reader follows several topics, then each topic is a section with its heading, quiet topics say so, and a zero count is never shown', () => {
    const data = sampleDigestData(0, 3);
    const [first, second] = data.papers as [DigestPaper, DigestPaper];
    Object.assign(first, {
      growth: 12,
      numComments: 3,
      organization: 'Example Lab',
      publishedAt: new Date('2026-11-26T09:00:00Z'),
      also: ['agents'],
      arxivUrl: 'https://arxiv.org/abs/2611.10000',
      hfUrl: 'https://huggingface.co/papers/2611.10000',
      projectUrl: 'https://example.org/prm',
    });
    second.upvotes = 0;
    data.quietTopics = ['legal NLP'];
    const email = fast.renderDigest(data);
    const text = visibleText(email.html);
    expect(text).toMatch(
      /reward models Because you follow reward models[\s\S]*agents Because you follow agents[\s\S]*diffusion Because you follow diffusion/,
    );
    expect(text).toContain('▲ 214 · +12 today');
    expect(text).toContain('3 comments');
    expect(text).toContain('Mira Okafor, Jonas Lindqvist, Priya Raman et al. · Example Lab · 26 Nov 2026');
    expect(text).toContain('· Also on agents');
    expect(text).toContain('Nothing new on legal NLP today.');
    expect(text).not.toMatch(/▲ 0|0 upvotes|0 comments/);
    expect(linkTargets(email.html)).toEqual(
      expect.arrayContaining([
        'https://arxiv.org/abs/2611.10000',
        'https://huggingface.co/papers/2611.10000',
        'https://example.org/prm',
      ]),
    );
    expect(email.text).toContain('== agents ==');
    expect(email.text).toContain('Project:      https://example.org/prm');
    expect(email.text).toContain('Nothing new on legal NLP today.');
  });

  it('when a digest has topic papers then trending ones, then "Also trending" is their heading and the subject names a topic paper; a trending-only digest names the top paper in its subject', () => {
    const data = sampleDigestData(0, 3);
    Object.assign(data.papers[2]!, { section: 'trending', reason: '▲ 131 · #1 on Hugging Face today' });
    for (const p of data.papers.slice(0, 2)) p.reason = { topic: 'agents', matched: ['agents'] };
    const mixed = fast.renderDigest({ ...data, topics: ['agents'] });
    expect(visibleText(mixed.html)).toMatch(
      /agents Because you follow agents[\s\S]*Also trending ▲ 131 · #1 on Hugging Face today/,
    );
    expect(mixed.text).toContain('== Also trending ==');
    // The subject names the topic, so its title is a topic paper, not the more upvoted trending one.
    const hotTrending = fast.renderDigest({
      ...data,
      topics: ['agents'],
      papers: data.papers.map((p, i) => (i === 2 ? { ...p, upvotes: 900 } : p)),
    });
    expect(hotTrending.subject).toBe(`agents: ${data.papers[0]!.title}`);
    const trending = data.papers.map((p, i) => ({
      ...p,
      section: 'trending' as const,
      reason: `▲ ${p.upvotes} · #${i + 1} on Hugging Face today`,
    }));
    const only = fast.renderDigest({ ...data, topics: [], papers: trending });
    expect(only.subject).toBe('Top trending: Process Reward Models That Think Before They Judge');
    expect(visibleText(only.html)).toContain('The 3 papers readers upvoted most today.');
    expect(visibleText(only.html)).toContain('signed up for daily top trending papers');
    expect(only.text).not.toContain('==');
  });

  it('when a weekly digest is rendered, then it is dated by its week and a single-topic digest has no section heading', () => {
    const data = {
      ...sampleDigestData(0, 2),
      frequency: 'weekly' as const,
      topics: ['agents'],
      date: new Date('2026-12-07T08:00:00Z'),
      timeZone: 'UTC',
    };
    for (const p of data.papers) p.reason = { topic: 'agents', matched: ['agents'] };
    const email = fast.renderDigest(data);
    expect(visibleText(email.html)).toContain('Week of 1–7 Dec 2026');
    expect(email.text).not.toContain('==');
    expect(fast.renderDigest({ ...data, date: new Date('2026-12-03T08:00:00Z') }).text).toContain(
      'Week of 27 Nov – 3 Dec 2026',
    );
  });

  it('when values are hostile, then no markup from them survives in the HTML, and the reader sees them literally', () => {
    const email = fast.renderDigest(hostileDigest());
    expect(email.html).not.toMatch(/<script|<img|<b>bold|<i>agents|onerror=alert\(1\)>/i);
    const text = visibleText(email.html);
    expect(text).toContain('Agents <script>alert("x")</script> & "friends"');
    expect(text).toContain(`"><img src=x onerror=alert(1)> and O'Brien`);
    expect(text).toContain('</mj-text><mj-raw><script>bad()</script></mj-raw> [[papers]] {{x}}');
    expect(email.text).toContain('Agents <script>alert("x")</script> & "friends"');
  });

  it.each([
    ['javascript:alert(1)', 'papers[0].url'],
    ['https://x.org/"onmouseover="alert(1)', 'papers[0].url'],
  ])('when a paper link is %j, then rendering refuses it and names the field', (url, field) => {
    const data = sampleDigestData(0, 1);
    data.papers[0]!.url = url;
    expect(() => fast.renderDigest(data)).toThrow(`digest email: ${field} must be an http(s) URL`);
  });

  it('when a required link is missing, then rendering fails with the link named', () => {
    const data = sampleDigestData(0, 1) as unknown as { links: Record<string, string> };
    delete data.links.unsubscribeUrl;
    expect(() => fast.renderDigest(data as unknown as DigestEmailData)).toThrow(
      'digest email: links.unsubscribeUrl is required (an https URL)',
    );
    expect(() => fast.renderConfirm({ ...confirmData, links: {} } as never)).toThrow(
      'confirm email: links.confirmUrl is required',
    );
  });

  it('when a digest suggests a related topic, then one line after the sections names it with its "add" link, in both parts; without one, no line', () => {
    const data = sampleThreeTopicDigest();
    const email = fast.renderDigest(data);
    const text = visibleText(email.html);
    expect(text).toMatch(
      /Also trending[\s\S]*2 of these papers are also about RLHF, which other readers follow\. Add RLHF to my topics/,
    );
    expect(linkTargets(email.html)).toContain('https://paperboy.example.com/add-topic/a0.sample');
    expect(email.text).toContain('Add RLHF to my topics: https://paperboy.example.com/add-topic/a0.sample');
    delete data.links.suggest;
    const without = fast.renderDigest(data);
    expect(without.html).not.toContain('add-topic');
    expect(without.text).not.toContain('Add RLHF');
    // The line is small: under 500 bytes of HTML with its link (one MJML text block).
    expect(email.html.length - without.html.length).toBeLessThan(500);
    expect(() =>
      fast.renderDigest({
        ...data,
        links: { ...data.links, suggest: { topic: 'x', papers: 0, url: 'https://a.b/c' } },
      }),
    ).toThrow(/links\.suggest\.papers/);
  });

  it("when a digest's papers have ids, then each card's more/less links are the reader's vote start and the paper id, in both parts; without a usable start it refuses", () => {
    const data = sampleThreeTopicDigest();
    const email = fast.renderDigest(data);
    const ids = data.papers.flatMap((p) => (p.paperId === undefined ? [] : [p.paperId]));
    expect(ids.length).toBeGreaterThan(1);
    for (const id of ids)
      for (const v of ['more', 'less']) {
        const link = `https://paperboy.example.com/vote/v0.sample/${id}?v=${v}`;
        expect(linkTargets(email.html)).toContain(link);
        expect(email.text).toContain(link);
      }
    expect(email.html + email.text).not.toContain('paperboy.invalid');
    for (const voteBase of [
      undefined,
      'https://paperboy.example.com/vote/v0',
      'javascript:alert(1)/',
      'https://a.b/"x/',
    ])
      expect(() => fast.renderDigest({ ...data, links: { ...data.links, voteBase } })).toThrow(/links\.voteBase/);
  });

  it('when the text part is read on its own, then it has every paper, reason and link and no HTML', () => {
    const data = sampleDigestData(2, 10);
    const { text } = fast.renderDigest(data);
    expect(text).not.toMatch(/<[a-z/][^>]*>|&amp;|&nbsp;/i);
    for (const [i, paper] of data.papers.entries()) {
      expect(text).toContain(`. ${paper.title}\n`);
      expect(text).toContain(`Read:         ${paper.url}\n`);
    }
    expect(text).toContain('Because you follow diffusion: “diffusion model” in the abstract');
    expect(text).toContain(`Unsubscribe: ${data.links.unsubscribeUrl}`);
    expect(text).not.toMatch(/\n{3,}/);
    // A card's links line up under its longest label, "Hugging Face:".
    const cards = fast.renderDigest(sampleThreeTopicDigest()).text;
    const linkColumns = new Set(
      [...cards.matchAll(/^ {3}(Hugging Face|arXiv|Read|PDF|Project|Code): +(?=https?:)/gm)].map((m) => m[0].length),
    );
    expect([...linkColumns]).toEqual(['   Hugging Face: '.length]);
    // Wrapped for clients that show plain text as is; only a long link may overflow.
    const longLines = text.split('\n').filter((line) => line.length > 76 && !/https?:\/\//.test(line));
    expect(longLines).toEqual([]);
  });

  it('when a confirmation is rendered, then it carries the signed link, the topics and an "ignore if not you"', () => {
    const email = fast.renderConfirm(confirmData);
    const text = visibleText(email.html);
    expect(linkTargets(email.html).filter((l) => l === confirmData.links.confirmUrl)).toHaveLength(2);
    expect(text).toContain('Topics: reward models and agents');
    expect(text).toContain('How often: once a week');
    expect(text).toContain('This link works for 2 days. Not you? Just ignore this email');
    expect(text).not.toContain('Unsubscribe');
    expect(email.text).toContain(`To confirm, open this link:\n${confirmData.links.confirmUrl}\n`);
  });

  it('when a top trending reader (no topics) confirms, then the email promises the top trending papers, not topics', () => {
    for (const data of [
      { ...confirmData, topics: [], digestMode: 'trending' as const, frequency: 'daily' as const },
      { ...confirmData, topics: [], frequency: 'daily' as const },
    ]) {
      const email = fast.renderConfirm(data);
      const text = visibleText(email.html);
      expect(text).toContain('to email ada@example.com the top trending research papers:');
      expect(text).toContain('Papers: the most upvoted of the day on Hugging Face');
      expect(text).not.toContain('Topics:');
      expect(email.text).toContain('the top trending research papers:');
      expect(email.text).toContain('Papers:    the most upvoted of the day on Hugging Face');
    }
  });

  it('when a reader follows topics and top trending, then the confirmation names both', () => {
    const email = fast.renderConfirm({ ...confirmData, digestMode: 'topics_trending' });
    expect(visibleText(email.html)).toContain('Topics: reward models and agents, then the top trending papers');
    expect(email.text).toContain('on these topics, and the top trending ones:');
    expect(() => fast.renderConfirm({ ...confirmData, digestMode: 'everything' } as never)).toThrow(
      'confirm email: digestMode must be topics, trending or topics_trending',
    );
  });

  it('when any email is rendered, then it loads nothing from outside (no pixel, no image, no web font)', () => {
    const emails = [
      fast.renderDigest(sampleDigestData()),
      fast.renderConfirm(confirmData),
      fast.renderManageLink(manageData),
      fast.renderGoodbye(goodbyeData),
    ];
    for (const { html } of emails) {
      expect(html).not.toMatch(/<img|\bsrc=|<link|@import|url\(/i);
    }
  });

  it('when the shared footer partial changes, then every email shows the change', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'paperboy-templates-'));
    try {
      cpSync(DEFAULT_TEMPLATES_DIR, dir, { recursive: true });
      const footer = path.join(dir, 'partials/footer.mjml');
      writeFileSync(footer, readFileSync(footer, 'utf8').replace('no tracking pixels', 'PARTIAL-MARKER'));
      const custom = await createRenderer({ templatesDir: dir });
      const emails = [
        custom.renderDigest(sampleDigestData()),
        custom.renderConfirm(confirmData),
        custom.renderManageLink(manageData),
        custom.renderGoodbye(goodbyeData),
      ];
      for (const { html } of emails) expect(visibleText(html)).toContain('PARTIAL-MARKER');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('when a condition sits bare between MJML components, then compiling fails instead of silently dropping it', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'paperboy-templates-'));
    try {
      cpSync(DEFAULT_TEMPLATES_DIR, dir, { recursive: true });
      const digest = path.join(dir, 'digest.mjml');
      const source = readFileSync(digest, 'utf8');
      expect(source).toContain('<mj-raw>[[#if fewerUrl]]</mj-raw>');
      writeFileSync(digest, source.replace('<mj-raw>[[#if fewerUrl]]</mj-raw>', '[[#if fewerUrl]]'));
      await expect(createRenderer({ templatesDir: dir })).rejects.toThrow(/digest\.mjml[\s\S]*inside <mj-raw>/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
