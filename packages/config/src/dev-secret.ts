// SECRET_KEY when none is set, on a developer's machine only (loadConfig refuses elsewhere).
// Never a constant from the source: anyone can read the source and forge every link with it.
// Development (and tests) keep a random key in a git-ignored file, so links in the dev mailbox
// keep working across restarts and the API, worker and CLI (separate processes, e.g. the
// multi-process worker tests comparing Message-IDs) agree on it.
import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** `.paperboy/secret-key` at the repository root (git-ignored). */
export const DEV_SECRET_FILE = path.resolve(__dirname, '../../../.paperboy/secret-key');
const MIN_LENGTH = 32;

function readKey(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The key kept in `file`, created on first use. Two processes starting at once agree (atomic link). */
export function developmentSecretKey(file: string = DEV_SECRET_FILE): string {
  const existing = readKey(file);
  if (existing !== undefined) {
    if (existing.length < MIN_LENGTH)
      throw new Error(
        `SECRET_KEY: ${file} holds no usable key (under ${MIN_LENGTH} characters): delete it to get a new one, or set SECRET_KEY`,
      );
    return existing;
  }
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(32).toString('base64url');
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temp, `${key}\n`, { mode: 0o600 });
  chmodSync(temp, 0o600);
  try {
    linkSync(temp, file); // fails if another process got there first: then its key wins
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temp);
  }
  return developmentSecretKey(file);
}
