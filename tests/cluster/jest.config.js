/**
 * `npm run test:cluster`: the tests of several real nodes behind nginx (tests/cluster/harness.js starts them). Apart
 * from `npm test`, since each file starts PostgreSQL databases, an object store, nginx and Strapi processes.
 */
const path = require('path');

module.exports = {
  rootDir: path.resolve(__dirname, '..', '..'),
  displayName: 'cluster',
  testEnvironment: '<rootDir>/tests/cluster/environment.js',
  testMatch: ['<rootDir>/tests/cluster/**/*.cluster.test.ts'],
  transform: { '^.+\\.tsx?$': '@swc/jest' },
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  // A cluster starts in a minute or two, and a test may wait for a heartbeat to go stale.
  testTimeout: 600_000,
  maxWorkers: 1,
};
