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
  field?: 'title' | 'abstract' | 'both' | 'keywords';
  /** 'related': the paper speaks of the topic's domain rather than naming it. */
  kind?: 'direct' | 'related';
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
  /** The arXiv abstract page, the Hugging Face paper page and the project's own page. */
  arxivUrl?: string;
  hfUrl?: string;
  projectUrl?: string;
  organization?: string;
  publishedAt?: Date;
  /** Comments on the Hugging Face paper page (shown when above zero). */
  numComments?: number;
  /** Upvotes gained the day the digest was built ("+12 today"; hidden when zero). */
  growth?: number;
  /** The reader's other topics this paper also matches. */
  also?: string[];
  /** 'trending': the paper is in the digest for being trending, not for a topic; 'liked': the
   * reader's votes brought it ("Because you liked …", reason already phrased). */
  section?: 'trending' | 'liked';
  /** The paper's id: when given, the card carries "More like this / Less like this" links
   * (`links.voteBase` must then be given). */
  paperId?: number;
}

export interface DigestEmailData {
  reader: EmailReader;
  /** The reader's topics, as typed; empty for a reader of top trending only. */
  topics: string[];
  frequency: DigestFrequency;
  /** In order, section by section: a section is the run of papers with the same reason topic
   * (trending papers last); readers with several topics see a heading per section. */
  papers: DigestPaper[];
  /** Followed topics with nothing new this period ("Nothing new on X today"). */
  quietTopics?: string[];
  /** The digest's day; shown as e.g. "Friday, 27 November 2026" in `timeZone`. */
  date?: Date;
  /** IANA time zone of the reader (default UTC). */
  timeZone?: string;
  links: {
    manageUrl: string;
    unsubscribeUrl: string;
    /** Where this reader's vote links begin, ending in "/": a card adds its paper id and
     * ?v=more / ?v=less. */
    voteBase?: string;
    /** This reader's topic link per section heading (their wording; ?do=fewer / ?do=mute). */
    topics?: Record<string, string>;
    /** One related topic other readers follow that `papers` of this digest's papers also
     * matched, with this reader's "add this topic" link (shown after the sections). */
    suggest?: { topic: string; papers: number; url: string };
  };
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

/** A topic and how many papers it matched over the notice's window. */
export interface TopicCount {
  topic: string;
  count: number;
}

/** "Never silent": sent instead of an empty digest after several empty periods in a row. */
export interface NoticeEmailData {
  reader: EmailReader;
  frequency: DigestFrequency;
  /** How many empty periods in a row led to this notice. */
  emptyPeriods: number;
  /** Each followed topic with the papers it matched over the window. */
  followed: TopicCount[];
  /** Broader or related topics (other readers') with their counts over the same window. */
  suggestions: TopicCount[];
  links: { manageUrl: string; unsubscribeUrl: string };
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}
