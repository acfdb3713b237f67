// Validates what a reader sends (from the form or the JSON API) into clean values, or a
// message per field. Nothing touches the database before this passes.
import { normalizeTopic, TopicError } from '@paperboy/matching';
import { AppError } from '../errors';
import { resolveDigestMode, type DigestMode } from './digest-mode';
import { emailProblem, normalizeEmail } from './email-address';
import { unsafeTextProblem } from './safe-text';

export const MAX_TOPICS = 20;
export type Frequency = 'daily' | 'weekly';

export interface CleanTopic {
  raw: string;
  key: string;
}

export interface SubscribeInput {
  email: string;
  topics: CleanTopic[];
  frequency: Frequency;
  timezone: string;
  digestMode: DigestMode;
}

export type FieldErrors = Partial<
  Record<'email' | 'topics' | 'digestMode' | 'frequency' | 'timezone' | 'digestHour' | 'digestWeekday', string>
>;

/** A list, or one string separated by commas or new lines (operators script against this:
 * docs/architecture.md). */
export function splitTopics(input: unknown): unknown[] {
  const items = Array.isArray(input) ? input : input === undefined || input === null ? [] : [input];
  return items
    .flatMap((item) => (typeof item === 'string' ? item.split(/[,\n\r]+/) : [item]))
    .filter((t) => typeof t !== 'string' || t.trim() !== '');
}

/** Topics are optional (a reader may follow top trending only): none is an empty list, not an error. */
export function cleanTopics(input: unknown): { topics: CleanTopic[]; error?: string } {
  const items = splitTopics(input);
  const byKey = new Map<string, CleanTopic>();
  for (const item of items) {
    if (typeof item !== 'string') return { topics: [], error: 'Topics must be text.' };
    const unsafe = unsafeTextProblem(item, 'A topic');
    if (unsafe) return { topics: [], error: unsafe };
    try {
      const parsed = normalizeTopic(item);
      // Two spellings of one topic ("LLM", "large language models") are kept once, as first typed.
      if (!byKey.has(parsed.key)) byKey.set(parsed.key, { raw: parsed.label, key: parsed.key });
    } catch (error) {
      if (error instanceof TopicError) return { topics: [], error: error.message };
      throw error;
    }
  }
  if (byKey.size > MAX_TOPICS)
    return { topics: [], error: `Please keep it to ${MAX_TOPICS} topics at most (you have ${byKey.size}).` };
  return { topics: [...byKey.values()] };
}

/** The canonical IANA name ("utc" → "UTC"), or undefined when the zone is unknown. */
export function canonicalTimeZone(input: unknown): string | undefined {
  if (typeof input !== 'string' || input.length === 0 || input.length > 64) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: input }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

export function cleanFrequency(input: unknown): Frequency | undefined {
  return input === 'daily' || input === 'weekly' ? input : undefined;
}

export function invalidInput(fields: FieldErrors): AppError {
  const first = Object.values(fields)[0] ?? 'Please check the form.';
  return new AppError('invalid_input', first, { details: { fields } });
}

/** Throws AppError invalid_input with `details.fields` naming every bad field. */
export function parseSubscribeInput(body: Record<string, unknown>): SubscribeInput {
  const fields: FieldErrors = {};
  const email = typeof body.email === 'string' ? normalizeEmail(body.email) : '';
  const emailError = unsafeTextProblem(email, 'The email address') ?? emailProblem(email);
  if (emailError) fields.email = emailError;
  const { topics, error } = cleanTopics(body.topics);
  if (error) fields.topics = error;
  const mode = resolveDigestMode(body.digestMode, topics.length);
  if (!error && 'error' in mode) fields[mode.field] = mode.error;
  const frequency = cleanFrequency(body.frequency ?? 'daily');
  if (!frequency) fields.frequency = 'Please choose daily or weekly.';
  const timezone = canonicalTimeZone(body.timezone ?? 'UTC');
  if (!timezone) fields.timezone = 'Please choose a time zone from the list (for example Europe/Paris).';
  if (Object.keys(fields).length > 0) throw invalidInput(fields);
  return {
    email,
    topics,
    frequency: frequency as Frequency,
    timezone: timezone as string,
    digestMode: (mode as { mode: DigestMode }).mode,
  };
}
