import { ASSOCIATION_MIN_PAPERS, rebuildAssociations } from '@paperboy/core';
import type { CommandModule } from '../command';
import { intFlag } from '../parse-args';

export const associationsRebuildCommand: CommandModule = {
  usage: 'associations:rebuild [--window-days=180]',
  details: `Does what the daily 03:00 UTC job does, now: learns the term associations (words papers on
a followed topic use far more than other papers, a low-weight widening of the topic) from the
papers stored over the last --window-days (default ASSOCIATION_WINDOW_DAYS; the most recent
20,000 at most) and replaces the stored table. Below ${ASSOCIATION_MIN_PAPERS} papers it empties the table, so the one
shipped with paperboy applies. Workers pick the new table up on their next match run.`,
  flags: ['window-days'],
  async run(args, ctx) {
    const windowDays = intFlag(args, 'window-days', ctx.config.ASSOCIATION_WINDOW_DAYS, 3650);
    const started = Date.now();
    const r = await rebuildAssociations({ db: ctx.db, config: ctx.config }, { windowDays });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (r.table === 'learned') {
      ctx.out(
        `Learned associations for ${r.stored} of ${r.phrases} followed phrase(s), ${r.terms} term(s), from ${r.papers.toLocaleString('en-US')} paper(s) of the last ${windowDays} days in ${seconds} s.`,
      );
    } else if (r.papers < ASSOCIATION_MIN_PAPERS) {
      ctx.out(
        `Only ${r.papers} paper(s) in the last ${windowDays} days (${ASSOCIATION_MIN_PAPERS} needed): the stored table is empty, the shipped one applies.`,
      );
    } else {
      ctx.out(
        `Nothing learned from ${r.papers.toLocaleString('en-US')} paper(s) for ${r.phrases} followed phrase(s) (each must appear in enough of them): the shipped table applies.`,
      );
    }
    return 0;
  },
};
