// The slow, obvious way: fill the MJML source with the data, then run MJML for every
// email. Kept as the reference the fast renderer is tested against and as the benchmark's
// baseline; do not use it to send mail.
import { compileFill, type FillFn } from './template-fill';
import type { RenderedEmail } from './email-data.types';
import { EMAIL_KINDS, type EmailKind, type EmailKindName } from './email-kinds';
import { loadTemplate } from './template-loader';
import { mjmlToHtml } from './mjml-html';
import { parseTemplate } from './template-syntax';
import { DEFAULT_TEMPLATES_DIR, type RendererOptions } from './renderer';

export type NaiveRenderer = (name: EmailKindName, data: unknown) => Promise<RenderedEmail>;

export function createNaiveRenderer(options: RendererOptions = {}): NaiveRenderer {
  const templatesDir = options.templatesDir ?? DEFAULT_TEMPLATES_DIR;
  const brand = { brand: options.brand ?? 'paperboy' };
  // Templates are read once, so that the per-email cost measured is MJML's, not the disk's.
  const fills = new Map<EmailKindName, { mjml: FillFn; text: FillFn }>();
  for (const name of Object.keys(EMAIL_KINDS) as EmailKindName[]) {
    const file = EMAIL_KINDS[name].template;
    fills.set(name, {
      mjml: compileFill(
        parseTemplate(loadTemplate(templatesDir, `${file}.mjml`), `${file}.mjml`),
        'html',
        `${file}.mjml`,
      ),
      text: compileFill(parseTemplate(loadTemplate(templatesDir, `${file}.txt`), `${file}.txt`), 'text', `${file}.txt`),
    });
  }
  return async (name, data) => {
    const kind = EMAIL_KINDS[name] as EmailKind<unknown>;
    const fill = fills.get(name) as { mjml: FillFn; text: FillFn };
    const validate: EmailKind<unknown>['validate'] = kind.validate;
    validate(data);
    const view = kind.view(brand, data);
    const html = await mjmlToHtml(fill.mjml(view), { source: `${kind.template}.mjml`, compact: false });
    return { subject: view.subject, html, text: fill.text(view) };
  };
}
