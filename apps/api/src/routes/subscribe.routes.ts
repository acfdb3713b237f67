// POST /subscribe (form or JSON), the proof-of-work challenge and the live preview.
// Abuse protection sits on the endpoint itself: per-IP and per-address limits in Redis, the
// challenge when SUBSCRIBE_CHALLENGE=on, CSRF for the HTML form.
import { Router, type Request, type Response } from 'express';
import {
  AppError,
  acceptPowProof,
  createPaperPreview,
  createPowChallenge,
  isAppError,
  parseSubscribeInput,
  subscribe,
} from '@paperboy/core';
import type { AppDeps } from '../deps';
import type { Csrf } from '../middleware/csrf.middleware';
import { evenTiming } from '../middleware/even-timing';
import { limitPerIp, tooManyRequests, type RateLimiter } from '../middleware/rate-limit.middleware';
import { checkInboxPage } from '../views/reader-pages';
import { formBody, readerDeps, requestContext, wantsJson } from './reader-helpers';
import type { SubscribeFormRenderer } from './home.routes';

/**
 * The same words whatever the address's state (no enumeration), and true in each: a new or
 * changed sign-up gets its email now, a re-submission within the resend window got one a
 * moment ago and changes nothing (see subscribe.usecase).
 */
export function neutralAnswer(resendMinutes: number): string {
  const again =
    resendMinutes > 0
      ? ` If you don't see it, we can resend in ${resendMinutes} minute${resendMinutes === 1 ? '' : 's'}: send the form again then.`
      : '';
  return `Thanks! If that address can receive paperboy emails, a message is on its way or arrived in the last few minutes: check your inbox.${again}`;
}
/** Without JavaScript the challenge cannot run: such sign-ups get a much smaller budget. */
const NO_PROOF_LIMIT = 3;

export function subscribeRoutes(
  deps: AppDeps,
  csrf: Csrf,
  limiter: RateLimiter,
  renderForm: SubscribeFormRenderer,
): Router {
  const router = Router();
  const { config } = deps;
  const window = () => config.SUBSCRIBE_LIMIT_WINDOW_SECONDS;
  const preview = createPaperPreview(deps.db, {
    minUpvotes: config.TRENDING_MIN_UPVOTES,
    broadShare: config.PREVIEW_BROAD_SHARE,
    maxPapers: config.PREVIEW_MAX_PAPERS,
    digestCap: config.DIGEST_MAX_PAPERS,
    ...(deps.now ? { now: deps.now } : {}),
  });

  async function checkProof(req: Request, res: Response): Promise<void> {
    if (!config.SUBSCRIBE_CHALLENGE) return;
    const raw = (req.body as Record<string, unknown>).proof;
    if (raw === undefined || raw === '') {
      const hit = await limiter('subscribe-noproof', req.ip ?? 'unknown', NO_PROOF_LIMIT, window());
      if (!hit.allowed)
        throw tooManyRequests(
          res,
          hit,
          'Too many sign-ups without the browser check from your network (it needs JavaScript).',
        );
      return;
    }
    const accepted = await acceptPowProof(
      { redis: deps.redis, secrets: [config.SECRET_KEY, config.SECRET_KEY_PREVIOUS], redisPrefix: config.REDIS_PREFIX },
      raw,
    );
    if (!accepted)
      throw new AppError('invalid_input', 'The anti-spam check did not pass. Please reload the page and try again.', {
        details: { fields: { proof: 'invalid or already used' } },
      });
  }

  router.get('/subscribe/challenge', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(createPowChallenge(config.SECRET_KEY, { maxNumber: config.SUBSCRIBE_CHALLENGE_DIFFICULTY }));
  });

  router.get(
    '/subscribe/preview',
    limitPerIp(
      limiter,
      'preview',
      () => 120,
      () => 60,
    ),
    async (req, res) => {
      const result = await preview(req.query.topics, { mode: req.query.mode, frequency: req.query.frequency });
      if ('error' in result)
        return void res.status(400).json({ error: { code: 'invalid_input', message: result.error } });
      res.setHeader('Cache-Control', 'no-store');
      res.json(result);
    },
  );

  router.get(
    '/subscribe/sent',
    (_req, res) => void res.type('html').send(checkInboxPage(config.CONFIRM_RESEND_MINUTES)),
  );

  router.post(
    '/subscribe',
    formBody,
    limitPerIp(limiter, 'subscribe-ip', () => config.SUBSCRIBE_LIMIT_PER_IP, window),
    csrf.require,
    async (req, res) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const settle = evenTiming(config.SUBSCRIBE_ANSWER_MS, req.log);
      try {
        await checkProof(req, res);
        const input = parseSubscribeInput(body);
        const hit = await limiter('subscribe-email', input.email, config.SUBSCRIBE_LIMIT_PER_EMAIL, window());
        if (!hit.allowed) throw tooManyRequests(res, hit, 'Too many sign-up attempts for this address.');
        const outcome = await subscribe(readerDeps(deps), input, requestContext(req));
        // Every outcome answers at the same time after the request began (no enumeration by timing).
        await settle();
        req.log?.info({ outcome }, 'subscribe request handled');
      } catch (error) {
        const fields =
          isAppError(error) && error.code === 'invalid_input'
            ? (error.details as { fields?: Record<string, string> })?.fields
            : undefined;
        if (!fields || wantsJson(req)) throw error;
        return void (await renderForm(req, res, 400, body, fields));
      }
      if (wantsJson(req))
        return void res.status(202).json({ status: 'accepted', message: neutralAnswer(config.CONFIRM_RESEND_MINUTES) });
      res.redirect(303, '/subscribe/sent');
    },
  );
  return router;
}
