// `papers:import <file>`: streams a JSON list or NDJSON file into Postgres in batches (memory
// stays flat whatever the file size), hands new papers to matching, and prints one summary
// line. Ctrl-C stops after the current batch; running the same command again resumes there.
import { statSync } from 'node:fs';
// The papers use cases alone (a subpath of the package): the whole of @paperboy/core (email,
// matching, digests) would add RSS to an import that must stay under 300 MB (bench/ingest-import.bench.ts).
import { importPaperFile, type IngestSummary } from '@paperboy/core/ingest';
import { EXIT, type CommandModule } from '../command';
import { intFlag } from '../parse-args';
import { progressBar } from '../progress-bar';

function fileSize(file: string): string {
  try {
    return `${(statSync(file).size / 1e6).toFixed(1)} MB`;
  } catch {
    return 'unreadable'; // importPaperFile explains why
  }
}

function summaryLine(file: string, s: IngestSummary, seconds: number): string {
  const rate = seconds > 0 ? ` (${Math.round(s.fetched / seconds).toLocaleString('en-US')}/s)` : '';
  return `Imported ${file}${s.resumed ? ' (resumed)' : ''}: ${s.fetched} record(s) in ${seconds.toFixed(1)} s${rate}: ${s.inserted} new, ${s.updated} updated, ${s.unchanged} unchanged, ${s.rejected} rejected; ${s.matchJobs} match job(s) queued (run ${s.runId}).`;
}

export const papersImportCommand: CommandModule = {
  usage: 'papers:import <file> [--batch-size=500] [--strict]',
  details: `Reads a JSON array or newline-delimited JSON file of papers (Hugging Face daily-papers
items or plain {id, title, abstract, authors, publishedAt, ...} records), streamed in batches so
memory stays flat, normalises them, upserts by arXiv id (never a duplicate; upvotes refreshed)
and hands new papers to matching. Invalid records are reported with their line and skipped.

An import that stopped part way (Ctrl-C, a crash, a database error) resumes where it stopped
when the same, unchanged file is imported again; importing it after it finished updates
changed papers only. Progress goes to stderr when it is a terminal; the summary to stdout.

Exit codes: 0 done; 1 failed, or no record was valid, or (with --strict) any record was rejected.`,
  flags: ['batch-size', 'strict'],
  positionals: [1, 1],
  async run(args, ctx) {
    const file = args.positionals[0]!;
    const batchSize = intFlag(args, 'batch-size', 500, 10_000);
    const bar = progressBar(`importing ${file} (${fileSize(file)})`, undefined);
    const abort = new AbortController();
    const onInterrupt = () => {
      ctx.err('\nInterrupted: stopping after the current batch. Run the same command again to resume.');
      abort.abort();
    };
    process.once('SIGINT', onInterrupt);
    const started = Date.now();
    let summary: IngestSummary;
    try {
      summary = await importPaperFile(
        { db: ctx.db, queues: ctx.queues, redis: ctx.redis, redisPrefix: ctx.config.REDIS_PREFIX, logger: ctx.logger },
        file,
        {
          batchSize,
          hfBaseUrl: ctx.config.HF_BASE_URL,
          signal: abort.signal,
          onBatch: (p) =>
            bar.update(p.fetched, `records · ${p.inserted} new · ${p.updated} updated · ${p.rejected} rejected`),
        },
      );
    } finally {
      bar.done();
      process.removeListener('SIGINT', onInterrupt);
    }
    if (summary.status === 'skipped') {
      ctx.err(`Not imported: another import of ${file} is running right now. Try again when it has finished.`);
      return EXIT.failed;
    }
    ctx.out(summaryLine(file, summary, (Date.now() - started) / 1000));
    if (summary.rejected > 0)
      ctx.err(`${summary.rejected} record(s) rejected; the first 50 are logged above with their line and reason.`);
    const nothingValid = summary.fetched > 0 && summary.rejected === summary.fetched;
    return nothingValid || (args.flags.strict && summary.rejected > 0) ? EXIT.failed : EXIT.ok;
  },
};
