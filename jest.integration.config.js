process.env.TZ = 'UTC';
const unit = require('./jest.config');

// Integration tests run against a real Prometheus started by demo/harness; node environment, one at a time
// so that two Prometheus servers and their backfills do not fight over the 2 cores.
module.exports = {
  ...unit,
  testEnvironment: 'node',
  setupFilesAfterEnv: [],
  testPathIgnorePatterns: ['/node_modules/'],
  testMatch: ['<rootDir>/{src,demo,cli,bench,scripts}/**/*.int.test.ts'],
  roots: ['<rootDir>/src', '<rootDir>/demo', '<rootDir>/cli', '<rootDir>/scripts'],
  testTimeout: 300000,
};
