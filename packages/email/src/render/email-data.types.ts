// What callers hand the renderer. Plain data, no HTML: the renderer escapes every string.

export type DigestFrequency = 'daily' | 'weekly';

export interface EmailReader {
  email: string;
}

/** Why a paper was picked for this reader (from the matching engine). */
export interface MatchReason {
  /** The reader's topic, as they typed it. */
  topic: string;
  /** The words that matched, e.g. ["process reward models"]. */
  matched?: string[];
  /** Where they matched. */
  field?: 'title' | 'abstract' | 'keywords';
}

export interface DigestPaper {
  title: string;
  /** The paper's page (e.g. on Hugging Face or arXiv). */
  url: string;
  authors: string[];
  summary: string;
  upvotes: number;
  /** A structured reason, or one already phrased for the reader. */
  reason: MatchReason | string;
  pdfUrl?: string;
  codeUrl?: string;
}

export interface DigestEmailData {
  reader: EmailReader;
  topics: string[];
  frequency: DigestFrequency;
  papers: DigestPaper[];
  /** The digest's day; shown as e.g. "Friday, 27 November 2026" in `timeZone`. */
  date?: Date;
  /** IANA time zone of the reader (default UTC). */
  timeZone?: string;
  links: { manageUrl: string; unsubscribeUrl: string };
}

export interface ConfirmEmailData {
  reader: EmailReader;
  topics: string[];
  frequency: DigestFrequency;
  /** How long the confirm link stays valid, in hours (default 48). */
  expiresInHours?: number;
  /** What the digest will carry (default 'topics'): 'trending' needs no topics. */
  digestMode?: 'topics' | 'trending' | 'topics_trending';
  links: { confirmUrl: string };
}

export interface ManageLinkEmailData {
  reader: EmailReader;
  links: { manageUrl: string; unsubscribeUrl: string };
}

export interface GoodbyeEmailData {
  reader: EmailReader;
  links: { resubscribeUrl: string };
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}
