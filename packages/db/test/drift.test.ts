import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { schemaPath } from '../scripts/migrations-dir';
import { runScript } from './run-script';

describe('schema drift check', () => {
  it('when schema.prisma and the committed migrations agree, then the check passes', () => {
    const result = runScript('check-drift.ts');
    expect(result.out).toContain('No drift');
    expect(result.code).toBe(0);
  });

  it('when schema.prisma gains a field with no migration, then the check fails and shows the missing SQL', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'paperboy-drift-'));
    const changed = readFileSync(schemaPath, 'utf8').replace(
      'model Paper {\n',
      'model Paper {\n  language     String?\n',
    );
    expect(changed).toContain('language     String?');
    const file = path.join(dir, 'schema.prisma');
    writeFileSync(file, changed);
    const result = runScript('check-drift.ts', [file]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/ALTER TABLE "Paper" ADD COLUMN\s+"language" TEXT/);
  });
});
