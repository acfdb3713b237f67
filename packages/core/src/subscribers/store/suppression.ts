// The suppression list holds hashes of addresses (see data-rights.usecase.ts): the one way to
// ask whether an address is on it, and the wipe's entry.
import type { Db } from '@paperboy/db';
import { hashEmail } from '../email-address';

/** True when `email` (normalised) must not be mailed: it bounced, complained or was wiped. */
export async function isSuppressed(db: Pick<Db, 'suppression'>, email: string): Promise<boolean> {
  return Boolean(await db.suppression.findUnique({ where: { emailHash: hashEmail(email) } }));
}

/** A wiped reader's address: never mailed again (an earlier reason gives way to 'wiped'). */
export async function suppressWiped(db: Pick<Db, 'suppression'>, emailHash: string): Promise<void> {
  await db.suppression.upsert({
    where: { emailHash },
    create: { emailHash, reason: 'wiped' },
    update: { reason: 'wiped' },
  });
}
