// Manage preferences: digest mode, topics, frequency, time zone and pause, from the signed manage link.
// Every change recomputes nextDigestAt so the scheduler never reads a stale due time.
import { AppError } from '../errors';
import { loadSubscriber } from './load-subscriber';
import { clock, enqueueTopicBackfill, type ReaderDeps, type RequestContext } from './reader-deps';
import { scheduleFor } from './schedule';
import { resolveDigestMode } from './digest-mode';
import { canonicalTimeZone, cleanFrequency, cleanTopics, invalidInput, type FieldErrors } from './subscribe-input';
import { carriedPapers, recordEvent, replaceTopics, sentDeliveries, updateReaderIf } from './store';

export interface PreferencesInput {
  topics: unknown;
  /** 'trending' | 'topics' | 'topics_trending'; undefined: unchanged (resolveDigestMode's rules). */
  digestMode?: unknown;
  frequency: unknown;
  timezone: unknown;
  /** true: pause digests; false: resume; undefined: leave as is. */
  paused?: boolean;
  /** Local delivery hour 0–23 and weekly delivery day 1 (Monday) – 7; undefined: unchanged. */
  digestHour?: unknown;
  digestWeekday?: unknown;
}

/** An optional whole number in [min, max] (form fields arrive as text). */
function optionalInt(value: unknown, min: number, max: number): number | undefined | null {
  if (value === undefined || value === '') return undefined;
  const n =
    typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,2}$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
}

function parse(input: PreferencesInput) {
  const fields: FieldErrors = {};
  const { topics, error } = cleanTopics(input.topics);
  if (error) fields.topics = error;
  const frequency = cleanFrequency(input.frequency);
  if (!frequency) fields.frequency = 'Please choose daily or weekly.';
  const timezone = canonicalTimeZone(input.timezone);
  if (!timezone) fields.timezone = 'Please choose a time zone from the list.';
  const digestHour = optionalInt(input.digestHour, 0, 23);
  if (digestHour === null) fields.digestHour = 'Please choose an hour from the list.';
  const digestWeekday = optionalInt(input.digestWeekday, 1, 7);
  if (digestWeekday === null) fields.digestWeekday = 'Please choose a day from the list.';
  if (Object.keys(fields).length > 0) throw invalidInput(fields);
  const schedule = {
    ...(digestHour == null ? {} : { digestHour }),
    ...(digestWeekday == null ? {} : { digestWeekday }),
  };
  return { topics, frequency: frequency!, timezone: timezone!, schedule };
}

function nextStatus(current: string, paused: boolean | undefined): string {
  if (paused === true && current === 'active') return 'paused';
  if (paused === false && current === 'paused') return 'active';
  return current;
}

export async function updatePreferences(
  deps: ReaderDeps,
  subscriberId: number,
  input: PreferencesInput,
  context: RequestContext = {},
) {
  const now = clock(deps);
  const clean = parse(input);
  const before = await loadSubscriber(deps.db, subscriberId);
  if (before.status === 'bounced' || before.status === 'complained') {
    throw new AppError('conflict', 'We cannot deliver to this address any more, so there is nothing to change.');
  }
  const resolved = resolveDigestMode(input.digestMode ?? before.digestMode, clean.topics.length);
  if ('error' in resolved) throw invalidInput({ [resolved.field]: resolved.error });
  const digestMode = resolved.mode;
  const status = nextStatus(before.status, input.paused) as typeof before.status;
  const after = { ...before, frequency: clean.frequency, timezone: clean.timezone, ...clean.schedule, status };
  const change = {
    before: {
      digestMode: before.digestMode,
      topics: before.topics.map((t) => t.raw),
      frequency: before.frequency,
      timezone: before.timezone,
    },
    after: {
      digestMode,
      topics: clean.topics.map((t) => t.raw),
      frequency: clean.frequency,
      timezone: clean.timezone,
      ...clean.schedule,
    },
  };
  await deps.db.$transaction(async (tx) => {
    // Conditional on the status we read: a one-click unsubscribe (or a confirmation) landing
    // between the read and this write must not be undone. Status is written only when the
    // reader changes it; the due time depends on it, so a changed status is a conflict.
    const updated = await updateReaderIf(tx, subscriberId, before.status, {
      digestMode,
      frequency: clean.frequency,
      timezone: clean.timezone,
      ...clean.schedule,
      ...(status !== before.status ? { status } : {}),
      nextDigestAt: scheduleFor(after, now),
    });
    if (!updated)
      throw new AppError(
        'conflict',
        'Your subscription changed while you were editing (for example, you unsubscribed). Nothing was saved; here is how it stands now.',
      );
    // A topic kept keeps its "fewer" / "mute" setting; a new one starts as normal.
    const kept = new Map(before.topics.map((t) => [t.key, t]));
    await replaceTopics(
      tx,
      subscriberId,
      clean.topics.map((t) => ({
        raw: t.raw,
        key: t.key,
        muted: kept.get(t.key)?.muted ?? false,
        weight: kept.get(t.key)?.weight ?? 1,
      })),
    );
    await recordEvent(tx, subscriberId, 'preferences_changed', change, context);
    if (status !== before.status)
      await recordEvent(tx, subscriberId, status === 'paused' ? 'paused' : 'resumed', undefined, context);
  });
  if (status === 'active' || status === 'paused') {
    // Pending readers are backfilled when they confirm; unsubscribed ones get no digest.
    const known = new Set(before.topics.map((t) => t.key));
    await enqueueTopicBackfill(
      deps,
      clean.topics.map((t) => t.key).filter((key) => !known.has(key)),
    );
  }
  return loadSubscriber(deps.db, subscriberId);
}

/** The manage page's data: the reader, their topics and the last digests sent. */
export async function loadManageView(deps: ReaderDeps, subscriberId: number) {
  const subscriber = await loadSubscriber(deps.db, subscriberId);
  const deliveries = await sentDeliveries(deps.db, subscriberId, 10);
  const papersOf = await carriedPapers(
    deps.db,
    deliveries.map((d) => d.id),
  );
  return {
    subscriber,
    deliveries: deliveries.map((d) => ({
      ...d,
      papers: papersOf(d.id).map(({ paper: { title, hfUrl, arxivUrl } }) => ({ paper: { title, hfUrl, arxivUrl } })),
    })),
  };
}

export type ManageView = Awaited<ReturnType<typeof loadManageView>>;
