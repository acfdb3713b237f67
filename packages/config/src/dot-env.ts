// `.env` at the repository root, read with Node's own parser (the format of `node --env-file`),
// so `cp .env.example .env` and editing it configures npm start, the API, the worker and the
// CLI alike. A variable set in the environment wins over the file (an empty one counts as
// unset, as everywhere in loadConfig); no file, no change.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

/** `.env` at the repository root (git-ignored), beside `.env.example`. */
export const DOT_ENV_FILE = path.resolve(__dirname, '../../../.env');

/** The variables in `file`, or none when it does not exist. */
export function readDotEnv(file: string = DOT_ENV_FILE): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new Error(`cannot read ${file}: ${(error as Error).message}`);
  }
  return parseEnv(text) as Record<string, string>;
}

/** The file's variables overlaid with the environment's set ones: the environment wins. */
export function withDotEnv(env: NodeJS.ProcessEnv, file?: string): NodeJS.ProcessEnv {
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  return { ...readDotEnv(file), ...set };
}
