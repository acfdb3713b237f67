// Real headless Chromium (Debian package) through playwright-core, one fresh profile each.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function openBrowser(
  options: {
    javaScriptEnabled?: boolean;
    timezoneId?: string;
    viewport?: { width: number; height: number };
    httpCredentials?: { username: string; password: string };
  } = {},
): Promise<TestBrowser> {
  const profile = await mkdtemp(path.join(tmpdir(), 'paperboy-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: ARGS,
    headless: true,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    timezoneId: options.timezoneId,
    viewport: options.viewport ?? { width: 1100, height: 900 },
    httpCredentials: options.httpCredentials,
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
