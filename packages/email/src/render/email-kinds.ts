// The emails paperboy sends: for each, its template name, its data check and its view.
// The fast renderer and the naive (MJML-per-email) renderer both read this table, so they
// cannot drift apart.
import type {
  ConfirmEmailData,
  DigestEmailData,
  GoodbyeEmailData,
  ManageLinkEmailData,
  NoticeEmailData,
} from './email-data.types';
import { buildPaperView } from './paper-view-cache';
import { type BrandOptions, confirmView, digestView, goodbyeView, manageLinkView } from './email-views';
import { noticeView } from './notice-view';
import {
  validateConfirmData,
  validateDigestData,
  validateGoodbyeData,
  validateManageLinkData,
  validateNoticeData,
} from './validate-email-data';

export interface EmailKind<Data> {
  template: string;
  validate(data: unknown): asserts data is Data;
  view(brand: BrandOptions, data: Data): { subject: string };
}

export const EMAIL_KINDS = {
  digest: {
    template: 'digest',
    validate: validateDigestData,
    view: (brand, data) => digestView(brand, data, data.papers.map(buildPaperView)),
  } as EmailKind<DigestEmailData>,
  confirm: { template: 'confirm', validate: validateConfirmData, view: confirmView } as EmailKind<ConfirmEmailData>,
  manageLink: {
    template: 'manage-link',
    validate: validateManageLinkData,
    view: manageLinkView,
  } as EmailKind<ManageLinkEmailData>,
  goodbye: { template: 'goodbye', validate: validateGoodbyeData, view: goodbyeView } as EmailKind<GoodbyeEmailData>,
  notice: { template: 'notice', validate: validateNoticeData, view: noticeView } as EmailKind<NoticeEmailData>,
};

export type EmailKindName = keyof typeof EMAIL_KINDS;
