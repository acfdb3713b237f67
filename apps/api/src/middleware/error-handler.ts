import type { ErrorRequestHandler, RequestHandler } from 'express';
import { isAppError } from '@paperboy/core';
import { html } from '../views/html';
import { layout } from '../views/layout';

function wantsHtml(accept: string | undefined): boolean {
  return Boolean(accept && accept.includes('text/html'));
}

export const notFound: RequestHandler = (req, res) => {
  if (wantsHtml(req.headers.accept)) {
    res.status(404).type('html').send(layout({ title: 'Not found', body: html`<h1>This page does not exist</h1><p><a href="/">Go to the start page</a></p>` }));
    return;
  }
  res.status(404).json({ error: { code: 'not_found', message: `No route for ${req.method} ${req.path}` } });
};

/** Every error becomes a clear answer: AppErrors keep their code and status; others are 500s, logged. */
export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const bodyError = error as { type?: string; status?: number };
  let status = 500;
  let code = 'internal';
  let message = 'Something went wrong on our side. Please try again in a minute.';
  let details: unknown;
  if (isAppError(error)) {
    ({ status, code, message, details } = error);
  } else if (bodyError.type === 'entity.too.large') {
    [status, code, message] = [413, 'payload_too_large', 'The request body is too large.'];
  } else if (bodyError.type === 'entity.parse.failed') {
    [status, code, message] = [400, 'invalid_input', 'The request body is not valid JSON.'];
  } else {
    req.log?.error({ err: error }, 'unhandled error');
  }
  if (res.headersSent) return;
  if (wantsHtml(req.headers.accept)) {
    res.status(status).type('html').send(layout({ title: 'Error', body: html`<h1>${status >= 500 ? 'Sorry, that failed' : 'That did not work'}</h1><p>${message}</p><p><a href="/">Go to the start page</a></p>` }));
    return;
  }
  res.status(status).json({ error: { code, message, ...(details === undefined ? {} : { details }) } });
};
