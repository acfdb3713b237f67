// A seeded generator (mulberry32), so randomised tests, sample data and model training are
// reproducible: the same seed gives the same numbers. The one copy in the repository.
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pickOne = <T>(items: readonly T[], random: () => number): T =>
  items[Math.floor(random() * items.length)] as T;
