// The suppression list holds hashes of addresses (see data-rights.usecase.ts): this is the one
// way to ask whether an address is on it.
import type { Db } from '@paperboy/db';
import { hashEmail } from './email-address';

/** True when `email` (normalised) must not be mailed: it bounced, complained or was wiped. */
export async function isSuppressed(db: Pick<Db, 'suppression'>, email: string): Promise<boolean> {
  return Boolean(await db.suppression.findUnique({ where: { emailHash: hashEmail(email) } }));
}
