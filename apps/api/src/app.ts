import path from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { createMetrics } from '@paperboy/metrics';
import { httpMetrics } from './admin/http-metrics.middleware';
import type { AppDeps } from './deps';
import { errorHandler, notFound } from './middleware/error-handler';
import { requestLogging } from './middleware/request-logging';
import { devMailboxRoutes } from './routes/dev-mailbox.routes';
import { adminRoutes } from './routes/admin.routes';
import { bounceWebhookRoutes } from './routes/bounce-webhooks.routes';
import { healthRoutes } from './routes/health.routes';
import { metricsRoutes } from './routes/metrics.routes';
import { papersApiRoutes } from './routes/papers-api.routes';
import { readerRoutes } from './routes/reader.routes';

/** Builds the HTTP app from its dependencies; listening is main.ts's job (tests use supertest-free fetch on port 0). */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.TRUST_PROXY);
  const metrics = deps.metrics ?? createMetrics({ service: 'api' });
  app.use(requestLogging(deps.logger));
  app.use(httpMetrics(metrics));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'https:'],
          formAction: ["'self'"],
          frameAncestors: ["'self'"],
          upgradeInsecureRequests: deps.config.isProduction ? [] : null,
        },
      },
    }),
  );
  // Reader pages' CSS and JS: static files, so the CSP needs no inline scripts.
  app.use('/static', express.static(path.join(__dirname, '../public'), { maxAge: '1h', index: false }));
  // Browsers ask for /favicon.ico on every page view (a 404 in the log each time): the logo mark, as SVG.
  app.get('/favicon.ico', (_req, res) =>
    res.type('image/svg+xml').sendFile(path.join(__dirname, '../public/favicon.svg'), { maxAge: '1d' }),
  );
  app.use(healthRoutes(deps));
  app.use(metricsRoutes(deps, metrics));
  app.use(adminRoutes(deps));
  app.use(papersApiRoutes(deps));
  app.use(bounceWebhookRoutes(deps, metrics));
  if (deps.devMailbox) app.use(devMailboxRoutes(deps.devMailbox));
  app.use(readerRoutes(deps));
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
