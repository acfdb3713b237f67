// The fast renderer: every template compiled once by createRenderer, then each email is
// validate → view → fill (no MJML per email).
import path from 'node:path';
import { compileTemplate, type CompiledTemplate } from './compile-template';
import type {
  ConfirmEmailData,
  DigestEmailData,
  GoodbyeEmailData,
  ManageLinkEmailData,
  NoticeEmailData,
  RenderedEmail,
} from './email-data.types';
import { EMAIL_KINDS, type EmailKind, type EmailKindName } from './email-kinds';
import { digestView } from './email-views';
import { PaperViewCache, VOTE_PLACEHOLDER } from './paper-view-cache';
import { validateDigestFields, validateDigestPaper } from './validate-email-data';

/** The repository's `templates/` folder. */
export const DEFAULT_TEMPLATES_DIR = path.resolve(__dirname, '../../../../templates');

export interface RendererOptions {
  /** Folder with `<name>.mjml`, `<name>.txt` and `partials/`. */
  templatesDir?: string;
  /** Product name in emails (default "paperboy", lowercase as on the site). */
  brand?: string;
  /** Shrink MJML's indentation in the compiled HTML (default true). */
  compact?: boolean;
  /** How many distinct papers to keep rendered views of (default 2,000). */
  paperCacheSize?: number;
}

export interface Renderer {
  renderDigest(data: DigestEmailData): RenderedEmail;
  renderConfirm(data: ConfirmEmailData): RenderedEmail;
  renderManageLink(data: ManageLinkEmailData): RenderedEmail;
  renderGoodbye(data: GoodbyeEmailData): RenderedEmail;
  /** "All quiet": after several empty periods in a row, instead of silence. */
  renderNotice(data: NoticeEmailData): RenderedEmail;
}

const PAPER_ID = /^\d+/;

/**
 * Every `VOTE_PLACEHOLDER<id>` in `body` replaced by `link(id)`. A native split on the fixed
 * placeholder, then one short match per link: a global regex with a callback over the whole
 * email cost ~0.4 ms per digest in the send benchmark's profile (most of the renderer's time).
 */
function swapPlaceholders(body: string, link: (id: string) => string): string {
  const pieces = body.split(VOTE_PLACEHOLDER);
  let out = pieces[0] as string;
  for (let i = 1; i < pieces.length; i++) {
    const piece = pieces[i] as string;
    const id = PAPER_ID.exec(piece)?.[0];
    // Not followed by an id: not one of ours (no card writes that), so it stays as it was.
    out += id === undefined ? VOTE_PLACEHOLDER + piece : link(id) + piece.slice(id.length);
  }
  return out;
}

/** The shared cards' vote placeholders → this reader's signed links (a link per paper id). */
function withVoteLinks(email: RenderedEmail, data: DigestEmailData): RenderedEmail {
  const votes = data.links.votes ?? {};
  const checked = new Map<string, string>();
  const swap = (id: string) => {
    const known = checked.get(id);
    if (known !== undefined) return known;
    const link = votes[Number(id)];
    if (typeof link !== 'string' || !/^https?:\/\/[^\s"'<>?#]+$/.test(link))
      throw new Error(`digest: links.votes has no usable link for paper ${id}`);
    checked.set(id, link);
    return link;
  };
  return { ...email, html: swapPlaceholders(email.html, swap), text: swapPlaceholders(email.text, swap) };
}

/** Compiles every template (MJML runs here, ~tens of ms each) and returns the fast renderer. */
export async function createRenderer(options: RendererOptions = {}): Promise<Renderer> {
  const templatesDir = options.templatesDir ?? DEFAULT_TEMPLATES_DIR;
  const brand = { brand: options.brand ?? 'paperboy' };
  const names = Object.keys(EMAIL_KINDS) as EmailKindName[];
  const compiled = await Promise.all(names.map((n) => compileTemplate(templatesDir, EMAIL_KINDS[n].template, options)));
  const byName = new Map(names.map((n, i) => [n, compiled[i] as CompiledTemplate]));

  const renderer = <Data>(name: EmailKindName) => {
    const kind = EMAIL_KINDS[name] as unknown as EmailKind<Data>;
    const template = byName.get(name) as CompiledTemplate;
    return (data: Data): RenderedEmail => {
      const validate: EmailKind<Data>['validate'] = kind.validate;
      validate(data);
      const view = kind.view(brand, data);
      return { subject: view.subject, html: template.html(view), text: template.text(view) };
    };
  };
  // Digests get the per-paper cache: the same papers go to many readers in a run.
  const papers = new PaperViewCache(options.paperCacheSize);
  const digest = byName.get('digest') as CompiledTemplate;
  const renderDigest = (data: DigestEmailData): RenderedEmail => {
    validateDigestFields(data);
    const views = data.papers.map((paper, i) => papers.get(paper, (p) => validateDigestPaper(p, i)));
    const view = digestView(brand, data, views);
    const email = { subject: view.subject, html: digest.html(view), text: digest.text(view) };
    return data.papers.some((p) => p.paperId !== undefined) ? withVoteLinks(email, data) : email;
  };
  return {
    renderDigest,
    renderConfirm: renderer<ConfirmEmailData>('confirm'),
    renderManageLink: renderer<ManageLinkEmailData>('manageLink'),
    renderGoodbye: renderer<GoodbyeEmailData>('goodbye'),
    renderNotice: renderer<NoticeEmailData>('notice'),
  };
}
