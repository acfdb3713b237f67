// A tiny browser-like client for HTTP tests of the reader pages: keeps the CSRF cookie and
// reads the hidden _csrf field, like a browser submitting the form would.
import { QUEUE } from '@paperboy/queue';
import type { TestApp } from './test-app';

export interface FormSession {
  cookie: string;
  csrf: string;
  html: string;
}

export async function openForm(url: string, cookie = ''): Promise<FormSession> {
  const res = await fetch(url, { headers: { Accept: 'text/html', cookie } });
  const html = await res.text();
  const setCookie = res.headers.get('set-cookie');
  const fresh = setCookie ? (setCookie.split(';')[0] as string) : cookie;
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  return { cookie: fresh, csrf, html };
}

export function postForm(
  url: string,
  fields: Record<string, string | string[]>,
  session?: FormSession,
  headers: Record<string, string> = {},
) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const item of [v].flat()) body.append(k, item);
  if (session) body.append('_csrf', session.csrf);
  return fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'text/html',
      ...(session ? { cookie: session.cookie } : {}),
      ...headers,
    },
    body,
  });
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

export async function transactionalJobs(app: TestApp) {
  const jobs = await app.queues[QUEUE.transactionalEmail].getJobs(['waiting', 'delayed', 'active', 'completed']);
  return jobs.map((j) => ({ id: j.id, data: j.data as { subscriberId: number; kind: string } }));
}

/** Creates an active reader directly, for tests that start after confirmation. */
export async function activeReader(app: TestApp, email: string, topics = ['reward models']) {
  return app.database.db.subscriber.create({
    data: {
      email,
      status: 'active',
      confirmedAt: new Date(),
      consentAt: new Date(),
      frequency: 'daily',
      topics: { create: topics.map((raw) => ({ raw, key: raw.toLowerCase() })) },
    },
  });
}
