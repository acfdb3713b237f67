import { Router } from 'express';
import type { AppDeps } from '../deps';
import { html } from '../views/html';
import { layout } from '../views/layout';

export function homeRoutes(_deps: AppDeps): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    const body = html`<h1>Trending research papers on your topics, in your inbox</h1>
      <p class="muted">The subscription form is not available yet.</p>`;
    res.type('html').send(layout({ title: 'Subscribe', body }));
  });
  return router;
}
