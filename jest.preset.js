// One Jest setup for every workspace: TypeScript through SWC (CommonJS, like the rest of the repo).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // Workspace packages export their TypeScript under the "source" condition (dist/ is for production).
  testEnvironmentOptions: { customExportConditions: ['source', 'node', 'node-addons'] },
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] },
  // Dynamic import() needs the compiled file's name ('./x.js') under Node's ESM rules; Jest reads ./x.ts.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/'],
  testTimeout: 30000,
};
