// The morning benchmark's pure helpers. Run: npx jest -c bench/jest.config.js
import {
  assertOnceEach,
  cpuPerDigest,
  onceEachProblems,
  peaks,
  stageFigure,
  thin,
  ZONE_WEIGHTS,
  zoneSlots,
  type Tally,
} from './morning-plan';

const tally = (over: Partial<Tally> = {}): Tally => ({
  readers: 1000,
  received: 1000,
  distinctMessageIds: 1000,
  deliveries: 1000,
  sent: 1000,
  deliveredReaders: 1000,
  storedMessageIds: 1000,
  ...over,
});

describe('morning plan', () => {
  it('when the zone weights add up to 100, then each zone fills as many of the 100 slots as its weight', () => {
    const slots = zoneSlots([
      ['Europe/Paris', 70],
      ['Asia/Tokyo', 30],
    ]);
    expect(slots).toHaveLength(100);
    expect(slots.filter((z) => z === 'Asia/Tokyo')).toHaveLength(30);
    expect(zoneSlots()).toHaveLength(100);
    expect(new Set(zoneSlots())).toEqual(new Set(ZONE_WEIGHTS.map(([z]) => z)));
  });

  it('when the zone weights do not add up to 100, then the plan is refused', () => {
    expect(() => zoneSlots([['UTC', 99]])).toThrow('add up to 99');
    expect(() => zoneSlots([['UTC', 99.5]])).toThrow('whole per cent');
  });

  it('when a stage built 2,000 digests between 1.5 s and 5.5 s, then its rate is 500/s over its own window', () => {
    expect(stageFigure(2000, { fromMs: 1500, toMs: 5500 })).toEqual({ from: 1.5, to: 5.5, perSecond: 500 });
  });

  it('when a stage did everything in one instant, then its rate is finite', () => {
    expect(Number.isFinite(stageFigure(10, { fromMs: 7, toMs: 7 }).perSecond)).toBe(true);
  });

  it('when 4,000 digests cost a party 3 CPU seconds, then it spent 0.75 ms per digest', () => {
    expect(cpuPerDigest(4000, { workers: 3, sink: 1 })).toEqual({ workers: 0.75, sink: 0.25 });
    expect(() => cpuPerDigest(0, { workers: 1 })).toThrow();
  });

  it('when every count equals the readers, then the once-each check passes', () => {
    expect(onceEachProblems(tally())).toEqual([]);
    expect(() => assertOnceEach(tally())).not.toThrow();
  });

  it('when a reader got two messages or one delivery was not recorded sent, then the check throws naming them', () => {
    expect(onceEachProblems(tally({ received: 1001, sent: 999 }))).toEqual([
      'received 1001 ≠ readers 1000',
      'sent 999 ≠ readers 1000',
    ]);
    expect(() => assertOnceEach(tally({ distinctMessageIds: 999 }))).toThrow('distinctMessageIds 999');
  });

  it('when samples are taken, then peaks are the maxima and a thinned curve keeps the first and last', () => {
    const samples = Array.from({ length: 101 }, (_, i) => ({ t: i, build: i === 40 ? 9 : 1, send: 0 }));
    expect(peaks(samples, ['build', 'send'])).toEqual({ build: 9, send: 0 });
    const curve = thin(samples, 11);
    expect(curve).toHaveLength(11);
    expect(curve[0]?.t).toBe(0);
    expect(curve[10]?.t).toBe(100);
    expect(thin(samples.slice(0, 3), 11)).toHaveLength(3);
  });
});
