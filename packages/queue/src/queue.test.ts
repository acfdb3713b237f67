import { randomBytes } from 'node:crypto';
import { jobId } from './job-id';
import { QUEUE } from './names';
import { parsePayload } from './payloads';
import { closeQueues, createQueues } from './queues';
import { createRedis } from './redis';

describe('jobId', () => {
  it('when parts contain BullMQ separators, then they are replaced so the id is legal', () => {
    expect(jobId('digest', 42, '2026-11-27')).toBe('digest-42-2026-11-27');
    expect(jobId('send', 'a:b c')).toBe('send-a_b_c');
  });
  it('when the id would be digits only, then it is prefixed', () => {
    expect(jobId(12)).toBe('id-12');
  });
  it('when a part is empty, then it refuses', () => {
    expect(() => jobId('x', '')).toThrow(/empty/);
  });
});

describe('parsePayload', () => {
  it('when the payload is valid, then it is returned typed', () => {
    expect(parsePayload(QUEUE.digestSend, { deliveryId: 7 })).toEqual({ deliveryId: 7 });
  });
  it('when the payload is malformed, then the error names the queue and the field', () => {
    expect(() => parsePayload(QUEUE.digestSend, { deliveryId: 'seven' })).toThrow(/digest-send.*deliveryId/);
  });
  it('when a send job carries a batch, then it is accepted; both or neither of deliveryIds and deliveryId, or an empty batch, is refused', () => {
    expect(parsePayload(QUEUE.digestSend, { deliveryIds: [1, 2] })).toEqual({ deliveryIds: [1, 2] });
    expect(() => parsePayload(QUEUE.digestSend, { deliveryIds: [1], deliveryId: 1 })).toThrow(
      /either deliveryIds or deliveryId/,
    );
    expect(() => parsePayload(QUEUE.digestSend, {})).toThrow(/either deliveryIds or deliveryId/);
    expect(() => parsePayload(QUEUE.digestSend, { deliveryIds: [] })).toThrow(/deliveryIds/);
  });
  it('when a build job carries readers or one reader, then it is accepted; a mix, or half a reader, is refused', () => {
    const reader = { subscriberId: 3, periodKey: 'd2026-11-27' };
    expect(parsePayload(QUEUE.digestBuild, { readers: [reader] })).toEqual({ readers: [reader] });
    expect(parsePayload(QUEUE.digestBuild, reader)).toEqual(reader);
    expect(() => parsePayload(QUEUE.digestBuild, { readers: [reader], subscriberId: 3 })).toThrow(
      /either readers, or subscriberId and periodKey/,
    );
    expect(() => parsePayload(QUEUE.digestBuild, { subscriberId: 3 })).toThrow(
      /either readers, or subscriberId and periodKey/,
    );
    expect(() => parsePayload(QUEUE.digestBuild, { readers: [{ subscriberId: -1, periodKey: 'x' }] })).toThrow(
      /readers\.0\.subscriberId/,
    );
  });
});

describe('createQueues (real Redis)', () => {
  it('when the same job id is added twice, then the queue holds one job', async () => {
    const redis = createRedis('redis://127.0.0.1:6379');
    const prefix = `test-${randomBytes(4).toString('hex')}`;
    const queues = createQueues(redis, prefix);
    try {
      const queue = queues[QUEUE.digestSend];
      await queue.add('send', { deliveryId: 1 }, { jobId: jobId('send', 1) });
      await queue.add('send', { deliveryId: 1 }, { jobId: jobId('send', 1) });
      expect(await queue.getJobCounts('waiting')).toEqual({ waiting: 1 });
      await queue.obliterate({ force: true });
    } finally {
      await closeQueues(queues);
      redis.disconnect();
    }
  });
});
