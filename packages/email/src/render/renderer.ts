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

/** A vote link's start: an http(s) URL ending in "/", with nothing HTML or a query could break on. */
const VOTE_BASE = /^https?:\/\/[^\s"'<>?#]+\/$/;

/**
 * The shared cards' vote placeholders → this reader's links: every card's
 * `VOTE_PLACEHOLDER<id>?v=…` becomes `<voteBase><id>?v=…`, one native replaceAll per part (a
 * split with a link per paper id cost ~6 % of the sender's CPU). A paper's own text that quotes
 * the placeholder would show this reader's link base: the email is that reader's, so nothing
 * leaks, and the placeholder's `.invalid` host (RFC 2606) never names a real site.
 */
function withVoteLinks(email: RenderedEmail, data: DigestEmailData): RenderedEmail {
  const voteBase = data.links.voteBase;
  if (typeof voteBase !== 'string' || !VOTE_BASE.test(voteBase))
    throw new Error('digest: links.voteBase must be an http(s) URL ending in "/" when papers have ids');
  return {
    ...email,
    html: email.html.replaceAll(VOTE_PLACEHOLDER, voteBase),
    text: email.text.replaceAll(VOTE_PLACEHOLDER, voteBase),
  };
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
