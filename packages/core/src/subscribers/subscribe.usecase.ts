// Subscribe: validate → refuse suppressed addresses silently → create or update the reader's
// choices → enqueue the confirmation email (throttled). Active readers get a "manage your
// subscription" email instead. The caller answers the same in every case (no enumeration),
// so `outcome` is for logs and tests only.
//
// The throttle slot is claimed *before* anything is written: a re-submission within
// CONFIRM_RESEND_MINUTES changes nothing, so the confirmation already on its way still shows
// exactly the choices that confirming it will use (the answer tells the reader when they can
// ask again). An unsubscribed reader stays unsubscribed until they confirm: the form is
// anonymous, so it may only *ask* them; their new choices wait, inert, on their row.
import type { ReaderDeps, RequestContext } from './reader-deps';
import { claimAndEnqueue, claimSlot, enqueueClaimed } from './send-claim';
import type { SubscribeInput } from './subscribe-input';
import {
  createReader,
  isSuppressed,
  isUniqueViolation,
  readerByEmail,
  recordEvent,
  replaceTopics,
  updateReaderIf,
} from './store';

export type SubscribeOutcome = 'confirmation_sent' | 'manage_link_sent' | 'throttled' | 'suppressed';

const REFUSED_STATUSES = new Set(['bounced', 'complained']);

function choices(deps: ReaderDeps, input: SubscribeInput) {
  const topics = input.topics.map((t) => ({ raw: t.raw, key: t.key }));
  const fields = {
    frequency: input.frequency,
    timezone: input.timezone,
    digestMode: input.digestMode,
    nextDigestAt: null,
  };
  const eventData = {
    topics: topics.map((t) => t.raw),
    digestMode: input.digestMode,
    frequency: input.frequency,
    timezone: input.timezone,
  };
  return { topics, fields, eventData, digestHour: deps.config.DIGEST_HOUR };
}

/** A new pending reader's id, or null when the address appeared meanwhile (a racing request). */
async function createPending(deps: ReaderDeps, input: SubscribeInput, context: RequestContext): Promise<number | null> {
  const { topics, fields, eventData, digestHour } = choices(deps, input);
  try {
    return await deps.db.$transaction(async (tx) => {
      const id = await createReader(tx, { email: input.email, ...fields, status: 'pending', digestHour }, topics);
      await recordEvent(tx, id, 'subscribed', eventData, context);
      return id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

/** The latest form wins for a reader who has not agreed to anything yet; false if their status moved. */
async function replaceChoices(
  deps: ReaderDeps,
  id: number,
  status: 'pending' | 'unsubscribed',
  input: SubscribeInput,
  context: RequestContext,
): Promise<boolean> {
  const { topics, fields, eventData } = choices(deps, input);
  return deps.db.$transaction(async (tx) => {
    if (!(await updateReaderIf(tx, id, status, fields))) return false;
    await replaceTopics(tx, id, topics);
    await recordEvent(tx, id, status === 'unsubscribed' ? 'resubscribe_requested' : 'subscribed', eventData, context);
    return true;
  });
}

export async function subscribe(
  deps: ReaderDeps,
  input: SubscribeInput,
  context: RequestContext = {},
): Promise<SubscribeOutcome> {
  if (await isSuppressed(deps.db, input.email)) return 'suppressed';
  // Twice at most: a racing request or a confirmation landing meanwhile sends us round again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const existing = await readerByEmail(deps.db, input.email);
    if (!existing) {
      const id = await createPending(deps, input, context);
      if (id === null) continue;
      return (await claimAndEnqueue(deps, id, 'confirm')) ? 'confirmation_sent' : 'throttled';
    }
    if (REFUSED_STATUSES.has(existing.status)) return 'suppressed';
    // Never a second subscription, and the existing preferences stay as they are.
    if (existing.status === 'active' || existing.status === 'paused') {
      return (await claimAndEnqueue(deps, existing.id, 'manage-link')) ? 'manage_link_sent' : 'throttled';
    }
    const slot = await claimSlot(deps, existing.id);
    if (slot === 'gone') continue; // purged as we looked: this is a new sign-up now
    if (slot === 'throttled') return 'throttled';
    if (!(await replaceChoices(deps, existing.id, existing.status as 'pending' | 'unsubscribed', input, context))) {
      await slot.release();
      continue;
    }
    await enqueueClaimed(deps, existing.id, 'confirm', slot);
    return 'confirmation_sent';
  }
  return 'throttled'; // changed under us every time: the same neutral answer
}
