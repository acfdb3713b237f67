import { progressBar } from './progress-bar';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return {
    writes,
    stream: { isTTY, columns: 120, write: (s: string) => writes.push(s) > 0 } as unknown as NodeJS.WriteStream,
  };
}

describe('progressBar', () => {
  it('when stderr is not a terminal, then nothing is drawn (logs and pipes stay clean)', () => {
    const { writes, stream } = fakeStream(false);
    const bar = progressBar('importing', 10, stream);
    bar.update(5);
    bar.done();
    expect(writes).toEqual([]);
  });

  it('when stderr is a terminal, then one line is redrawn in place with the share done, and cleared at the end', () => {
    const { writes, stream } = fakeStream(true);
    const bar = progressBar('retrying', 4, stream);
    bar.update(1, '1 of 4');
    bar.done();
    expect(writes[0]).toBe(`\r\x1b[2Kretrying [${'#'.repeat(7)}${'.'.repeat(21)}] 25% 1 of 4`);
    expect(writes[writes.length - 1]).toBe('\r\x1b[2K');
  });
});
