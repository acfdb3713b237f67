// /admin/readers: find one reader by address and act for them. Server-rendered like the
// overview; every action is a POST form carrying the admin CSRF token.
import type { ReaderLookup } from '@paperboy/core';
import { html, type SafeHtml } from '../views/html';
import { adminLayout } from './admin-layout.view';

export interface ReadersPage {
  query: string;
  found: ReaderLookup | null;
  csrfToken: string;
  notice?: string;
}

const when = (d: Date | null | undefined) => (d ? d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : '—');
const TONES: Record<string, string> = {
  active: 'good',
  sent: 'good',
  paused: 'warn',
  pending: 'warn',
  sending: 'warn',
  skipped: 'warn',
};
const badge = (status: string) => html`<span class="badge ${TONES[status] ?? 'bad'}">${status}</span>`;

function actionButton(id: number, action: string, label: string, csrf: string, note: string, danger = false): SafeHtml {
  return html`<form method="post" action="/admin/readers/${id}/${action}" class="reader-action"><input type="hidden" name="_csrf" value="${csrf}">
    <button type="submit"${danger ? html` class="danger"` : html``}>${label}</button> <span class="muted small">${note}</span></form>`;
}

function details(f: ReaderLookup, csrf: string): SafeHtml {
  const s = f.subscriber;
  const canConfirm = s.status === 'pending' || s.status === 'unsubscribed';
  const canUnsubscribe = ['pending', 'active', 'paused'].includes(s.status);
  return html`<section class="card"><h2>${s.email} ${badge(s.status)}</h2>
    <table><tbody>
      <tr><th>Digest</th><td>${s.digestMode.replace('_', ' + ')}, ${s.frequency}${s.frequency === 'weekly' ? html` (day ${s.digestWeekday})` : html``}, ${String(s.digestHour).padStart(2, '0')}:00 ${s.timezone}</td></tr>
      <tr><th>Topics</th><td>${s.topics.length ? s.topics.map((t) => t.raw).join(', ') : html`<span class="muted">none</span>`}</td></tr>
      <tr><th>Signed up</th><td>${when(s.createdAt)}; confirmed ${when(s.confirmedAt)}${s.unsubscribedAt ? html`; unsubscribed ${when(s.unsubscribedAt)}` : html``}</td></tr>
      <tr><th>Next digest</th><td>${when(s.nextDigestAt)}</td></tr>
    </tbody></table></section>
    <section class="card"><h2>Actions</h2><p class="muted small">Each is recorded in the reader's events with your user name.</p>
      ${canConfirm ? actionButton(s.id, 'resend-confirmation', 'Resend confirmation', csrf, `at most one every few minutes; only pending readers and those who asked to come back get it`) : html``}
      ${canUnsubscribe ? actionButton(s.id, 'unsubscribe', 'Unsubscribe', csrf, 'stops every email at once') : html``}
      ${actionButton(s.id, 'wipe', 'Wipe all data', csrf, 'deletes the reader and their history; the address can never be emailed again', true)}</section>
    <section class="card"><h2>Last deliveries</h2>${
      f.deliveries.length === 0
        ? html`<p class="muted">None yet.</p>`
        : html`<table>
      <thead><tr><th>Period</th><th>Kind</th><th>Status</th><th class="num">Attempts</th><th>Sent</th><th>Last error</th></tr></thead><tbody>${f.deliveries.map(
        (d) =>
          html`<tr><td>${d.periodKey}</td><td>${d.kind}</td><td>${badge(d.status)}</td><td class="num">${d.attempts}</td><td>${when(d.sentAt)}</td><td class="small">${d.lastError ?? ''}</td></tr>`,
      )}</tbody></table>`
    }</section>
    <section class="card"><h2>Events</h2>${
      f.events.length === 0
        ? html`<p class="muted">None.</p>`
        : html`<table>
      <thead><tr><th>When</th><th>Event</th><th>Details</th></tr></thead><tbody>${f.events.map(
        (e) =>
          html`<tr><td>${when(e.createdAt)}</td><td>${e.type}</td><td class="small">${e.data ? JSON.stringify(e.data).slice(0, 300) : ''}</td></tr>`,
      )}</tbody></table>`
    }</section>`;
}

export function renderReaders(p: ReadersPage): string {
  const search = html`<form method="get" action="/admin/readers" class="card" role="search">
    <label for="q">Find a reader by email address</label>
    <div class="sendbox"><input id="q" name="q" type="search" value="${p.query}" autocomplete="off" spellcheck="false" style="flex:1;min-width:14rem"><button type="submit">Find</button></div>
    <p class="muted small">The exact address, in any case.</p></form>`;
  const notice = p.notice ? html`<div class="notice" role="status">${p.notice}</div>` : html``;
  const result = !p.query
    ? html``
    : p.found
      ? details(p.found, p.csrfToken)
      : html`<p class="card" role="status">No reader with the address <strong>${p.query}</strong>.</p>`;
  return adminLayout('Readers', html`<h1>Readers</h1>${notice}${search}${result}`, 'readers');
}
