// Canonical tokens (stems) too common in papers to say much about a topic on their own.

/** Words too common to anchor a learned association ("diffusion model": "diffusion" anchors). */
export const GENERIC_TOKENS: ReadonlySet<string> = new Set([
  'model',
  'learn',
  'network',
  'system',
  'method',
  'data',
  'LLM',
  'neural',
  'deep',
  'machine',
  'base',
  'approach',
  'task',
  'framework',
  'analysis',
  'ai',
  'generation',
  'design',
  'large',
  'language',
  'train',
  'efficient',
  // "Code is available at": the stem of code closes most abstracts.
  'cod',
]);

/** Words so common that "near another word of the topic" says nothing ("world ... model"):
 * a phrase with one of them gets no words-together evidence. */
export const UBIQUITOUS_TOKENS: ReadonlySet<string> = new Set([
  'model',
  'learn',
  'method',
  'data',
  'system',
  'task',
  'approach',
  'framework',
  'base',
  'train',
  'design',
  'generation',
  'network',
  'large',
  'cod',
]);
