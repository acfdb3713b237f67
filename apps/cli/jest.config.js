const preset = require('../../jest.preset.js');

// The CLI workspace also runs the tests of the root scripts/ (npm start's and npm test's helpers),
// which belong to no workspace of their own.
module.exports = {
  ...preset,
  roots: ['<rootDir>', '<rootDir>/../../scripts'],
  testMatch: [...preset.testMatch, '<rootDir>/../../scripts/test/**/*.test.ts'],
};
