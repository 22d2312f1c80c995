// Shared Jest settings: native ESM (Nest 12 and our packages are ES modules), TypeScript
// through SWC with legacy decorators and their metadata, workspace packages from source.
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true, tsx: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
    target: 'es2023',
    keepClassNames: true,
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

/** @param {Partial<import('jest').Config>} overrides */
export function jestConfig(overrides = {}) {
  return {
    testEnvironment: 'node',
    testTimeout: 30_000,
    extensionsToTreatAsEsm: ['.ts', '.tsx'],
    transform: { '^.+\\.tsx?$': ['@swc/jest', swc] },
    moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
    testEnvironmentOptions: {
      customExportConditions: ['@guichet/source', 'node', 'node-addons', 'default'],
    },
    testMatch: [
      '<rootDir>/src/**/*.spec.ts',
      '<rootDir>/test/**/*.spec.ts',
      '<rootDir>/test/**/*.*-spec.ts',
      '<rootDir>/src/**/*.*-spec.ts',
    ],
    ...overrides,
  };
}
