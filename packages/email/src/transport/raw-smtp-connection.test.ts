import { sevenBitMessage } from '../message/wire-form';
import { dotStuffed } from './raw-smtp-connection';

const built = (body: string) => sevenBitMessage([Buffer.from('Subject: x\r\n\r\n')], body, [Buffer.from('\r\n')])!;

describe('dotStuffed', () => {
  it('when a message built from checked pieces has lines opening with a dot, then every such dot is doubled', () => {
    // A lone "." line would end the DATA early (RFC 5321 §4.5.2): it must arrive as "..".
    const data = dotStuffed(built('<p>a</p>\r\n.\r\n.b\r\n..c'));
    expect(data?.toString('latin1')).toBe('Subject: x\r\n\r\n<p>a</p>\r\n..\r\n..b\r\n...c\r\n');
  });

  it('when a message was not built here, then it is checked, and a dot opening its first line is doubled too', () => {
    expect(dotStuffed(Buffer.from('.a\r\n.\r\nb\r\n'))?.toString('latin1')).toBe('..a\r\n..\r\nb\r\n');
  });

  it('when no line opens with a dot, then the same buffer goes out, not a copy', () => {
    const message = built('<p>a</p>\r\n<p>b.</p>');
    expect(dotStuffed(message)).toBe(message);
  });

  it.each([
    ['a bare LF', 'a\n.b\r\n'],
    ['a bare CR', 'a\r.b\r\n'],
    ['a bare LF on the first line', '\n.\r\n'],
  ])('when a message has %s, then it is left to Nodemailer, which fixes line ends', (_what, text) => {
    expect(dotStuffed(Buffer.from(text))).toBeUndefined();
  });
});
