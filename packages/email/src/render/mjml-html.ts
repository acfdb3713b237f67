// The one place that calls MJML. It is slow (bench/render.bench.ts: the naive renderer), so the renderer calls
// it once per template at start; the naive renderer (tests, benchmark) calls it per email.
import mjml2html from 'mjml';

export interface MjmlHtmlOptions {
  /** Names the template in error messages. */
  source: string;
  /** Shrink indentation in the output (done once at compile time, so it is free per email). */
  compact?: boolean;
}

/** Renders MJML to HTML; any MJML validation error is thrown, naming the template. */
export async function mjmlToHtml(mjml: string, options: MjmlHtmlOptions): Promise<string> {
  const result = await mjml2html(mjml, {
    validationLevel: 'strict',
    keepComments: false,
    // No web fonts: they are an outside request per open (a tracker in all but name) and
    // the system font stacks in the templates look right everywhere.
    fonts: {},
  }).catch((error: unknown) => {
    throw new Error(`MJML rejected ${options.source}: ${formatMjmlError(error)}`);
  });
  if (result.errors.length > 0) {
    throw new Error(`MJML rejected ${options.source}: ${result.errors.map((e) => e.formattedMessage).join('; ')}`);
  }
  return options.compact ? compactWhitespace(result.html) : result.html;
}

/**
 * MJML indents its output generously (~25% of a digest). A run of whitespace that holds a
 * line break becomes one line break: HTML renders any such run as one space anyway, so
 * nothing visible changes. (MJML's own `minify` loads htmlnano through a dynamic ESM
 * import, which breaks under Jest's CommonJS VM, and collapses more than is safe.)
 */
export function compactWhitespace(html: string): string {
  return html.replace(/[ \t]*\n\s*/g, '\n');
}

function formatMjmlError(error: unknown): string {
  const details = (error as { errors?: { formattedMessage?: string }[] }).errors;
  if (Array.isArray(details) && details.length > 0) return details.map((e) => e.formattedMessage).join('; ');
  return error instanceof Error ? error.message : String(error);
}
