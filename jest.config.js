/** Tests run TypeScript through SWC with legacy decorators and decorator metadata, which TypeGraphQL needs. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  setupFiles: ['reflect-metadata'],
  setupFilesAfterEnv: ['<rootDir>/test/helpers/shared-extraction-pool.teardown.ts'],
  maxWorkers: 2,
  // A guard against hangs, not a measure: on two busy cores a test that starts processes or a browser
  // can take many times as long as on a quiet machine, and no test asserts how long anything takes.
  testTimeout: 180_000,
};
