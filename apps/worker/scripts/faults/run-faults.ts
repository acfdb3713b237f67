// `npm run test:faults [-- scenario…]`: runs the fault scenarios (scenarios.ts) one after the
// other against real Postgres, Redis (own prefix per scenario), SMTP on loopback and real worker
// processes, prints a table and writes it into docs/faults.md between its markers.
// Not part of `npm test`: a run takes a few minutes. FAULT_READERS (300), FAULT_SECONDS (30:
// the 451 burst and the 5.7.1 spell), FAULT_TIMEOUT_SECONDS (120) tune it.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SCENARIOS, type FaultResult, type ScenarioOptions } from './scenarios';
// (Each row names its scenario, its size and when it ran; a partial run replaces only its rows.)

const DOC = path.resolve(__dirname, '../../../../docs/faults.md');
const BEGIN = '<!-- faults:begin -->';
const END = '<!-- faults:end -->';

const HEADER = [
  '| scenario | fault | readers | lost | duplicates | suppressed | recovery (no person) | run | notes |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |',
];

function row(name: string, r: FaultResult): string {
  const recovery = r.recoveryMs === null ? 'not recovered' : `${(r.recoveryMs / 1000).toFixed(1)} s`;
  return `| \`${name}\` | ${r.scenario} | ${r.readers} | ${r.lost} | ${r.duplicates} | ${r.suppressed} | ${recovery} | ${new Date().toISOString().slice(0, 16)}Z | ${r.notes} |`;
}

/** The table with this run's rows in place of the same scenarios' earlier ones (a partial run keeps the rest). */
function mergeTable(previous: string, fresh: Map<string, string>): string {
  const rows = new Map<string, string>();
  for (const line of previous.split('\n')) {
    // Cells may be padded (a formatter aligns the table's columns).
    const key = /^\| `([^`]+)` +\|/.exec(line)?.[1];
    if (key) rows.set(key, line);
  }
  for (const [key, line] of fresh) rows.set(key, line);
  const order = Object.keys(SCENARIOS);
  const sorted = [...rows.entries()].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)).map(([, line]) => line);
  return [...HEADER, ...sorted].join('\n');
}

async function main(): Promise<void> {
  const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const chosen = names.length ? names : Object.keys(SCENARIOS);
  for (const name of chosen)
    if (!(name in SCENARIOS)) throw new Error(`unknown scenario ${name}; known: ${Object.keys(SCENARIOS).join(', ')}`);
  const options: ScenarioOptions = {
    readers: Number(process.env.FAULT_READERS ?? 300),
    faultMs: Number(process.env.FAULT_SECONDS ?? 30) * 1000,
    timeoutMs: Number(process.env.FAULT_TIMEOUT_SECONDS ?? 120) * 1000,
  };
  const results: FaultResult[] = [];
  const fresh = new Map<string, string>();
  for (const name of chosen) {
    process.stderr.write(`fault: ${name}…\n`);
    const result = await SCENARIOS[name as keyof typeof SCENARIOS](options);
    process.stderr.write(`  ${JSON.stringify(result)}\n`);
    results.push(result);
    fresh.set(name, row(name, result));
  }
  console.log([...HEADER, ...fresh.values()].join('\n'));
  const doc = readFileSync(DOC, 'utf8');
  const start = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (start === -1 || end === -1) throw new Error(`${DOC} lacks its ${BEGIN} … ${END} markers`);
  const table = mergeTable(doc.slice(start + BEGIN.length, end), fresh);
  writeFileSync(DOC, `${doc.slice(0, start + BEGIN.length)}\n${table}\n${doc.slice(end)}`);
  const failed = results.filter((r) => r.lost > 0 || r.recoveryMs === null);
  process.exitCode = failed.length ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
