import { classifySmtpError, describeSmtpError } from './smtp-errors';

const smtpError = (fields: Record<string, unknown>) => Object.assign(new Error('boom'), fields);

describe('classifySmtpError', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    [
      '550 5.1.1 to RCPT TO (no such user)',
      { responseCode: 550, command: 'RCPT TO', code: 'EENVELOPE', response: '550 5.1.1 <a@b.c>: user unknown' },
      'recipient',
    ],
    [
      '553 5.1.3 to RCPT TO (bad address syntax)',
      { responseCode: 553, command: 'RCPT TO', response: '553 5.1.3 bad recipient address syntax' },
      'recipient',
    ],
    [
      '550 5.1.1 only in the message (no response field)',
      {
        responseCode: 550,
        command: 'RCPT TO',
        message: "Can't send mail - all recipients were rejected: 550 5.1.1 no such user",
      },
      'recipient',
    ],
    [
      '550 5.7.1 relaying denied to RCPT TO',
      { responseCode: 550, command: 'RCPT TO', response: '550 5.7.1 relaying denied' },
      'refused',
    ],
    [
      '554 5.7.1 policy rejection at DATA',
      { responseCode: 554, command: 'DATA', response: '554 5.7.1 message refused by policy' },
      'refused',
    ],
    [
      '552 5.2.2 mailbox full',
      { responseCode: 552, command: 'RCPT TO', response: '552 5.2.2 mailbox full' },
      'refused',
    ],
    [
      '554 5.3.0 mail system error',
      { responseCode: 554, command: 'RCPT TO', response: '554 5.3.0 other mail system problem' },
      'refused',
    ],
    [
      '554 5.4.6 routing loop',
      { responseCode: 554, command: 'RCPT TO', response: '554 5.4.6 routing loop detected' },
      'refused',
    ],
    [
      '550 to RCPT TO without an enhanced code',
      { responseCode: 550, command: 'RCPT TO', response: '550 no such user here' },
      'refused',
    ],
    [
      '553 5.1.7 about our sender address at MAIL FROM',
      { responseCode: 553, command: 'MAIL FROM', response: '553 5.1.7 bad sender address syntax' },
      'refused',
    ],
    [
      '550 5.1.8 (our domain) at RCPT TO',
      { responseCode: 550, command: 'RCPT TO', response: '550 5.1.8 bad sender system address' },
      'refused',
    ],
    [
      '535 5.7.8 to AUTH',
      { responseCode: 535, command: 'AUTH PLAIN', code: 'EAUTH', response: '535 5.7.8 authentication failed' },
      'refused',
    ],
    [
      '554 to DATA without an enhanced code (content refused)',
      { responseCode: 554, command: 'DATA', code: 'EMESSAGE' },
      'permanent',
    ],
    [
      '554 5.6.0 to DATA (bad content)',
      { responseCode: 554, command: 'DATA', response: '554 5.6.0 message content rejected' },
      'permanent',
    ],
    ['a 421 greeting', { responseCode: 421, command: 'CONN', code: 'EPROTOCOL' }, 'transient'],
    ['a 451 to DATA (greylisting)', { responseCode: 451, command: 'DATA', code: 'EMESSAGE' }, 'transient'],
    [
      'a 450 4.1.1 (mailbox unknown, for now)',
      { responseCode: 450, command: 'RCPT TO', response: '450 4.1.1 try again' },
      'transient',
    ],
    ['a refused connection', { code: 'ECONNECTION', command: 'CONN' }, 'transient'],
    ['a dropped socket', { code: 'ESOCKET' }, 'transient'],
    ['an unknown error', {}, 'transient'],
  ];
  it.each(cases.map(([name, fields, expected]) => [name, expected, fields] as const))(
    'when the failure is %s, then it is %s',
    (_name, expected, fields) => {
      expect(classifySmtpError(smtpError(fields))).toBe(expected);
    },
  );

  it('when described, then the code, command and reply come first, bounded in length', () => {
    expect(describeSmtpError(smtpError({ code: 'EENVELOPE', command: 'RCPT TO', responseCode: 550 }))).toBe(
      '[EENVELOPE RCPT TO 550] boom',
    );
    expect(describeSmtpError(smtpError({ message: 'x'.repeat(2000) })).length).toBe(500);
  });
});
