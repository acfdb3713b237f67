// DKIM signing of rendered digests, one core: Nodemailer's streaming signer (the library's byte
// loop over the body) against createDkimSigner (the same signature, the body hashed natively),
// side by side in one run, blocks alternating. Throws unless both sign every message the same,
// byte for byte. Run: npx tsx bench/dkim-sign.bench.ts [--rounds=9] [--batch=500]
// Results go in BENCHMARKS.md ("DKIM's body hash natively").
import { generateKeyPairSync } from 'node:crypto';
import os from 'node:os';
import { buildMessage } from '../packages/email/src/message/build-message';
import { buildRawMail } from '../packages/email/src/message/raw-message';
import { createRenderer } from '../packages/email/src/render/renderer';
import { sampleDigestData } from '../packages/email/src/render/sample-email-data';
import { createDkimSigner, dkimKey, streamingSigner } from '../packages/email/src/transport/dkim-sign';

const arg = (name: string, fallback: number): number =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const ROUNDS = arg('rounds', 9);
const BATCH = arg('batch', 500);

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function main(): Promise<void> {
  const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  const key = dkimKey({ domainName: 'example.org', keySelector: 'bench', privateKey });
  const library = streamingSigner(key);
  const native = createDkimSigner(key);

  const renderer = await createRenderer();
  const messages = Array.from({ length: BATCH }, (_, n) => {
    const data = sampleDigestData(n, 10);
    const message = buildMessage({
      from: 'Paperboy <papers@example.org>',
      to: data.reader.email,
      content: renderer.renderDigest(data),
      idempotencyKey: `bench-${n}`,
      secretKey: 'bench-secret-key-0123456789',
      list: { name: 'Paperboy daily papers', id: 'digest' },
      unsubscribe: { url: `https://paperboy.example.org/unsubscribe/one-click?token=${n}`, mailto: 'u@example.org' },
    });
    return buildRawMail(message, new Date('2026-12-07T08:00:00Z')).raw;
  });
  for (const m of messages.slice(0, 50))
    if (!(await native(m)).equals(await library(m))) throw new Error('the two signers disagree');

  const perMessageMs = { library: [] as number[], native: [] as number[] };
  for (let round = 0; round < ROUNDS; round++)
    for (const [name, sign] of [
      ['library', library],
      ['native', native],
    ] as const) {
      const start = process.cpuUsage();
      for (const m of messages) await sign(m);
      const used = process.cpuUsage(start);
      perMessageMs[name].push((used.user + used.system) / 1000 / messages.length);
    }
  const kb = messages.reduce((sum, m) => sum + m.length, 0) / messages.length / 1024;
  const lib = median(perMessageMs.library);
  const nat = median(perMessageMs.native);
  console.log(
    JSON.stringify(
      {
        node: process.version,
        cpu: os.cpus()[0]?.model,
        messages: messages.length,
        avgKb: Math.round(kb),
        rounds: ROUNDS,
        cpuMsPerMessage: {
          library: perMessageMs.library.map((x) => +x.toFixed(3)),
          native: perMessageMs.native.map((x) => +x.toFixed(3)),
        },
        medianMs: { library: +lib.toFixed(3), native: +nat.toFixed(3) },
        ratio: +(lib / nat).toFixed(2),
      },
      null,
      2,
    ),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
