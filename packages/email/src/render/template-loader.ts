// Reads a template and inlines its partials, so that one header/footer/card is shared by
// every email and no markup is copied between templates. MJML files use MJML's own
// `<mj-include path="…" />` tag; text files use `[[> path]]`. Both are resolved here, before
// MJML sees the source, because the values inside partials must be filled like the rest.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const INCLUDE = /<mj-include\s+path\s*=\s*"([^"]+)"\s*\/>|\[\[\s*>\s*([^\]\s]+)\s*\]\]/g;
const MAX_DEPTH = 10;

/** Loads `templatesDir/<file>` with every partial inlined (paths relative to the including file). */
export function loadTemplate(templatesDir: string, file: string): string {
  const root = path.resolve(templatesDir);
  return expand(root, path.resolve(root, file), []);
}

function expand(root: string, file: string, chain: string[]): string {
  const relative = path.relative(root, file);
  // Partials stay inside the templates folder, whatever a template says.
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new Error(`template ${file} is outside the templates folder ${root}`);
  }
  if (chain.includes(file))
    throw new Error(
      `templates include each other in a loop: ${[...chain, file].map((f) => path.relative(root, f)).join(' → ')}`,
    );
  if (chain.length > MAX_DEPTH) throw new Error(`templates nested deeper than ${MAX_DEPTH} at ${relative}`);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = chain.length ? ` (included from ${path.relative(root, chain[chain.length - 1] as string)})` : '';
    throw new Error(`cannot read template ${relative}${reason}: ${(error as Error).message}`);
  }
  return source.replace(INCLUDE, (_tag, mjPath?: string, textPath?: string) => {
    const target = path.resolve(path.dirname(file), (mjPath ?? textPath) as string);
    // Drop the partial's final newline so an include on its own line adds no blank line.
    return expand(root, target, [...chain, file]).replace(/\n$/, '');
  });
}
