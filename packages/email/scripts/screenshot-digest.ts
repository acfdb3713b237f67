// Renders sample digests with the fast renderer and photographs them in headless Chromium:
// a three-topic reader (topic sections, "Also trending") at desktop (1280) and phone (390)
// widths, docs/digest-desktop.png and docs/digest-mobile.png, and a reader of top trending
// only (no topics) at 1280, docs/digest-trending.png.
// Run from the repository root: npx tsx packages/email/scripts/screenshot-digest.ts [file.png ...]
// (names given: only those shots are taken).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { createRenderer } from '../src/render/renderer';
import { sampleThreeTopicDigest, sampleTrendingDigest } from '../src/render/sample-email-data';

const DOCS = path.resolve(__dirname, '../../../docs');
const SHOTS = [
  { file: 'digest-desktop.png', data: sampleThreeTopicDigest, width: 1280, height: 900, fullPage: true },
  { file: 'digest-mobile.png', data: sampleThreeTopicDigest, width: 390, height: 844, fullPage: true },
  { file: 'digest-trending.png', data: sampleTrendingDigest, width: 1280, height: 900, fullPage: true },
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const shots = only.length > 0 ? SHOTS.filter((shot) => only.includes(shot.file)) : SHOTS;
  if (shots.length < only.length) throw new Error(`unknown shot; known: ${SHOTS.map((shot) => shot.file).join(', ')}`);
  const renderer = await createRenderer();
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'paperboy-chromium-'));
  // A fresh profile per run (Playwright passes it as --user-data-dir).
  const browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    for (const shot of shots) {
      const digest = renderer.renderDigest(shot.data());
      const page = await browser.newPage();
      await page.setViewportSize({ width: shot.width, height: shot.height });
      // The email must not fetch anything (no pixels, no fonts): block the network to prove it.
      await page.route('**/*', (route) => route.abort());
      await page.setContent(digest.html, { waitUntil: 'load' });
      await page.screenshot({ path: path.join(DOCS, shot.file), fullPage: shot.fullPage });
      await page.close();
      console.log(`wrote docs/${shot.file}`);
    }
  } finally {
    await browser.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
