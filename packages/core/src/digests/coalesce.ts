// Many small calls → one batched call: calls that arrive within a few milliseconds of each
// other are served by one batch (one statement for many rows instead of one per row), each
// call still getting its own result or error.

export interface CoalesceOptions {
  /** Largest batch. */
  maxBatch: number;
  /** How long the first call of a batch waits for company. */
  waitMs: number;
}

export function coalesce<I, O>(run: (inputs: I[]) => Promise<O[]>, options: CoalesceOptions): (input: I) => Promise<O> {
  type Waiter = { input: I; resolve: (o: O) => void; reject: (e: unknown) => void };
  let batch: Waiter[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const waiters = batch;
    batch = [];
    run(waiters.map((w) => w.input)).then(
      (outputs) => {
        waiters.forEach((w, i) => {
          w.resolve(outputs[i] as O);
        });
      },
      (error) => {
        for (const w of waiters) w.reject(error);
      },
    );
  };
  return (input) =>
    new Promise<O>((resolve, reject) => {
      batch.push({ input, resolve, reject });
      if (batch.length >= options.maxBatch) flush();
      else timer ??= setTimeout(flush, options.waitMs);
    });
}
