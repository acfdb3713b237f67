// The benchmarks' own pure helpers (bench/*.test.ts): npx jest -c bench/jest.config.js
module.exports = { ...require('../jest.preset.js'), testMatch: ['<rootDir>/**/*.test.ts'] };
