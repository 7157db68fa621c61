import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'examples/**/*.test.ts'],
    typecheck: {
      enabled: true,
      include: ['src/**/*.test-d.ts', 'test/**/*.test-d.ts'],
      tsconfig: './tsconfig.test.json',
    },
    testTimeout: 60_000,
    // Every test must assert something: a loop over nothing, or a catch that returns, fails.
    expect: { requireAssertions: true },
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
