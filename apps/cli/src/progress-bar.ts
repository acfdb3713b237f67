// A one-line progress bar on stderr, drawn only when stderr is a terminal: piped or logged
// output (cron, CI) stays clean, and stdout keeps only the result for scripts.
export interface ProgressBar {
  update(done: number, detail?: string): void;
  done(): void;
}

export function progressBar(
  label: string,
  total: number | undefined,
  stream: NodeJS.WriteStream = process.stderr,
): ProgressBar {
  if (!stream.isTTY) return { update: () => undefined, done: () => undefined };
  const width = 28;
  let last = 0;
  const draw = (done: number, detail = '') => {
    const now = Date.now();
    if (now - last < 80) return; // at most ~12 redraws a second
    last = now;
    const head = total
      ? `[${'#'.repeat(Math.round((Math.min(done, total) / total) * width)).padEnd(width, '.')}] ${Math.floor((done / total) * 100)}%`
      : `${done.toLocaleString('en-US')}`;
    stream.write(`\r\x1b[2K${label} ${head} ${detail}`.slice(0, (stream.columns || 100) - 1));
  };
  return {
    update: draw,
    done: () => stream.write('\r\x1b[2K'),
  };
}
