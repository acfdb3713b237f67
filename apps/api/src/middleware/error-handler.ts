import type { ErrorRequestHandler, RequestHandler } from 'express';
import { isAppError } from '@paperboy/core';
import { html } from '../views/html';
import { layout } from '../views/layout';

function wantsHtml(accept: string | undefined): boolean {
  return Boolean(accept && accept.includes('text/html'));
}

export const notFound: RequestHandler = (req, res) => {
  if (wantsHtml(req.headers.accept)) {
    res
      .status(404)
      .type('html')
      .send(
        layout({
          title: 'Not found',
          body: html`<h1>This page does not exist</h1><p><a href="/">Go to the start page</a></p>`,
        }),
      );
    return;
  }
  res.status(404).json({ error: { code: 'not_found', message: `No route for ${req.method} ${req.path}` } });
};

// What body-parser, Express's router (an undecodable `%ff` in a path) and http-errors mean by
// their 4xx: the client's mistake, said plainly. Their own messages may echo input, so known
// types get a fixed sentence.
const CLIENT_ERRORS: Record<string, [number, string, string]> = {
  'entity.too.large': [413, 'payload_too_large', 'The request body is too large.'],
  'entity.parse.failed': [
    400,
    'invalid_input',
    'The request body could not be parsed (is it valid JSON or form data?).',
  ],
  'entity.verify.failed': [403, 'forbidden', 'The request body was refused.'],
  'charset.unsupported': [415, 'invalid_input', 'Unsupported charset: send the body as UTF-8.'],
  'encoding.unsupported': [
    415,
    'invalid_input',
    'Unsupported Content-Encoding: send the body as identity, gzip, deflate or br.',
  ],
  'parameters.too.many': [413, 'payload_too_large', 'The form has too many fields.'],
  'request.aborted': [400, 'invalid_input', 'The request body ended early.'],
  'request.size.invalid': [400, 'invalid_input', 'The request body does not match its Content-Length.'],
};

/** A 4xx thrown by a library (http-errors' `status`/`statusCode`), or undefined. */
function clientStatus(error: unknown): number | undefined {
  const e = error as { status?: unknown; statusCode?: unknown } | null;
  const status =
    typeof e?.status === 'number' ? e.status : typeof e?.statusCode === 'number' ? e.statusCode : undefined;
  return status !== undefined && status >= 400 && status < 500 ? status : undefined;
}

/** Every error becomes a clear answer: AppErrors keep their code and status, library 4xx stay 4xx; others are 500s, logged. */
export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const libraryError = error as { type?: string; message?: string; expose?: boolean };
  let status = 500;
  let code = 'internal';
  let message = 'Something went wrong on our side. Please try again in a minute.';
  let details: unknown;
  const known = typeof libraryError?.type === 'string' ? CLIENT_ERRORS[libraryError.type] : undefined;
  const client = clientStatus(error);
  if (isAppError(error)) {
    ({ status, code, message, details } = error);
  } else if (known && client) {
    [status, code, message] = known;
  } else if (client) {
    status = client;
    code = client === 404 ? 'not_found' : client === 413 ? 'payload_too_large' : 'invalid_input';
    message =
      error instanceof URIError || /decode/i.test(libraryError.message ?? '')
        ? 'The address contains an invalid percent-escape (such as %ff).'
        : 'The request could not be read; please check it and try again.';
  } else {
    req.log?.error({ err: error }, 'unhandled error');
  }
  if (res.headersSent) return;
  if (wantsHtml(req.headers.accept)) {
    res
      .status(status)
      .type('html')
      .send(
        layout({
          title: 'Error',
          body: html`<h1>${status >= 500 ? 'Sorry, that failed' : 'That did not work'}</h1><p>${message}</p><p><a href="/">Go to the start page</a></p>`,
        }),
      );
    return;
  }
  res.status(status).json({ error: { code, message, ...(details === undefined ? {} : { details }) } });
};
