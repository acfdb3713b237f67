import { loggableUrl } from './request-logging';

describe('loggableUrl', () => {
  it('when a path carries a signed link token, then the token is replaced and the route kept', () => {
    const token = 'eyJwIjoidW5zdWJzY3JpYmUiLCJzIjoxfQ.KsMMGSyS8-Phmri5IerfstWdxufbfbfIq8hPgyHl-kE';
    expect(loggableUrl(`/unsubscribe/${token}`)).toBe('/unsubscribe/:token');
    expect(loggableUrl(`/manage/${token}/export?x=1`)).toBe('/manage/:token/export');
  });

  it('when a token-shaped segment is re-spelled (padding, stray characters, escapes, no dot), then it is redacted all the same', () => {
    const token = 'eyJwIjoidW5zdWJzY3JpYmUiLCJzIjoxfQ.KsMMGSyS8-Phmri5IerfstWdxufbfbfIq8hPgyHl-kE';
    for (const variant of [
      `${token}=`,
      `${token}!`,
      `${token}%3D`,
      `${token.replace(/-/g, '+')}`,
      token.replace('.', ''),
      `.${token}`,
    ]) {
      expect(loggableUrl(`/manage/${variant}/export`)).toBe('/manage/:token/export');
    }
  });

  it('when a path has no token, then only the query string is dropped', () => {
    expect(loggableUrl('/admin/queues/api/queues?page=2')).toBe('/admin/queues/api/queues');
    expect(loggableUrl('/static/app.v2.js')).toBe('/static/app.v2.js');
  });
});
