// Text a reader sends must be storable and showable: PostgreSQL refuses NUL in text and a lone
// UTF-16 surrogate in JSON (the audit events), and neither means anything to a reader. Such
// input is refused with a message instead of failing deep in the database.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Embedding, override and isolate controls reorder what follows them: a topic quoted back in an
 * email or on the home page could display as other text than it is ("Trojan Source"). */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** A sentence naming the problem, or undefined when the text is fine. */
export function unsafeTextProblem(text: string, what: string): string | undefined {
  if (CONTROL.test(text)) return `${what} contains a control character (such as NUL); please remove it.`;
  if (LONE_SURROGATE.test(text))
    return `${what} contains an invalid character (a broken emoji or symbol); please retype it.`;
  if (BIDI_CONTROL.test(text))
    return `${what} contains a character that reverses the text's direction; please remove it.`;
  return undefined;
}
