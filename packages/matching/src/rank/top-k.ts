// Keeps the k best (score desc, then paper id asc) of a stream without sorting all of it: a
// digest needs 10 papers out of the dozens of candidates a reader's topics bring. Fixed arrays
// and insertion, because this runs for every candidate of every reader.
export class TopK {
  private readonly itemsBuf: Int32Array;
  private readonly scoresBuf: Float64Array;
  size = 0;

  constructor(
    private readonly k: number,
    private readonly ids: readonly number[],
  ) {
    this.itemsBuf = new Int32Array(k);
    this.scoresBuf = new Float64Array(k);
  }

  reset(): void {
    this.size = 0;
  }

  get full(): boolean {
    return this.size >= this.k;
  }

  /** Score of the k-th item (the bar a newcomer must reach); -Infinity until full. */
  get floor(): number {
    return this.size >= this.k ? (this.scoresBuf[this.k - 1] as number) : -Infinity;
  }

  /** The i-th best item (0 ≤ i < size). */
  item(i: number): number {
    return this.itemsBuf[i] as number;
  }

  private before(score: number, item: number, at: number): boolean {
    const other = this.scoresBuf[at] as number;
    return (
      score > other ||
      (score === other && (this.ids[item] as number) < (this.ids[this.itemsBuf[at] as number] as number))
    );
  }

  offer(item: number, score: number): void {
    if (this.size >= this.k && !this.before(score, item, this.k - 1)) return;
    let at = Math.min(this.size, this.k - 1);
    while (at > 0 && this.before(score, item, at - 1)) {
      this.itemsBuf[at] = this.itemsBuf[at - 1] as number;
      this.scoresBuf[at] = this.scoresBuf[at - 1] as number;
      at -= 1;
    }
    this.itemsBuf[at] = item;
    this.scoresBuf[at] = score;
    if (this.size < this.k) this.size += 1;
  }
}
