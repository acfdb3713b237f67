// A strict reader of the Prometheus text exposition format (0.0.4), used by tests and by
// `paperboy stats --metrics`-style tooling to check that what /metrics serves is well-formed.
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface ParsedMetrics {
  types: Record<string, string>;
  samples: Sample[];
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(.*)\\})?\\s+(\\S+)(?:\\s+-?\\d+)?$`);
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*(?:,\s*|$)/y;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);

function parseLabels(text: string, line: number): Record<string, string> {
  const labels: Record<string, string> = {};
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < text.length) {
    const match = LABEL.exec(text);
    if (!match) throw new Error(`line ${line}: malformed labels {${text}}`);
    labels[match[1]!] = match[2]!.replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
  }
  return labels;
}

function parseValue(text: string, line: number): number {
  // Prometheus parses values with Go's ParseFloat: Inf/NaN in any case (prom-client writes "Nan"
  // for an event-loop histogram with no samples yet).
  if (/^\+?inf$/i.test(text)) return Infinity;
  if (/^-inf$/i.test(text)) return -Infinity;
  if (/^nan$/i.test(text)) return NaN;
  const value = Number(text);
  if (Number.isNaN(value)) throw new Error(`line ${line}: value "${text}" is not a number`);
  return value;
}

export function parsePrometheusText(text: string): ParsedMetrics {
  const types: Record<string, string> = {};
  const samples: Sample[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    if (line.startsWith('#')) {
      const type = /^# TYPE (\S+) (\S+)$/.exec(line);
      if (type) {
        if (!TYPES.has(type[2]!)) throw new Error(`line ${index + 1}: unknown type ${type[2]}`);
        types[type[1]!] = type[2]!;
      } else if (!/^# HELP \S+/.test(line) && /^# (TYPE|HELP)/.test(line)) {
        throw new Error(`line ${index + 1}: malformed comment`);
      }
      return;
    }
    const match = SAMPLE.exec(line);
    if (!match) throw new Error(`line ${index + 1}: not a sample: ${line}`);
    samples.push({
      name: match[1]!,
      labels: match[2] ? parseLabels(match[2], index + 1) : {},
      value: parseValue(match[3]!, index + 1),
    });
  });
  return { types, samples };
}

/** Sum of the samples named `name` whose labels include `labels`. */
export function sumSamples(parsed: ParsedMetrics, name: string, labels: Record<string, string> = {}): number {
  return parsed.samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}
