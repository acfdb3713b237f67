import { generateKeyPairSync } from 'node:crypto';
import { createMailTransport, mailTransportOptions } from './mail-transport';

const base = { SMTP_URL: 'smtp://127.0.0.1:2525', DEV_MAILBOX_PORT: 1025 };
const dkim = {
  DKIM_DOMAIN: 'example.org',
  DKIM_SELECTOR: 'pb',
  DKIM_PRIVATE_KEY: generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString(),
};

describe('mailTransportOptions', () => {
  it('when DKIM is configured, then the options sign with it and raw digests still take the lean pool (signed there)', () => {
    const options = mailTransportOptions({ ...base, ...dkim }, 3);
    expect(options).toEqual({
      smtpUrl: base.SMTP_URL,
      devMailboxPort: 1025,
      poolSize: 3,
      dkim: { domainName: 'example.org', keySelector: 'pb', privateKey: dkim.DKIM_PRIVATE_KEY },
    });
    const transport = createMailTransport(options);
    expect(typeof transport.sendRaw).toBe('function');
    transport.close();
  });

  it('when DKIM is not configured, then nothing is signed and raw digests may use the lean pool', () => {
    const options = mailTransportOptions(base, 1);
    expect(options).toEqual({ smtpUrl: base.SMTP_URL, devMailboxPort: 1025, poolSize: 1, dkim: undefined });
    const transport = createMailTransport(options);
    expect(typeof transport.sendRaw).toBe('function');
    transport.close();
  });
});
