import {
  EmailDataError,
  validateConfirmData,
  validateDigestData,
  validateGoodbyeData,
  validateManageLinkData,
} from './validate-email-data';
import { sampleDigestData } from './sample-email-data';

type Mutable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function digestWith(change: (data: Mutable) => void): unknown {
  const data = sampleDigestData(0, 2) as unknown as Mutable;
  change(data);
  return data;
}

describe('validateDigestData', () => {
  it('when the data is complete, then it passes', () => {
    expect(() => validateDigestData(sampleDigestData())).not.toThrow();
  });

  it.each<[string, (d: Mutable) => void, string]>([
    ['no reader', (d) => delete d.reader, 'reader is required'],
    ['a reader address without @', (d) => (d.reader.email = 'nobody'), 'reader.email is not an email address'],
    ['a quiet topic that is not text', (d) => (d.quietTopics = [42]), 'quietTopics[0] is required'],
    ['negative growth', (d) => (d.papers[0].growth = -3), 'papers[0].growth must be a whole number'],
    [
      'a javascript: project page',
      (d) => (d.papers[0].projectUrl = 'javascript:alert(1)'),
      'papers[0].projectUrl must be an http(s) URL',
    ],
    ['an unknown frequency', (d) => (d.frequency = 'hourly'), 'frequency must be "daily" or "weekly"'],
    ['no manage link', (d) => delete d.links.manageUrl, 'links.manageUrl is required'],
    [
      'a relative unsubscribe link',
      (d) => (d.links.unsubscribeUrl = '/unsubscribe'),
      'links.unsubscribeUrl must be an http(s) URL',
    ],
    ['a paper without a title', (d) => (d.papers[1].title = ' '), 'papers[1].title is required'],
    [
      'a data: PDF link',
      (d) => (d.papers[0].pdfUrl = 'data:application/pdf;base64,AAAA'),
      'papers[0].pdfUrl must be an http(s) URL',
    ],
    ['negative upvotes', (d) => (d.papers[0].upvotes = -1), 'papers[0].upvotes must be a whole number'],
    [
      'a reason without a topic',
      (d) => (d.papers[0].reason = { matched: ['x'] }),
      'papers[0].reason.topic is required',
    ],
    ['an unknown time zone', (d) => (d.timeZone = 'Mars/Olympus'), 'timeZone must be an IANA time zone'],
    ['an invalid date', (d) => (d.date = new Date('nope')), 'date must be a valid Date'],
  ])('when the digest has %s, then it is refused naming the field', (_name, change, message) => {
    expect(() => validateDigestData(digestWith(change))).toThrow(`digest email: ${message}`);
    expect(() => validateDigestData(digestWith(change))).toThrow(EmailDataError);
  });
});

describe('the other emails', () => {
  const reader = { email: 'ada@example.com' };

  it('when a confirmation lacks its link or has a bad expiry, then it is refused', () => {
    expect(() => validateConfirmData({ reader, topics: ['x'], frequency: 'daily', links: {} })).toThrow(
      'confirm email: links.confirmUrl is required',
    );
    expect(() =>
      validateConfirmData({
        reader,
        topics: ['x'],
        frequency: 'daily',
        expiresInHours: 0,
        links: { confirmUrl: 'https://a.b/c' },
      }),
    ).toThrow('expiresInHours must be a positive number');
  });

  it('when a manage-link or goodbye email lacks a link, then it is refused naming it', () => {
    expect(() => validateManageLinkData({ reader, links: { manageUrl: 'https://a.b/m' } })).toThrow(
      'manage-link email: links.unsubscribeUrl is required',
    );
    expect(() => validateGoodbyeData({ reader, links: { resubscribeUrl: 'javascript:x' } })).toThrow(
      'goodbye email: links.resubscribeUrl must be an http(s) URL',
    );
  });
});
