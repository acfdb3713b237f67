import { classifySmtpError, describeSmtpError } from './smtp-error.classifier';

const smtpError = (fields: Record<string, unknown>) => Object.assign(new Error('boom'), fields);

describe('classifySmtpError', () => {
  it.each([
    ['a 550 to RCPT TO (no such user)', { responseCode: 550, command: 'RCPT TO', code: 'EENVELOPE' }, 'recipient'],
    ['a 553 to RCPT TO', { responseCode: 553, command: 'RCPT TO' }, 'recipient'],
    ['a 554 to DATA (content refused)', { responseCode: 554, command: 'DATA', code: 'EMESSAGE' }, 'permanent'],
    ['a 535 to AUTH', { responseCode: 535, command: 'AUTH PLAIN', code: 'EAUTH' }, 'permanent'],
    ['a 421 greeting', { responseCode: 421, command: 'CONN', code: 'EPROTOCOL' }, 'transient'],
    ['a 451 to DATA (greylisting)', { responseCode: 451, command: 'DATA', code: 'EMESSAGE' }, 'transient'],
    ['a refused connection', { code: 'ECONNECTION', command: 'CONN' }, 'transient'],
    ['a dropped socket', { code: 'ESOCKET' }, 'transient'],
    ['an unknown error', {}, 'transient'],
  ])('when the failure is %s, then it is %s', (_name, fields, expected) => {
    expect(classifySmtpError(smtpError(fields))).toBe(expected);
  });

  it('when described, then the code, command and reply come first, bounded in length', () => {
    expect(describeSmtpError(smtpError({ code: 'EENVELOPE', command: 'RCPT TO', responseCode: 550 }))).toBe('[EENVELOPE RCPT TO 550] boom');
    expect(describeSmtpError(smtpError({ message: 'x'.repeat(2000) })).length).toBe(500);
  });
});
