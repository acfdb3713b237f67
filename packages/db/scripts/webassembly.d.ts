// The one WebAssembly call schema-engine.ts makes. Node has the global, but its types live in
// TypeScript's DOM lib, which server code does not load.
declare namespace WebAssembly {
  function instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }>;
}
