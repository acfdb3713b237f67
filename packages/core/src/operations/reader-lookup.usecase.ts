// "Find a reader" for operators (/admin/readers?q=): one address, exact and case-insensitive
// (addresses are stored trimmed and lower-cased), with what support needs to answer "why did I
// (not) get it": status, choices, the last deliveries and the audit trail. And the three
// things an operator may do for them, each recorded as an `admin_action` event.
import { emailProblem, normalizeEmail } from '../subscribers/email-address';
import { resendConfirmation } from '../subscribers/confirm.usecase';
import { wipeReader } from '../subscribers/data-rights.usecase';
import type { ReaderDeps, RequestContext } from '../subscribers/reader-deps';
import { recordEvent } from '../subscribers/store';
import { unsubscribe } from '../subscribers/unsubscribe.usecase';
import { readerEmail, readerWithHistory } from './operations.store';

/** Why `query` cannot be anyone's address (a sentence for the operator), or undefined. */
export function readerQueryProblem(query: string): string | undefined {
  return emailProblem(normalizeEmail(query));
}

/** The reader with this address, or null; an address readerQueryProblem refuses finds nobody. */
export async function findReader(deps: Pick<ReaderDeps, 'db'>, query: string) {
  const email = normalizeEmail(query);
  if (emailProblem(email)) return null;
  return readerWithHistory(deps.db, email);
}

/** The address of reader `id` (for the page an action returns to), or null when they are gone. */
export function readerAddress(deps: Pick<ReaderDeps, 'db'>, id: number): Promise<string | null> {
  return readerEmail(deps.db, id);
}

export type ReaderLookup = NonNullable<Awaited<ReturnType<typeof findReader>>>;
export type ReaderAdminAction = 'resend-confirmation' | 'unsubscribe' | 'wipe';
export const READER_ADMIN_ACTIONS: readonly ReaderAdminAction[] = ['resend-confirmation', 'unsubscribe', 'wipe'];

/** Runs an operator's action on a reader and records it (a wipe's record keeps no id: the reader is gone). */
export async function runReaderAdminAction(
  deps: ReaderDeps,
  subscriberId: number,
  action: ReaderAdminAction,
  operator: string,
  context: RequestContext = {},
): Promise<void> {
  if (action === 'wipe') {
    await wipeReader(deps, subscriberId);
    await recordEvent(deps.db, null, 'admin_action', { action, operator }, context);
    return;
  }
  if (action === 'unsubscribe') await unsubscribe(deps, subscriberId, 'admin', context);
  else await resendConfirmation(deps, subscriberId);
  await recordEvent(deps.db, subscriberId, 'admin_action', { action, operator }, context);
}
