// Every page and endpoint a reader touches outside the digest, wired with one CSRF helper and
// one Redis-backed rate limiter shared by all API instances.
import { Router } from 'express';
import type { AppDeps } from '../deps';
import { createCsrf } from '../middleware/csrf.middleware';
import { createRateLimiter } from '../middleware/rate-limit.middleware';
import { confirmRoutes } from './confirm.routes';
import { feedbackRoutes } from './feedback.routes';
import { homeRoutes, subscribeFormRenderer } from './home.routes';
import { manageRoutes } from './manage.routes';
import { readerErrorPage } from './reader-helpers';
import { subscribeRoutes } from './subscribe.routes';
import { unsubscribeRoutes } from './unsubscribe.routes';

export function readerRoutes(deps: AppDeps): Router {
  const csrf = createCsrf(deps.config.SECRET_KEY, deps.config.PUBLIC_URL.startsWith('https:'));
  const limiter = createRateLimiter(deps.redis, deps.config.REDIS_PREFIX);
  const renderForm = subscribeFormRenderer(deps, csrf);
  const router = Router();
  router.use(homeRoutes(renderForm));
  router.use(subscribeRoutes(deps, csrf, limiter, renderForm));
  router.use(confirmRoutes(deps, csrf));
  router.use(manageRoutes(deps, csrf));
  router.use(unsubscribeRoutes(deps, csrf));
  router.use(feedbackRoutes(deps, csrf));
  router.use(readerErrorPage);
  return router;
}
