import { createMailTransport } from '../transport/mail-transport';
import { startDevMailbox } from './dev-mailbox';

describe('dev mailbox', () => {
  it('when a real SMTP client sends a message, then the mailbox keeps it parsed, newest first', async () => {
    const mailbox = await startDevMailbox({ port: 0 });
    const transport = createMailTransport({ devMailboxPort: mailbox.port, poolSize: 1 });
    try {
      await transport.sendMail({
        from: 'paperboy <p@example.org>',
        to: 'reader@example.org',
        subject: 'First',
        text: 'one',
      });
      await transport.sendMail({
        from: 'paperboy <p@example.org>',
        to: 'reader@example.org',
        subject: 'Second',
        text: 'two',
        html: '<p>two</p>',
        headers: { 'List-Unsubscribe': '<https://x.example/u/abc>' },
      });
      const second = await mailbox.waitFor((m) => m.subject === 'Second');
      expect(second.envelopeTo).toEqual(['reader@example.org']);
      expect(second.html).toContain('<p>two</p>');
      expect(second.text.trim()).toBe('two');
      expect(second.headers['list-unsubscribe']).toBe('<https://x.example/u/abc>');
      expect(mailbox.messages().map((m) => m.subject)).toEqual(['Second', 'First']);
    } finally {
      transport.close();
      await mailbox.close();
    }
  });

  it('when no matching message arrives in time, then waitFor rejects with a clear error', async () => {
    const mailbox = await startDevMailbox({ port: 0 });
    try {
      await expect(mailbox.waitFor(() => true, 50)).rejects.toThrow(/No matching email/);
    } finally {
      await mailbox.close();
    }
  });
});
