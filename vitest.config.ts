import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Examples and guides import from 'contested' exactly as an app would; the
  // alias (the same as tsconfig.json's `paths`, which tsx and typedoc read)
  // points it at the source.
  resolve: { alias: [{ find: /^contested$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) }] },
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
