// The "never silent" notice: sent in place of an empty digest after several empty periods in a
// row. It says what the reader follows, what each topic matched over those periods, concrete
// broader or related topics with their counts, and links to the preferences page.
import { oneLine } from './escape';
import type { NoticeEmailData, TopicCount } from './email-data.types';
import { listPhrase, wrapText } from './format-text';
import type { BrandOptions } from './email-views';

const papers = (n: number) => `${n === 0 ? 'no' : n} paper${n === 1 ? '' : 's'}`;
const counted = (list: readonly TopicCount[]) =>
  list.map((t) => ({ topic: oneLine(t.topic), countLabel: papers(t.count) }));

export function noticeView({ brand }: BrandOptions, data: NoticeEmailData) {
  const unit = data.frequency === 'daily' ? 'day' : 'week';
  const window = `the last ${data.emptyPeriods === 1 ? unit : `${data.emptyPeriods} ${unit}s`}`;
  const topics = listPhrase(data.followed.map((t) => oneLine(t.topic)));
  const intro = `Nothing new on ${topics} in ${window}, so we sent no digest. Your subscription works: here is what we found, and topics that would bring you papers.`;
  const closing = `We will keep looking, and write again only when there is something new (or in ${data.emptyPeriods} ${unit}${data.emptyPeriods === 1 ? '' : 's'} if it stays quiet).`;
  const footerReason = `You get this email because ${data.reader.email} signed up for ${data.frequency} papers on ${topics}.`;
  return {
    brand,
    brandCaps: brand.toUpperCase(),
    email: data.reader.email,
    subject: `All quiet on ${data.followed.length === 1 ? topics : `your ${data.followed.length} topics`} for ${window.replace('the last ', '')}`,
    preview: `Nothing new on ${topics} lately. Here are broader topics that have papers.`,
    intro,
    textIntro: wrapText(intro, 72),
    windowLabel: window,
    followed: counted(data.followed),
    suggestions: counted(data.suggestions),
    closing,
    textClosing: wrapText(closing, 72),
    actionUrl: data.links.manageUrl,
    actionLabel: 'Change my topics',
    footerReason,
    textFooterReason: wrapText(footerReason, 72),
    manageUrl: data.links.manageUrl,
    unsubscribeUrl: data.links.unsubscribeUrl,
  };
}
