// BullMQ job ids double as idempotency keys: the same logical job gets the same id, so adding
// it twice while it exists is a no-op. BullMQ forbids ':' (its key separator) and ids made
// only of digits (they collide with its auto-increment ids).
export function jobId(...parts: (string | number)[]): string {
  if (parts.length === 0) throw new Error('jobId needs at least one part');
  const id = parts
    .map((part) => {
      const text = String(part);
      if (!text) throw new Error('jobId parts must not be empty');
      return text.replace(/[^A-Za-z0-9._@+-]/g, '_');
    })
    .join('-');
  return /^\d+$/.test(id) ? `id-${id}` : id;
}
