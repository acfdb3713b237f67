export type TopicErrorCode = 'invalid' | 'empty' | 'too_long' | 'too_many_terms';

/** A topic the reader typed that cannot be used; the message is fit to show to the reader. */
export class TopicError extends Error {
  constructor(
    readonly code: TopicErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TopicError';
  }
}
