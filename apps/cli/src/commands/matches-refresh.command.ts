import { refreshRecentMatches } from '@paperboy/core';
import type { CommandModule } from '../command';
import { intFlag } from '../parse-args';

export const matchesRefreshCommand: CommandModule = {
  usage: 'matches:refresh [--days=14]',
  details: `Matches every paper of the last --days (default MATCH_WINDOW_DAYS, the window digests
read) again against every followed topic, with the matcher of this version of paperboy, and
leaves the stored matches exactly as a fresh match job would. Run it once after upgrading: the
matches already stored are the previous version's, and papers ingested later alone would be
matched the new way (its related-concepts vocabulary, its rules). Safe to run again; digests
built meanwhile read the rows as they stand.`,
  flags: ['days'],
  async run(args, ctx) {
    const sinceDays = intFlag(args, 'days', ctx.config.MATCH_WINDOW_DAYS, 3650);
    const started = Date.now();
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
