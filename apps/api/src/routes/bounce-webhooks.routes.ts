// POST /webhooks/bounces/{ses,postmark,sendgrid,mailgun}: relays report bounces and complaints
// after accepting an email. Each route only wires: verify (the email package), record and
// suppress (core's recordBounceNotices, idempotent). A relay whose secret is not configured
// has no route (404). Bad input, a wrong signature or credentials get a 4xx and never reach
// the database; the only 5xx is 503 when SNS's certificate cannot be fetched (SNS retries).
import express, { type Request, type RequestHandler, type Response, Router } from 'express';
import { recordBounceNotices } from '@paperboy/core';
import {
  type BounceNotice,
  confirmSnsSubscription,
  mailgunNotices,
  postmarkNotices,
  SENDGRID_SIGNATURE_HEADER,
  SENDGRID_TIMESTAMP_HEADER,
  sendgridNotices,
  sendgridPublicKey,
  SnsUnreachable,
  sesNotices,
  verifySendgridSignature,
  verifySnsMessage,
  WebhookRejected,
} from '@paperboy/email';
import { basicMatches, type Metrics } from '@paperboy/metrics';
import type { AppDeps } from '../deps';

/** SendGrid posts up to thousands of events at once; the others one event (plus its quoted headers). */
const MAX_BODY = '5mb';

export function bounceWebhookRoutes(deps: AppDeps, metrics?: Metrics): Router {
  const router = Router();
  const c = deps.config;
  // Raw bytes whatever the content type: signatures are over the body as sent (SNS posts text/plain).
  const raw = express.raw({ type: () => true, limit: MAX_BODY });
  const body = (req: Request): Buffer => (Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));

  const answer =
    (handle: (req: Request) => Promise<BounceNotice[] | { confirmed: true }>): RequestHandler =>
    async (req, res) => {
      try {
        const outcome = await handle(req);
        if (!Array.isArray(outcome)) return void res.json(outcome);
        const recorded = await recordBounceNotices(
          {
            db: deps.db,
            logger: req.log ?? deps.logger,
            onRecorded: (event) => metrics?.bouncesReported.inc(event),
            softBounceLimit: c.BOUNCE_SOFT_LIMIT,
            softBounceWindowDays: c.BOUNCE_SOFT_WINDOW_DAYS,
          },
          outcome,
        );
        res.json(recorded);
      } catch (error) {
        refuse(req, res, error);
      }
    };

  if (c.BOUNCE_SES_TOPIC_ARNS?.length) {
    const sns = {
      topicArns: c.BOUNCE_SES_TOPIC_ARNS,
      trustedUrl: c.BOUNCE_SNS_URL_PATTERN ? new RegExp(c.BOUNCE_SNS_URL_PATTERN) : undefined,
    };
    router.post(
      '/webhooks/bounces/ses',
      raw,
      answer(async (req) => {
        const envelope = await verifySnsMessage(body(req), sns);
        if (envelope.Type === 'SubscriptionConfirmation') {
          await confirmSnsSubscription(envelope, sns);
          req.log?.info({ topic: envelope.TopicArn }, 'SNS subscription confirmed');
          return { confirmed: true };
        }
        return envelope.Type === 'Notification' ? sesNotices(envelope) : [];
      }),
    );
  }

  if (c.BOUNCE_POSTMARK_USER && c.BOUNCE_POSTMARK_PASSWORD) {
    const credentials = { user: c.BOUNCE_POSTMARK_USER, password: c.BOUNCE_POSTMARK_PASSWORD };
    router.post(
      '/webhooks/bounces/postmark',
      // Credentials before the body is read: an anonymous client cannot make us parse anything.
      (req, res, next) => {
        if (basicMatches(req.headers.authorization, credentials)) return next();
        res.setHeader('WWW-Authenticate', 'Basic realm="paperboy bounces"');
        refuse(req, res, new WebhookRejected(401, 'credentials required'));
      },
      raw,
      answer(async (req) => postmarkNotices(body(req))),
    );
  }

  if (c.BOUNCE_SENDGRID_PUBLIC_KEY) {
    const key = sendgridPublicKey(c.BOUNCE_SENDGRID_PUBLIC_KEY);
    router.post(
      '/webhooks/bounces/sendgrid',
      raw,
      answer(async (req) => {
        verifySendgridSignature(key, body(req), req.get(SENDGRID_SIGNATURE_HEADER), req.get(SENDGRID_TIMESTAMP_HEADER));
        return sendgridNotices(body(req));
      }),
    );
  }

  if (c.BOUNCE_MAILGUN_SIGNING_KEY) {
    const signingKey = c.BOUNCE_MAILGUN_SIGNING_KEY;
    router.post(
      '/webhooks/bounces/mailgun',
      raw,
      answer(async (req) => mailgunNotices(body(req), signingKey)),
    );
  }
  return router;
}

function refuse(req: Request, res: Response, error: unknown): void {
  if (error instanceof WebhookRejected) {
    req.log?.warn({ path: req.path, reason: error.reason }, 'bounce webhook refused');
    res.status(error.status).json({ error: { code: 'webhook_refused', message: error.reason } });
    return;
  }
  if (error instanceof SnsUnreachable) {
    req.log?.warn({ path: req.path, reason: error.message }, 'bounce webhook: SNS unreachable');
    res.setHeader('Retry-After', '60');
    res.status(503).json({ error: { code: 'unavailable', message: error.message } });
    return;
  }
  throw error;
}
