import { refreshRecentMatches, rekeyStoredTopics } from '@paperboy/core';
import type { CommandModule } from '../command';
import { intFlag } from '../parse-args';

export const matchesRefreshCommand: CommandModule = {
  usage: 'matches:refresh [--days=14]',
  details: `First gives every stored topic the key its words make with this version of paperboy
(an upgrade may read the same words another way: a bracket restating an acronym, a British
spelling); a reader left with two topics of one key keeps the one they had. Then matches every
paper of the last --days (default MATCH_WINDOW_DAYS, the window digests read) again against every
followed topic, with this version's matcher, and leaves the stored matches exactly as a fresh
match job would. Run it once after upgrading: the keys and matches already stored are the
previous version's, and papers ingested later alone would be matched the new way (its
related-concepts vocabulary, its rules). Safe to run again; digests built meanwhile read the rows
as they stand.`,
  flags: ['days'],
  async run(args, ctx) {
    const sinceDays = intFlag(args, 'days', ctx.config.MATCH_WINDOW_DAYS, 3650);
    const started = Date.now();
    const keys = await rekeyStoredTopics({ db: ctx.db });
    ctx.out(
      `Read ${keys.topics.toLocaleString('en-US')} stored topic(s): ${keys.rekeyed.toLocaleString('en-US')} given the key their words make now, ${keys.merged.toLocaleString('en-US')} removed as the same topic twice.`,
    );
    if (keys.unreadable.length > 0)
      ctx.out(`Kept as they were (no longer a topic; at most 10 shown): ${keys.unreadable.join(', ')}`);
    const r = await refreshRecentMatches(
      { db: ctx.db, config: ctx.config },
      { sinceDays, onChunk: (sofar) => ctx.err(`  ${sofar.papers.toLocaleString('en-US')} paper(s) matched…`) },
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    ctx.out(
      `Matched ${r.papers.toLocaleString('en-US')} paper(s) of the last ${sinceDays} days again: ${r.matches.toLocaleString('en-US')} match row(s) written, ${r.removed.toLocaleString('en-US')} no longer found and removed, in ${seconds} s.`,
    );
    if (r.invalidKeys.length > 0)
      ctx.out(`Not matched (stored keys that do not parse): ${r.invalidKeys.slice(0, 10).join(', ')}`);
    return 0;
  },
};
