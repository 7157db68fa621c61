import { defineConfig } from 'tsup';

// Runtime dependencies stay external so that users' bundlers deduplicate
// them; zod is a peer dependency for the same reason.
//
// The ESM build keeps one file per source module (no bundling): a bundler
// then loads only the modules an application imports, so importing the
// schemas never pulls in the clipping engine or GeographicLib (a single
// bundled file would import them at its top, and neither package declares
// itself free of side effects). The CJS build stays one file, as `require`
// cannot be tree-shaken anyway.
//
// The worker module of `controlHistory(…, { workers })` is the exception: a
// worker thread starts by loading it, and loading it as one file per module
// (the whole library behind `controlChange`) took 1.5 s a thread, where one
// bundled file with only what a step needs loads in about 0.1 s. Its
// dependencies (clipper2-ts, flatbush) stay external like everywhere else.
const shared = {
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  outDir: 'dist',
} as const;

export default defineConfig([
  {
    ...shared,
    entry: ['src/**/*.ts', '!src/**/*.test.ts', '!src/**/*.test-d.ts', '!src/history/_historyWorker.ts'],
    format: ['esm'],
    bundle: false,
    dts: { entry: { index: 'src/index.ts' } },
    clean: true,
  },
  {
    ...shared,
    entry: { index: 'src/index.ts' },
    format: ['cjs'],
    dts: { entry: { index: 'src/index.ts' } },
    treeshake: true,
  },
  {
    ...shared,
    entry: { 'history/_historyWorker': 'src/history/_historyWorker.ts' },
    format: ['esm'],
    platform: 'node',
    bundle: true,
  },
]);
