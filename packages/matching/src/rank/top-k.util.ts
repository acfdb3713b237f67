// Keeps the k best (score desc, then paper id asc) of a stream without sorting all of it: a
// digest needs 10 papers out of the few dozen candidates a reader's topics bring.
export class TopK {
  readonly items: number[] = [];
  private readonly scores: number[] = [];

  constructor(
    private readonly k: number,
    private readonly idOf: (item: number) => number,
  ) {}

  reset(): void {
    this.items.length = 0;
    this.scores.length = 0;
  }

  get full(): boolean {
    return this.items.length >= this.k;
  }

  /** Score of the k-th item (the bar a newcomer must beat); -Infinity until full. */
  get floor(): number {
    return this.full ? (this.scores[this.k - 1] as number) : -Infinity;
  }

  private before(score: number, item: number, at: number): boolean {
    const other = this.scores[at] as number;
    return score > other || (score === other && this.idOf(item) < this.idOf(this.items[at] as number));
  }

  offer(item: number, score: number): void {
    if (this.full && !this.before(score, item, this.k - 1)) return;
    let at = this.items.length;
    while (at > 0 && this.before(score, item, at - 1)) at -= 1;
    this.items.splice(at, 0, item);
    this.scores.splice(at, 0, score);
    if (this.items.length > this.k) {
      this.items.pop();
      this.scores.pop();
    }
  }
}
