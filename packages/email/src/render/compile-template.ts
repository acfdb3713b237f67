// Compile once: MJML runs here, at start, with the [[…]] tags still in place; the HTML it
// produces is put in wire form (CRLF, ASCII: message/wire-form.ts) and parsed again into a
// fill function that only concatenates and escapes. The escapers keep that form, so every
// filled HTML is ready to send as 7bit.
import { oneByte, wireHtml } from '../message/wire-form';
import { compileFill, type FillFn } from './template-fill';
import { loadTemplate } from './template-loader';
import { mjmlToHtml } from './mjml-html';
import { parseTemplate, type TemplateNode } from './template-syntax';

export interface CompiledTemplate {
  name: string;
  html: FillFn;
  text: FillFn;
}

export interface CompileOptions {
  /** Shrink MJML's indentation in the HTML (default true; costs nothing per email). */
  compact?: boolean;
}

/** Compiles `<name>.mjml` and `<name>.txt` from `templatesDir`. */
export async function compileTemplate(
  templatesDir: string,
  name: string,
  options: CompileOptions = {},
): Promise<CompiledTemplate> {
  const mjmlSource = loadTemplate(templatesDir, `${name}.mjml`);
  const sourceTree = parseTemplate(mjmlSource, `${name}.mjml`);
  const html = await mjmlToHtml(mjmlSource, { source: `${name}.mjml`, compact: options.compact ?? true });
  const htmlTree = parseCompiled(oneByte(wireHtml(html)), name);
  assertSameShape(sourceTree, htmlTree, name);
  const textSource = loadTemplate(templatesDir, `${name}.txt`);
  return {
    name,
    html: compileFill(htmlTree, 'html', `${name}.mjml`),
    text: compileFill(parseTemplate(textSource, `${name}.txt`), 'text', `${name}.txt`),
  };
}

const RAW_HINT = 'put [[#each]]/[[#if]] tags that sit between MJML components inside <mj-raw>';

function parseCompiled(html: string, name: string): TemplateNode[] {
  try {
    return parseTemplate(html, `${name}.mjml (compiled by MJML)`);
  } catch (error) {
    throw new Error(`${(error as Error).message}\n  MJML dropped part of a block: ${RAW_HINT}`);
  }
}

/**
 * MJML silently drops text it does not expect (e.g. a bare [[#if]] between two components),
 * which would turn a condition into "always". So the blocks and values must survive intact.
 */
function assertSameShape(source: TemplateNode[], compiled: TemplateNode[], name: string): void {
  const before = shape(source);
  const after = shape(compiled);
  if (before.blocks !== after.blocks) {
    throw new Error(
      `${name}.mjml: MJML moved or dropped a block tag; ${RAW_HINT}.\n` +
        `  source:   ${before.blocks}\n  compiled: ${after.blocks}`,
    );
  }
  const lost = [...before.vars].filter((v) => !after.vars.has(v));
  if (lost.length > 0) throw new Error(`${name}.mjml: MJML dropped [[${lost.join(']], [[')}]]`);
}

function shape(nodes: TemplateNode[]): { blocks: string; vars: Set<string> } {
  const blocks: string[] = [];
  const vars = new Set<string>();
  const walk = (list: TemplateNode[]): void => {
    for (const node of list) {
      if (node.kind === 'var') vars.add(node.name);
      else if (node.kind === 'each') {
        blocks.push(`each ${node.name}(`);
        walk(node.children);
        blocks.push(')');
      } else if (node.kind === 'if') {
        blocks.push(`if ${node.name}(`);
        walk(node.whenTrue);
        blocks.push(')else(');
        walk(node.whenFalse);
        blocks.push(')');
      }
    }
  };
  walk(nodes);
  return { blocks: blocks.join(''), vars };
}
