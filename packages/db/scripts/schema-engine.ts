// Prisma's schema engine compiled to WebAssembly, driven through a driver adapter, so that
// migrations work with no native engine and no internet (README, "Database migrations").
// The package is ESM and imports its .wasm as a module, which Node cannot do; we
// instantiate the .wasm ourselves with the JS glue as its import object.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
// The package is ESM-only and this workspace compiles to CommonJS, so its types are imported in
// ESM resolution mode (an import type rather than `import type ... with`, which Biome cannot parse).
type EngineModule = typeof import('@prisma/schema-engine-wasm', { with: { 'resolution-mode': 'import' }});
type SchemaEngine = EngineModule['SchemaEngine']['prototype'];

export async function openSchemaEngine(factory: SqlMigrationAwareDriverAdapterFactory): Promise<SchemaEngine> {
  const pkgDir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
  const glue = await import(path.join(pkgDir, 'schema_engine_bg.js'));
  const bytes = await readFile(path.join(pkgDir, 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': glue });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  const engine: EngineModule['SchemaEngine'] = glue.SchemaEngine;
  return engine.new({ datamodels: undefined }, () => {}, bindMigrationAwareSqlAdapterFactory(factory));
}
