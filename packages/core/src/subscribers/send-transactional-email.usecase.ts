// Transactional emails (confirm, manage link, goodbye), the whole job: reload the reader, check
// they should still get it (prepareTransactionalEmail), render with the compiled templates, send,
// record. A reader who unsubscribed or was wiped while the job waited gets nothing. The worker's
// processor only wires this to its queue; tests can run it without a worker app.
import type { Config } from '@paperboy/config';
import type { Db } from '@paperboy/db';
import {
  buildMessage,
  classifySmtpError,
  describeSmtpError,
  getSharedRenderer,
  type MailTransport,
  type RenderedEmail,
  type Renderer,
} from '@paperboy/email';
import { AppError } from '../errors';
import { hardBounceWrites } from './store';
import type { ReaderConfig, TransactionalKind } from './reader-deps';
import {
  prepareTransactionalEmail,
  recordTransactionalSent,
  type TransactionalEmail,
} from './transactional-email.usecase';

export interface TransactionalSendDeps {
  db: Db;
  config: ReaderConfig & Pick<Config, 'MAIL_FROM'>;
  mail: Pick<MailTransport, 'sendMail'>;
}

export type TransactionalSendResult = { skipped: string } | { sent: TransactionalKind; messageId: string };

function render(r: Renderer, email: TransactionalEmail): RenderedEmail {
  if (email.kind === 'confirm') return r.renderConfirm(email.data);
  if (email.kind === 'manage-link') return r.renderManageLink(email.data);
  return r.renderGoodbye(email.data);
}

export async function sendTransactionalEmail(
  deps: TransactionalSendDeps,
  job: { subscriberId: number; kind: TransactionalKind },
): Promise<TransactionalSendResult> {
  const prepared = await prepareTransactionalEmail(deps.db, deps.config, job);
  if ('skip' in prepared) return { skipped: prepared.skip };
  const email = prepared.send;
  const renderer = await getSharedRenderer();
  let message: ReturnType<typeof buildMessage>;
  try {
    message = buildMessage({
      from: deps.config.MAIL_FROM,
      to: email.to,
      content: render(renderer, email),
      idempotencyKey: email.idempotencyKey,
      secretKey: deps.config.SECRET_KEY,
      // Only a subscribed reader's emails carry the one-click unsubscribe headers.
      unsubscribe: email.kind === 'manage-link' ? { url: email.links.oneClickUrl } : undefined,
    });
  } catch (error) {
    // Bad stored data fails the same way every time: no retry.
    throw new AppError('internal', `cannot build the ${email.kind} email: ${(error as Error).message}`, {
      retryable: false,
      cause: error,
    });
  }
  try {
    await deps.mail.sendMail(message);
  } catch (error) {
    await failSend(deps, email, error);
  }
  await recordTransactionalSent(deps.db, email, message.messageId);
  return { sent: email.kind, messageId: message.messageId };
}

/** As for digests (classifySmtpError): transient errors and a relay's refusals retry (the same Message-ID each time); hard bounces and refused messages do not. */
async function failSend(deps: TransactionalSendDeps, email: TransactionalEmail, error: unknown): Promise<never> {
  const kind = classifySmtpError(error);
  const detail = describeSmtpError(error);
  if (kind === 'transient' || kind === 'refused') throw error;
  if (kind === 'recipient') {
    await deps.db.$transaction([
      ...hardBounceWrites(deps.db, { subscriberId: email.subscriberId, email: email.to }, detail, {
        email: email.kind,
      }),
    ]);
    throw new AppError('unavailable', `hard bounce: ${detail}`, { retryable: false, cause: error });
  }
  throw new AppError('unavailable', `rejected: ${detail}`, { retryable: false, cause: error });
}
