// Transactional emails (confirm, manage link, goodbye), the whole job: reload the reader, check
// they should still get it (prepareTransactionalEmail), render with the compiled templates, send,
// record. A reader who unsubscribed or was wiped while the job waited gets nothing. The worker's
// processor only wires this to its queue; tests can run it without a worker app.
import type { Config } from '@paperboy/config';
import type { Db } from '@paperboy/db';
import { buildMessage, createRenderer, type MailTransport, type RenderedEmail, type Renderer } from '@paperboy/email';
import type { ReaderConfig, TransactionalKind } from './reader-deps';
import { prepareTransactionalEmail, recordTransactionalSent, type TransactionalEmail } from './transactional-email.usecase';

export interface TransactionalSendDeps {
  db: Db;
  config: ReaderConfig & Pick<Config, 'MAIL_FROM'>;
  mail: Pick<MailTransport, 'sendMail'>;
}

export type TransactionalSendResult = { skipped: string } | { sent: TransactionalKind; messageId: string };

// MJML compiles once per process (tens of ms per template), not per email.
let renderer: Promise<Renderer> | undefined;
const getRenderer = () => (renderer ??= createRenderer());

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
  const message = buildMessage({
    from: deps.config.MAIL_FROM,
    to: email.to,
    content: render(await getRenderer(), email),
    idempotencyKey: email.idempotencyKey,
    // Only a subscribed reader's emails carry the one-click unsubscribe headers.
    unsubscribe: email.kind === 'manage-link' ? { url: email.links.oneClickUrl } : undefined,
  });
  // SMTP errors propagate: the caller's retry policy decides (the same Message-ID each time).
  await deps.mail.sendMail(message);
  await recordTransactionalSent(deps.db, email, message.messageId);
  return { sent: email.kind, messageId: message.messageId };
}
