// Only `prisma dev` (a local Prisma Postgres server) loads @prisma/streams-local, and the real
// package requires Node.js 22. paperboy never runs `prisma dev` (it migrates with the schema
// engine in WebAssembly and generates the client offline), so npm installs this stub in its place
// and Node 20 installs without engine warnings. Should something load it, it says why it fails.

function notAvailable() {
  throw new Error(
    '@prisma/streams-local is replaced by a stub in paperboy (package.json "overrides"): `prisma dev` is not part of its toolchain',
  );
}

module.exports = { startLocalDurableStreamsServer: notAvailable };
