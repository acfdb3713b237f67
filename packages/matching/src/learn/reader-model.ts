// A reader's model: logistic regression over hashed tf-idf features, fitted by SGD with L2 from
// that reader's votes (more like this = +1, less like this = −1), like arxiv-sanity-lite's
// per-tag SVM. Papers the reader never saw stand in as weak negatives (the "rest" of one-vs-rest:
// they say nothing about the reader, only what an ordinary paper looks like), so one "more like
// this" does not make every paper look liked. The fitted weights are pruned to the largest |w|
// and packed into a compact string: a model is a few kilobytes whatever the number of votes.
import { FEATURE_SPACE, type SparseVector } from './paper-features';
import { seeded } from '../seeded-random';

export interface TrainingExample {
  features: SparseVector;
  /** +1 liked, −1 disliked or background. */
  label: 1 | -1;
  /** Example weight (votes 1, background papers less). */
  weight?: number;
}

export interface TrainOptions {
  /** L2 strength (default 1e-4). */
  lambda?: number;
  /** Passes over the examples (default 30). */
  epochs?: number;
  /** Weights kept after pruning (default 512). */
  maxWeights?: number;
  /** Deterministic shuffling seed (default 1). */
  seed?: number;
}

/** A trained model: sparse weights (sorted indices) and a bias. */
export interface LinearModel {
  idx: Int32Array;
  w: Float32Array;
  bias: number;
}

export const MODEL_FORMAT_VERSION = 1;
export const DEFAULT_MAX_WEIGHTS = 512;

/** Scratch space shared by every training in the process (training is synchronous). */
let scratch: Float64Array | undefined;
const touched: number[] = [];

/**
 * Fits the model. w is kept as scale × v so the L2 shrink of every weight is one multiply per
 * step (Bottou's trick); the learning rate decays as 1 / (λ (t + t0)).
 */
export function trainReaderModel(examples: readonly TrainingExample[], options: TrainOptions = {}): LinearModel {
  const lambda = options.lambda ?? 1e-4;
  const epochs = options.epochs ?? 30;
  const maxWeights = options.maxWeights ?? DEFAULT_MAX_WEIGHTS;
  if (examples.length === 0) return { idx: new Int32Array(0), w: new Float32Array(0), bias: 0 };
  scratch ??= new Float64Array(FEATURE_SPACE);
  const v = scratch;
  touched.length = 0;
  for (const e of examples)
    for (let i = 0; i < e.features.idx.length; i += 1) touched.push(e.features.idx[i] as number);
  let scale = 1;
  let bias = 0;
  const order = examples.map((_, i) => i);
  const random = seeded(options.seed ?? 1);
  const t0 = 1 / (lambda * 0.5); // first step size 0.5
  let t = 0;
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const k of order) {
      const e = examples[k] as TrainingExample;
      const eta = 1 / (lambda * (t + t0));
      t += 1;
      const { idx, val } = e.features;
      let margin = bias;
      for (let i = 0; i < idx.length; i += 1) margin += scale * (v[idx[i] as number] as number) * (val[i] as number);
      // d/dmargin of log(1 + e^(−y m)) is −y σ(−y m)
      const g = (e.weight ?? 1) * e.label * sigmoid(-e.label * margin);
      scale *= 1 - eta * lambda;
      if (scale < 1e-9) {
        for (const x of touched) v[x] = (v[x] as number) * scale;
        scale = 1;
      }
      const step = (eta * g) / scale;
      for (let i = 0; i < idx.length; i += 1)
        v[idx[i] as number] = (v[idx[i] as number] as number) + step * (val[i] as number);
      bias += eta * g * 0.1; // the bias learns slowly and is not shrunk
    }
  }
  return prune(v, scale, bias, maxWeights); // also clears the scratch space
}

function prune(v: Float64Array, scale: number, bias: number, maxWeights: number): LinearModel {
  // Distinct touched features (each zeroed once seen, so a repeat reads 0 and is skipped), then
  // the |w| of the maxWeights-th largest by a native typed-array sort: no closure comparisons.
  const distinct: number[] = [];
  const values: number[] = [];
  for (const x of touched) {
    const value = v[x] as number;
    if (value === 0) continue;
    distinct.push(x);
    values.push(value);
    v[x] = 0;
  }
  let floor = 0;
  if (values.length > maxWeights) {
    const magnitudes = new Float64Array(values.length);
    for (let i = 0; i < values.length; i += 1) magnitudes[i] = Math.abs(values[i] as number);
    floor = kthLargest(magnitudes, maxWeights);
  }
  const kept: [number, number][] = [];
  for (let i = 0; i < distinct.length && kept.length < maxWeights; i += 1)
    if (Math.abs(values[i] as number) >= floor) kept.push([distinct[i] as number, (values[i] as number) * scale]);
  kept.sort((a, b) => a[0] - b[0]);
  const idx = Int32Array.from(kept, (k) => k[0]);
  const w = Float32Array.from(kept, (k) => k[1]);
  return { idx, w, bias };
}

