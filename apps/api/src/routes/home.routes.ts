// GET /: the subscribe page, also re-rendered with messages when a form post is invalid.
import { Router, type Request, type Response } from 'express';
import { createTopicSuggestions, splitTopics } from '@paperboy/core';
import type { AppDeps } from '../deps';
import type { Csrf } from '../middleware/csrf.middleware';
import { subscribePage } from '../views/subscribe.page';

export type SubscribeFormRenderer = (
  req: Request,
  res: Response,
  status: number,
  body: Record<string, unknown>,
  errors: Record<string, string>,
) => Promise<void>;

export function subscribeFormRenderer(deps: AppDeps, csrf: Csrf): SubscribeFormRenderer {
  const suggestions = createTopicSuggestions(deps.db);
  const text = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);
  return async (req, res, status, body, errors) => {
    const values = {
      email: text(body.email, ''),
      topics: splitTopics(body.topics)
        .filter((t): t is string => typeof t === 'string')
        .map((t) => t.trim())
        .join('\n'),
      digestMode: text(body.digestMode, 'topics_trending'),
      frequency: text(body.frequency, 'daily'),
      timezone: text(body.timezone, 'UTC'),
    };
    const page = subscribePage({
      values,
      errors,
      suggestions: await suggestions(),
      csrf: csrf.token(req, res),
      challenge: deps.config.SUBSCRIBE_CHALLENGE,
    });
    res.status(status).type('html').send(page);
  };
}

export function homeRoutes(render: SubscribeFormRenderer): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    await render(req, res, 200, {}, {});
  });
  return router;
}
