import { createMailTransport } from '@paperboy/email';
import { startTestApp, type TestApp } from './test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('dev mailbox page', () => {
  it('when an email is sent over SMTP, then the page lists it (escaped) and shows its parts', async () => {
    const transport = createMailTransport({ devMailboxPort: app.mailbox.port, poolSize: 1 });
    await transport.sendMail({
      from: 'p@example.org',
      to: 'reader@example.org',
      subject: 'Hello <b>reader</b>',
      text: 'plain body',
      html: '<p>rich body</p>',
    });
    transport.close();
    const message = await app.mailbox.waitFor((m) => m.subject.startsWith('Hello'));

    const list = await (await fetch(`${app.baseUrl}/dev/mailbox`)).text();
    expect(list).toContain('Hello &lt;b&gt;reader&lt;/b&gt;');
    expect(list).toContain('reader@example.org');

    const detail = await (await fetch(`${app.baseUrl}/dev/mailbox/${message.id}`)).text();
    expect(detail).toContain('plain body');
    const htmlPart = await fetch(`${app.baseUrl}/dev/mailbox/${message.id}/html`);
    expect(await htmlPart.text()).toContain('<p>rich body</p>');
    expect(htmlPart.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('when an unknown message is asked for, then it answers 404', async () => {
    expect((await fetch(`${app.baseUrl}/dev/mailbox/99999`)).status).toBe(404);
  });
});