/** The k-th largest value (1-based) by quickselect, in place: O(n), no comparator calls. */
function kthLargest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  const target = a.length - k; // its index in ascending order
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i += 1;
      while ((a[j] as number) > pivot) j -= 1;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i += 1;
        j -= 1;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return a[target] as number;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** The model's margin for one paper (its log-odds of being liked). */
export function marginOf(model: LinearModel, features: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = model.bias;
  const { idx, w } = model;
  while (i < idx.length && j < features.idx.length) {
    const x = idx[i] as number;
    const y = features.idx[j] as number;
    if (x === y) {
      sum += (w[i] as number) * (features.val[j] as number);
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return sum;
}

/** "v1:<bias>:<base64 of the int32 indices, then the float32 weights>" (little-endian): a few
 * kB, stored per reader, and read back as two typed-array copies rather than value by value.
 * The bias is written in full (the shortest text that reads back as the same number): with six
 * significant digits, as before, a digest composed with a model fitted in the build differed in
 * its scores from the next build's with the same model loaded. */
export function packModel(model: LinearModel): string {
  const n = model.idx.length;
  const bytes = new Uint8Array(n * 8);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < n; i += 1) {
    view.setInt32(i * 4, model.idx[i] as number, true);
    view.setFloat32(n * 4 + i * 4, model.w[i] as number, true);
  }
  return `v${MODEL_FORMAT_VERSION}:${String(model.bias)}:${Buffer.from(bytes).toString('base64')}`;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The build unpacks a model per voter: they are carved from shared 64 kB slabs (~30 models
 * each) instead of an ArrayBuffer each, a malloc and a GC-tracked backing store per reader. A
 * slab stays alive as long as a model on it (a build batch's); a larger model gets its own. */
const SLAB_BYTES = 64 * 1024;
let slab = Buffer.allocUnsafeSlow(0);
let slabUsed = 0;

/** Makes room for `size` bytes at the slab's next free (8-aligned) place: its offset in `slab`. */
function slabRoom(size: number): number {
  if (size > SLAB_BYTES) {
    slab = Buffer.allocUnsafeSlow(size);
    slabUsed = 0;
  } else if (slabUsed + size > slab.length) {
    slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
    slabUsed = 0;
  }
  return slabUsed;
}

/** The model packed by packModel; undefined for anything else (an older format, a bad row). */
export function unpackModel(packed: string): LinearModel | undefined {
  // "v1:<bias>:<base64>", read without a pattern over the kilobytes of base64: a character that is
  // not base64 makes the decoded length differ from the one the text's length implies.
  if (!packed.startsWith('v1:')) return undefined;
  const colon = packed.indexOf(':', 3);
  if (colon < 0) return undefined;
  const biasText = packed.slice(3, colon);
  if (!/^[-+0-9.eE]+$/.test(biasText)) return undefined;
  const bias = Number(biasText);
  const text = packed.length - colon - 1;
  if (!Number.isFinite(bias) || text % 4 !== 0) return undefined;
  const padding = packed.endsWith('==') ? 2 : packed.endsWith('=') ? 1 : 0;
  const size = (text / 4) * 3 - padding;
  if (size % 8 !== 0) return undefined;
  const n = size / 8;
  // Decoded straight into the current slab (8-byte aligned slices), so on a little-endian machine
  // (all of them) the typed arrays are views of it, no copy.
  const at = slabRoom(size);
  const bytes = slab;
  if (bytes.write(packed.slice(colon + 1), at, size, 'base64') !== size) return undefined;
  slabUsed = at + ((size + 7) & ~7);
  let idx: Int32Array;
  let w: Float32Array;
  if (LITTLE_ENDIAN) {
    idx = new Int32Array(bytes.buffer, bytes.byteOffset + at, n);
    w = new Float32Array(bytes.buffer, bytes.byteOffset + at + n * 4, n);
  } else {
    const view = new DataView(bytes.buffer, bytes.byteOffset + at, size);
    idx = Int32Array.from({ length: n }, (_, i) => view.getInt32(i * 4, true));
    w = Float32Array.from({ length: n }, (_, i) => view.getFloat32(n * 4 + i * 4, true));
  }
  const space = FEATURE_SPACE; // read once: an imported binding may be a getter per access
  for (let i = 0; i < n; i += 1) {
    const x = idx[i] as number;
    if (x < 0 || x >= space || (i > 0 && x <= (idx[i - 1] as number))) return undefined;
  }
  return { idx, w, bias };
}
