// The morning benchmark's pure parts (bench/morning.bench.ts): where readers live, and the
// arithmetic of the report (stage rates, CPU per digest, the once-each check, the table).
// No I/O here, so bench/morning-plan.test.ts checks it without a database.

/**
 * Readers' time zones, weight in per cent: where readers of ML papers are, roughly (North
 * America, Europe, India, China, East Asia heavy; half- and quarter-hour offsets present), so
 * that 08:00 local (DIGEST_HOUR's default) rolls across the whole UTC day in ~24 waves.
 */
export const ZONE_WEIGHTS: readonly (readonly [zone: string, percent: number])[] = [
  ['America/Los_Angeles', 9],
  ['America/Denver', 2],
  ['America/Chicago', 5],
  ['America/New_York', 12],
  ['America/Mexico_City', 1],
  ['America/Sao_Paulo', 3],
  ['Pacific/Honolulu', 1],
  ['UTC', 4],
  ['Europe/London', 7],
  ['Europe/Paris', 9],
  ['Europe/Berlin', 7],
  ['Europe/Helsinki', 2],
  ['Europe/Moscow', 2],
  ['Africa/Lagos', 1],
  ['Asia/Dubai', 1],
  ['Asia/Tehran', 1],
  ['Asia/Kolkata', 8],
  ['Asia/Kathmandu', 1],
  ['Asia/Singapore', 3],
  ['Asia/Shanghai', 10],
  ['Asia/Seoul', 3],
  ['Asia/Tokyo', 4],
  ['Australia/Sydney', 3],
  ['Pacific/Auckland', 1],
];

/** 100 slots, each zone in as many as its weight: reader g lives in slots[(g * 7919) % 100]. */
export function zoneSlots(weights: readonly (readonly [string, number])[] = ZONE_WEIGHTS): string[] {
  const slots = weights.flatMap(([zone, percent]) => {
    if (!Number.isInteger(percent) || percent < 0) throw new RangeError(`weight of ${zone} must be a whole per cent`);
    return Array.from({ length: percent }, () => zone);
  });
  if (slots.length !== 100) throw new RangeError(`zone weights add up to ${slots.length}, not 100`);
  return slots;
}

/** Time window of a stage, in ms since the run's start (the first schedule job). */
export interface Window {
  fromMs: number;
  toMs: number;
}

export interface StageFigure {
  /** When the stage did its first and last piece of work, seconds since the start. */
  from: number;
  to: number;
  /** Digests (readers for the schedule) over the stage's own window. */
  perSecond: number;
}

const round = (x: number, digits = 0): number => Number(x.toFixed(digits));

/** `count` items over a window: the stage's own rate (a zero-length window: every item at once). */
export function stageFigure(count: number, window: Window): StageFigure {
  const seconds = Math.max(window.toMs - window.fromMs, 1) / 1000;
  return { from: round(window.fromMs / 1000, 1), to: round(window.toMs / 1000, 1), perSecond: round(count / seconds) };
}

/** CPU seconds per party → milliseconds per digest, two decimals. */
export function cpuPerDigest(digests: number, seconds: Record<string, number>): Record<string, number> {
  if (digests <= 0) throw new RangeError('no digests to divide by');
  return Object.fromEntries(Object.entries(seconds).map(([party, s]) => [party, round((s * 1000) / digests, 2)]));
}

export interface Tally {
  readers: number;
  /** Messages the sink accepted, and distinct Message-IDs among them. */
  received: number;
  distinctMessageIds: number;
  /** Delivery rows of the day: all, 'sent', distinct readers, distinct Message-IDs. */
  deliveries: number;
  sent: number;
  deliveredReaders: number;
  storedMessageIds: number;
}

/** Every reader got the day's digest once: all counts equal the readers; otherwise a list of what differs. */
export function onceEachProblems(t: Tally): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(t) as [keyof Tally, number][])
    if (name !== 'readers' && value !== t.readers) problems.push(`${name} ${value} ≠ readers ${t.readers}`);
  return problems;
}

export function assertOnceEach(t: Tally): void {
  const problems = onceEachProblems(t);
  if (problems.length) throw new Error(`not every reader got exactly one digest: ${problems.join('; ')}`);
}

/** Max of each numeric field over the samples (queue depth, memory). */
export function peaks<K extends string>(samples: readonly Record<K, number>[], keys: readonly K[]): Record<K, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const s of samples) for (const k of keys) if (s[k] > out[k]) out[k] = s[k];
  return out;
}

/** At most `max` of the samples, evenly spread, the first and the last kept (a day's curve in a report). */
export function thin<T>(samples: readonly T[], max: number): T[] {
  if (samples.length <= max) return [...samples];
  if (max < 2) return samples.slice(-1);
  const step = (samples.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => samples[Math.round(i * step)] as T);
}

/** One row of the BENCHMARKS.md table. */
export interface RunRow {
  workers: number;
  dkim: boolean;
  readers: number;
  wallSeconds: number;
  perSecond: number;
  schedule: StageFigure;
  build: StageFigure;
  send: StageFigure;
  cpuMsPerDigest: Record<string, number>;
  peakRssMb: Record<string, number>;
  dbMbBefore: number;
  dbMbAfter: number;
  redisPeakMb: number;
  maxWaiting: { build: number; send: number };
  load: string;
}

const HEADER = [
  'workers',
  'DKIM',
  'readers',
  'wall to last message',
  'digests/s',
  'schedule / build / send (/s)',
  'CPU ms per digest: workers / Postgres / Redis / sink / machine',
  'peak RSS MB: workers / sink / Redis',
  'DB MB before → after',
  'Redis peak MB',
  'max waiting build / send jobs',
  'load (1 min) start → end',
];

/** A markdown table, one row per run, in the form BENCHMARKS.md uses. */
export function markdownTable(rows: readonly RunRow[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const body = rows.map((r) => {
    const c = r.cpuMsPerDigest;
    const minutes = Math.floor(r.wallSeconds / 60);
    const wall = minutes ? `${minutes} min ${Math.round(r.wallSeconds % 60)} s` : `${r.wallSeconds.toFixed(1)} s`;
    return line([
      String(r.workers),
      r.dkim ? 'on' : 'off',
      r.readers.toLocaleString('en-US'),
      wall,
      r.perSecond.toLocaleString('en-US'),
      `${r.schedule.perSecond.toLocaleString('en-US')} / ${r.build.perSecond.toLocaleString('en-US')} / ${r.send.perSecond.toLocaleString('en-US')}`,
      `${c.workers} / ${c.postgres} / ${c.redis} / ${c.sink} / ${c.machine}`,
      `${Object.entries(r.peakRssMb)
        .filter(([k]) => k.startsWith('worker'))
        .map(([, v]) => v)
        .join(' + ')} / ${r.peakRssMb.sink} / ${r.peakRssMb.redis}`,
      `${r.dbMbBefore.toLocaleString('en-US')} → ${r.dbMbAfter.toLocaleString('en-US')}`,
      String(r.redisPeakMb),
      `${r.maxWaiting.build.toLocaleString('en-US')} / ${r.maxWaiting.send.toLocaleString('en-US')}`,
      r.load,
    ]);
  });
  return [line(HEADER), line(HEADER.map(() => '---')), ...body].join('\n');
}
