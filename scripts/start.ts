// `npm start`: runs the API (with the dev mailbox when no SMTP server is configured) and the
// worker as two processes, as in production, prints where everything is once the API answers,
// and stops both cleanly on Ctrl-C.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ConfigError, loadConfig } from '@paperboy/config';

const root = path.resolve(__dirname, '..');

function run(name: string, entry: string): ChildProcess {
  // node --import tsx runs the service in this child itself (the tsx CLI would add a grandchild),
  // so SIGTERM reaches the process whose graceful shutdown it triggers.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, entry)], { stdio: 'inherit', cwd: root });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`paperboy: the ${name} process stopped unexpectedly (${signal ?? `exit ${code}`}); stopping.`);
      void stop(1);
    }
  });
  return child;
}

let stopping = false;
const children: ChildProcess[] = [];

async function stop(code: number): Promise<void> {
  stopping = true;
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
  process.exit(code);
}

async function waitForApi(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const local = `http://127.0.0.1:${config.PORT}`;
  children.push(run('api', 'apps/api/src/main.ts'), run('worker', 'apps/worker/src/main.ts'));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(0));
  if (!(await waitForApi(local, 30_000))) {
    if (!stopping) console.error(`paperboy: the API did not answer on ${local}/healthz within 30 s; see its log above.`);
    return;
  }
  const lines = [
    `paperboy is running (Ctrl-C to stop)`,
    `  Subscribe page   ${config.PUBLIC_URL}/`,
    config.useDevMailbox ? `  Dev mailbox      ${config.PUBLIC_URL}/dev/mailbox` : `  SMTP             configured (SMTP_URL)`,
    `  Admin            ${config.PUBLIC_URL}/admin`,
    `  Queue dashboard  ${config.PUBLIC_URL}/admin/queues`,
    `  Health           ${config.PUBLIC_URL}/healthz   ${config.PUBLIC_URL}/readyz`,
  ];
  console.log(`\n${lines.join('\n')}\n`);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
